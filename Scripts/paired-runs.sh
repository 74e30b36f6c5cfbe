#!/usr/bin/env bash
# Times two govreport binaries taking turns on the same corpus, run by run (the order swapped
# every pair), and prints the sums and the ratio of this build's wall and CPU time to the
# baseline's: on a shared machine whose speed drifts by tens of per cent within minutes,
# pairs taken straight after each other tell apart what rounds of `bench --baseline` do not.
#   Scripts/paired-runs.sh extract|build N BASELINE_BINARY CORPUS [THIS_BINARY]
# e.g. Scripts/paired-runs.sh extract 16 /tmp/base/.build/release/govreport .build-bench/corpus-10000
set -euo pipefail
cd "$(dirname "$0")/.."
phase="$1"; pairs="$2"; base="$3"; corpus="$4"; this="${5:-.build/release/govreport}"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
export GOVREPORT_HOME="$PWD"
run() {
  rm -rf "$out/site"
  if [ "$phase" = extract ]; then
    /usr/bin/time -f "%e %U %S" "$1" extract "$corpus" --format jsonl --output "$out/x.jsonl" -q 2>&1 >/dev/null | tail -1
  else
    /usr/bin/time -f "%e %U %S" "$1" build "$corpus" --output "$out/site" -q 2>&1 >/dev/null | tail -1
  fi
}
for i in $(seq 1 "$pairs"); do
  if [ $((i % 2)) = 1 ]; then a=$(run "$this"); b=$(run "$base"); else b=$(run "$base"); a=$(run "$this"); fi
  echo "$a | $b"
done | awk -F'|' '{split($1,x," "); split($2,y," "); tw+=x[1]; tc+=x[2]+x[3]; bw+=y[1]; bc+=y[2]+y[3]; print "this " $1 "| base " $2}
  END {printf "wall this %.2f base %.2f ratio %.3f | cpu this %.2f base %.2f ratio %.3f\n", tw, bw, tw/bw, tc, bc, tc/bc}'
