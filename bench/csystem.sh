#!/usr/bin/env bash
# Times proc.System("true") beside C's system(3) running the same command,
# interleaved so that both see the same machine: five rounds of 1,000 calls
# each, then the median of each.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cc -O2 -o "$tmp/csystem" bench/csystem.c
go test -c -o "$tmp/proc.test" .
for _ in 1 2 3 4 5; do
	"$tmp/csystem" 1000 | awk '{print "C", $3}'
	"$tmp/proc.test" -test.run '^$' -test.bench 'BenchmarkSystem/proc.System$' -test.benchtime 1000x |
		awk '/ns\/op/ {print "Go", $3}'
done > "$tmp/rounds"
median() { grep "^$1 " "$tmp/rounds" | cut -d' ' -f2 | sort -n | sed -n 3p; }
c=$(median C)
g=$(median Go)
echo "C system(3):  $c ns/op (median of 5 x 1,000 calls)"
echo "proc.System:  $g ns/op (median of 5 x 1,000 calls)"
awk -v c="$c" -v g="$g" 'BEGIN { printf "proc.System / system(3) = %.3f\n", g / c }'
