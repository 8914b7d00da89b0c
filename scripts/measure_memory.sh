#!/bin/bash
# Resident memory of the window training Fashion-MNIST (issue 5 budget: under 300 MB).
# Runs the GUI under xvfb-run on fashion-lenet.json, presses play through --train-steps,
# and reads VmRSS (now) and VmHWM (peak) from /proc while it trains, for SECONDS seconds.
# Usage: scripts/measure_memory.sh [path/to/nnplay] [SECONDS]   (from the repository root)
set -u
nnplay=${1:-build/nnplay}
seconds=${2:-40}
tmp=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null; rm -rf "$tmp"' EXIT
export XDG_DATA_HOME="$tmp/xdg"

# Many steps so the window keeps training while we sample; the screenshot ends the run.
xvfb-run -a -s "-screen 0 1600x1000x24" "$nnplay" gui assets/experiments/fashion-lenet.json \
  --no-restore --view samples --train-steps 1000000 --size 1600x1000 --screenshot "$tmp/s.png" \
  >"$tmp/log" 2>&1 &
pid=$!
app=""
exe=$(readlink -f "$nnplay")
for _ in $(seq 1 100); do  # xvfb-run forks shells with the same command line: find nnplay itself
  for p in $(pgrep -f "gui assets/experiments/fashion-lenet.json"); do
    [ "$(readlink -f "/proc/$p/exe" 2>/dev/null)" = "$exe" ] && app=$p && break
  done
  [ -n "$app" ] && break
  sleep 0.1
done
if [ -z "$app" ]; then
  cat "$tmp/log"
  echo "FAIL: nnplay did not start"
  exit 1
fi
peak_rss=0
rss=0
hwm=0
for _ in $(seq 1 "$seconds"); do
  sleep 1
  [ -r "/proc/$app/status" ] || break
  rss=$(awk '/^VmRSS/ {print $2}' "/proc/$app/status")
  hwm=$(awk '/^VmHWM/ {print $2}' "/proc/$app/status")
  [ "${rss:-0}" -gt "$peak_rss" ] && peak_rss=$rss
done
kill "$app" 2>/dev/null
if [ "$hwm" -eq 0 ]; then
  cat "$tmp/log"
  echo "FAIL: nnplay ended before its memory could be read"
  exit 1
fi
echo "nnplay on fashion-lenet.json after ${seconds}s of training:"
echo "  VmRSS $((rss / 1024)) MB now, highest sampled $((peak_rss / 1024)) MB, VmHWM (peak) $((hwm / 1024)) MB"
if [ "$((hwm / 1024))" -ge 300 ]; then
  echo "FAIL: peak resident memory ${hwm} kB is over 300 MB"
  exit 1
fi
echo "PASS: under 300 MB"
