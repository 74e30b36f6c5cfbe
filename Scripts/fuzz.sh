#!/usr/bin/env bash
# Fuzz ingest → parse → check with libFuzzer for a bounded time.
#   Scripts/fuzz.sh [SECONDS]      (default 600)
# Seeds: the bundled samples and 200 generated reports. Crashes are written to
# Fuzz/crashes/; copy each into Tests/ParseTests/FuzzRegressions/ (a test replays them all).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-600}"
work=".build-fuzz"
swift build --scratch-path "$work" --product govreport-fuzz \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING -Xswiftc -g >/dev/null
swift build --product govreport >/dev/null
corpus="$work/corpus"
rm -rf "$corpus" && mkdir -p "$corpus" Fuzz/crashes
cp Resources/samples/*.txt "$corpus/"
.build/debug/govreport sample --count 200 --seed 1 --out "$work/generated" >/dev/null 2>&1
find "$work/generated" -type f \( -name '*.txt' -o -name '*.html' \) -exec cp {} "$corpus/" \;
cp Tests/ParseTests/FuzzRegressions/* "$corpus/" 2>/dev/null || true
"$work/debug/govreport-fuzz" -max_total_time="$seconds" -max_len=32768 -timeout=10 -rss_limit_mb=2048 -dict=Scripts/fuzz.dict \
  -print_final_stats=1 -artifact_prefix=Fuzz/crashes/ "$corpus"
