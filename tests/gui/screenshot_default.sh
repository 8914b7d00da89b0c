#!/bin/bash
# The default experiment after 300 training steps: the screenshot has the requested size, the
# decision boundary shows both class colours and the curves panel is drawn.
# Usage: bash tests/gui/screenshot_default.sh path/to/nnplay   (from the repository root)
set -u
nnplay=${1:?usage: screenshot_default.sh path/to/nnplay}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export XDG_DATA_HOME="$tmp/xdg"  # never touch a real session

if ! xvfb-run -a -s "-screen 0 1600x1000x24" "$nnplay" gui --train-steps 300 --size 1600x1000 \
     --screenshot "$tmp/s.png" >"$tmp/log" 2>&1; then
  cat "$tmp/log"
  echo "FAIL: nnplay gui --screenshot exited with an error"
  exit 1
fi
if ! python3 tests/gui/png_check.py default "$tmp/s.png" 1600 1000; then
  cat "$tmp/log"
  exit 1
fi
if [ -e "$XDG_DATA_HOME/nnplay/session.json" ]; then
  echo "FAIL: --screenshot wrote a session file"
  exit 1
fi
echo "PASS: screenshot_default"
