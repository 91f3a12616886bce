/* csystem times C's system(3) running "true", for comparison with
 * proc.System: ./csystem N prints the mean nanoseconds per call. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

int main(int argc, char **argv) {
	int n = argc > 1 ? atoi(argv[1]) : 1000;
	struct timespec a, b;
	clock_gettime(CLOCK_MONOTONIC, &a);
	for (int i = 0; i < n; i++) {
		if (system("true") != 0) {
			fprintf(stderr, "csystem: system(\"true\") failed\n");
			return 1;
		}
	}
	clock_gettime(CLOCK_MONOTONIC, &b);
	double ns = (b.tv_sec - a.tv_sec) * 1e9 + (b.tv_nsec - a.tv_nsec);
	printf("BenchmarkCSystem %d %.0f ns/op\n", n, ns / n);
	return 0;
}
