#!/usr/bin/env bash
# Times proc.System("true") beside C's system(3) running the same command,
# interleaved so that all see the same machine: nine rounds of 1,000 calls
# each, then the median of each. proc.System is timed twice: in a program
# that leaves SIGINT and SIGQUIT alone, and in one that has asked for them
# with signal.Notify (as programs that handle Ctrl-C do).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cc -O2 -o "$tmp/csystem" bench/csystem.c
go test -c -o "$tmp/proc.test" .
gobench() {
	"$tmp/proc.test" -test.run '^$' -test.bench "$1" -test.benchtime 1000x |
		awk -v name="$2" '/ns\/op/ {print name, $3}'
}
for _ in 1 2 3 4 5 6 7 8 9; do
	"$tmp/csystem" 1000 | awk '{print "C", $3}'
	gobench 'BenchmarkSystem/proc.System$' Go
	gobench 'BenchmarkSystem/proc.System,' GoNotify
done > "$tmp/rounds"
median() { grep "^$1 " "$tmp/rounds" | cut -d' ' -f2 | sort -n | sed -n 5p; }
c=$(median C)
g=$(median Go)
n=$(median GoNotify)
echo "C system(3):                        $c ns/op (median of 9 x 1,000 calls)"
echo "proc.System:                        $g ns/op"
echo "proc.System, program has Notify:    $n ns/op"
awk -v c="$c" -v g="$g" -v n="$n" 'BEGIN {
	printf "proc.System / system(3) = %.3f; with Notify %.3f\n", g / c, n / c
}'
