#!/bin/bash
# The window keeps its frame rate while training flat out: play for 5 s with --stats and read
# the p99 frame time the app measured itself. The goal is 16.7 ms (60 fps); the test fails only
# above 50 ms because software rendering (llvmpipe) on a CI machine is noisy. On a machine that
# is already overloaded (load average above 2 per core, e.g. a parallel build) the figure is
# still printed but cannot fail the test: it would measure someone else's load.
# Usage: bash tests/gui/stats_fps.sh path/to/nnplay   (from the repository root)
set -u
nnplay=${1:?usage: stats_fps.sh path/to/nnplay}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export XDG_DATA_HOME="$tmp/xdg"
limit_ms=50
cores=$(nproc)
load=$(cut -d' ' -f1 /proc/loadavg)

printf 'key space\nwait_seconds 5\nkey space\nquit\n' >"$tmp/script.txt"
if ! timeout 120 xvfb-run -a -s "-screen 0 1600x1000x24" "$nnplay" gui --no-restore --stats \
     --size 1600x1000 --replay "$tmp/script.txt" >"$tmp/log" 2>&1; then
  cat "$tmp/log"
  echo "FAIL: nnplay gui --stats exited with an error"
  exit 1
fi
line=$(grep -a -- "--stats:" "$tmp/log")
p99=$(echo "$line" | sed -n 's/.*p99 \([0-9.]*\) ms.*/\1/p' | head -1)
if [ -z "$p99" ]; then
  cat "$tmp/log"
  echo "FAIL: no frame statistics printed"
  exit 1
fi
echo "frame times while training flat out: $line"
echo "p99 frame time: $p99 ms (goal 16.7 ms, fails above $limit_ms ms; load $load on $cores cores)"
if python3 -c "import sys; sys.exit(0 if float('$p99') <= $limit_ms else 1)"; then
  echo "PASS: stats_fps"
elif python3 -c "import sys; sys.exit(0 if $load / $cores > 2 else 1)"; then
  echo "SKIPPED: stats_fps: p99 above $limit_ms ms, but the machine was overloaded (load $load on $cores cores)"
else
  echo "FAIL: p99 frame time $p99 ms is above $limit_ms ms"
  exit 1
fi
