#!/usr/bin/env bash
# `make test` three times in a row while another process keeps one core busy: the suite must pass
# every time on a loaded machine (no test may depend on how fast the machine is). Prints each
# run's result and time, and fails if any run failed.
set -u
cd "$(dirname "$0")/.."
RUNS=${RUNS:-3}
MAKE=${MAKE:-make}

python3 -c 'while True: pass' &
busy=$!
trap 'kill "$busy" 2>/dev/null' EXIT
echo "test-under-load: one core kept busy by pid $busy; $RUNS runs of make test"

failed=0
summary=()
for i in $(seq 1 "$RUNS"); do
  log=$(mktemp)
  start=$(date +%s)
  if $MAKE --no-print-directory test >"$log" 2>&1; then status=passed; else status=FAILED; failed=1; fi
  took=$(( $(date +%s) - start ))
  result=$(grep -E '^(=+ )?[0-9]+ (passed|failed)|^FAILED|^ERROR' "$log" | tail -n 12)
  line="run $i/$RUNS: $status in ${took} s: $(grep -E '[0-9]+ (passed|failed)' "$log" | tail -n 1)"
  summary+=("$line")
  echo "$line"
  [ "$status" = passed ] || { echo "$result"; cp "$log" "test-under-load-run$i.log"; echo "(log: test-under-load-run$i.log)"; }
  rm -f "$log"
done
echo "test-under-load:"
printf '  %s\n' "${summary[@]}"
exit "$failed"
