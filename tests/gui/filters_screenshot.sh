#!/bin/bash
# The filters view under Xvfb on the offline shapes experiment: before training and after 300
# steps. The view opens on the learned part of the filters (weights minus their random start),
# which is blank before training; after training the grid must show both signs in the diverging
# colours (blue negative, orange positive), clearly more coloured than before.
# Usage: bash tests/gui/filters_screenshot.sh path/to/nnplay   (from the repository root)
set -u
nnplay=${1:?usage: filters_screenshot.sh path/to/nnplay}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export XDG_DATA_HOME="$tmp/xdg"  # never touch a real session

shot() {  # steps output.png
  if ! xvfb-run -a -s "-screen 0 1600x1000x24" "$nnplay" gui assets/experiments/shapes-cnn.json \
       --no-restore --view filters --train-steps "$1" --size 1600x1000 --screenshot "$2" \
       >"$tmp/log" 2>&1; then
    cat "$tmp/log"
    echo "FAIL: nnplay gui --screenshot exited with an error"
    exit 1
  fi
}
shot 0 "$tmp/before.png"
shot 300 "$tmp/after.png"

python3 - "$tmp/before.png" "$tmp/after.png" <<'PY' || exit 1
import json, sys
sys.path.insert(0, "tests/gui")
from png_check import read_png, pixels, check_size, fail

def canvas(path):
    with open(path + ".json") as f:
        rect = json.load(f)["panels"]["canvas"]
    img = read_png(path)
    check_size(img, 1600, 1000)
    return list(pixels(img, rect, 1)), rect

def share(px, test):
    return sum(map(test, px)) / len(px)

blue = lambda p: p[2] >= p[0] + 40 and p[2] > 120     # Okabe-Ito blue side of the scale
orange = lambda p: p[0] >= p[2] + 40 and p[0] > 150   # orange side
before, rect = canvas(sys.argv[1])
after, _ = canvas(sys.argv[2])
coloured = {}
for name, px in (("before", before), ("after", after)):
    b, o = share(px, blue), share(px, orange)
    coloured[name] = b + o
    print(f"{name}: {b:.1%} blue, {o:.1%} orange pixels in the image slot {rect}")
b, o = share(after, blue), share(after, orange)
if b < 0.01 or o < 0.01:
    fail("after training the filters grid does not show both signs of learned weights")
if coloured["after"] < coloured["before"] + 0.05:
    fail("the learned part of the filters did not appear with training")
changed = sum(1 for p, q in zip(before, after) if max(abs(a - c) for a, c in zip(p, q)) > 30)
print(f"{changed} pixels changed with training")
if changed < 0.02 * len(before):
    fail("the filters were not redrawn after training")
print("ok: filters drawn in both signs and redrawn as training changed them")
PY
echo "PASS: filters_screenshot"
