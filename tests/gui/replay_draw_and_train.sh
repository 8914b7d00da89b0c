#!/bin/bash
# End to end through the real window: start from an experiment with four points, draw points of
# both classes on the canvas with scripted mouse input, press Space, let it train, save. The
# saved file must hold more points of both classes, and weights that moved since before Play.
# Usage: bash tests/gui/replay_draw_and_train.sh path/to/nnplay   (from the repository root)
set -u
nnplay=${1:?usage: replay_draw_and_train.sh path/to/nnplay}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export XDG_DATA_HOME="$tmp/xdg"

cat >"$tmp/few.json" <<'JSON'
{
  "version": 1,
  "name": "few points",
  "task": "classification",
  "data": {"source": "points", "classes": 2,
           "points": [[-3, -3, 0, "train"], [-2, -3, 0, "train"], [3, 3, 1, "train"], [2, 3, 1, "train"]]},
  "features": ["x1", "x2"],
  "layers": [{"type": "dense", "units": 4, "activation": "tanh"},
             {"type": "dense", "units": 1, "activation": "sigmoid"}],
  "loss": "bce",
  "optimizer": {"name": "sgd", "lr": 0.1},
  "batch_size": 10,
  "seed": 7
}
JSON

cat >"$tmp/script.txt" <<EOF2
# class 1 (key 1 = the first class), a short brush stroke at the lower left
key 1
move canvas 0.30 0.62
drag canvas 0.30 0.62 0.40 0.70 12
wait 2
# class 2, a stroke at the upper right
key 2
move canvas 0.70 0.30
drag canvas 0.70 0.30 0.60 0.38 12
wait 5
save $tmp/before.json
key space
wait_steps 100
key space
wait 3
save $tmp/out.json
screenshot $tmp/end.png
quit
EOF2

if ! timeout 240 xvfb-run -a -s "-screen 0 1600x1000x24" "$nnplay" gui "$tmp/few.json" \
     --size 1600x1000 --replay "$tmp/script.txt" >"$tmp/log" 2>&1; then
  cat "$tmp/log"
  echo "FAIL: nnplay gui --replay exited with an error"
  exit 1
fi

python3 - "$tmp/few.json" "$tmp/before.json" "$tmp/out.json" <<'PY'
import json, sys
def load(p):
    with open(p) as f:
        return json.load(f)
few, before, out = (load(p) for p in sys.argv[1:4])
def per_class(e):
    counts = {}
    for p in e["data"]["points"]:
        counts[int(p[2])] = counts.get(int(p[2]), 0) + 1
    return counts
c0, c1 = per_class(few), per_class(out)
print(f"points per class: before {c0}, after {c1}")
for k in (0, 1):
    if c1.get(k, 0) <= c0.get(k, 0):
        print(f"FAIL: no points of class {k} were drawn")
        sys.exit(1)
w0, w1 = before.get("weights"), out.get("weights")
if not w0 or not w1 or len(w0) != len(w1):
    print("FAIL: the saved files do not both hold the weights")
    sys.exit(1)
moved = max(abs(a - b) for a, b in zip(w0, w1))
print(f"largest weight change during training: {moved:.4g}")
if moved < 1e-4:
    print("FAIL: the weights did not change: training did not run")
    sys.exit(1)
PY
[ $? -eq 0 ] || { cat "$tmp/log"; exit 1; }
python3 tests/gui/png_check.py size "$tmp/end.png" 1600 1000 || exit 1

# A closed window never loses a drawn dataset: the session saved on exit is restored by a plain
# start (no experiment argument), with every drawn point.
printf 'wait 3\nsave %s\nquit\n' "$tmp/restored.json" >"$tmp/script2.txt"
if ! timeout 120 xvfb-run -a -s "-screen 0 1600x1000x24" "$nnplay" gui --size 1600x1000 \
     --replay "$tmp/script2.txt" >"$tmp/log2" 2>&1; then
  cat "$tmp/log2"
  echo "FAIL: the second start (restoring the session) exited with an error"
  exit 1
fi
python3 - "$tmp/out.json" "$tmp/restored.json" <<'PY'
import json, sys
out, restored = (json.load(open(p)) for p in sys.argv[1:3])
a, b = out["data"]["points"], restored["data"]["points"]
print(f"points before closing: {len(a)}, after restarting: {len(b)}")
if sorted(map(tuple, a)) != sorted(map(tuple, b)):
    print("FAIL: the restored session does not hold the drawn points")
    sys.exit(1)
PY
[ $? -eq 0 ] || { cat "$tmp/log2"; exit 1; }
echo "PASS: replay_draw_and_train"
