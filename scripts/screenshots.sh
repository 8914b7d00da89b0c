#!/bin/bash
# Regenerates the screenshots in docs/screenshots/ with the app's own --screenshot option under
# Xvfb (1600x1000, the default interface scale). Takes a few minutes: each picture trains first.
# Usage: scripts/screenshots.sh [build/nnplay]   (from the repository root)
set -eu
nnplay=${1:-build/nnplay}
out=docs/screenshots
mkdir -p "$out"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# A throwaway session folder; image data are looked for where scripts/setup.sh put them.
export NNPLAY_DATA_DIR="${NNPLAY_DATA_DIR:-${XDG_DATA_HOME:-$HOME/.local/share}/nnplay}"
export XDG_DATA_HOME="$tmp/xdg"

shot() {  # name, then nnplay gui arguments
  local name=$1
  shift
  echo "== $name"
  xvfb-run -a -s "-screen 0 1600x1000x24" "$nnplay" gui --no-restore --size 1600x1000 \
    --screenshot "$out/$name.png" "$@"
  rm -f "$out/$name.png.json"
}

shot main --train-steps 2000
shot spiral assets/experiments/spiral.json --train-steps 3000
shot gradients --lesson assets/lessons/01-vanishing-gradients.json --lesson-step 2 --train-steps 3000
shot compare --lesson assets/lessons/01-vanishing-gradients.json --lesson-step 4 --train-steps 1500
shot optimiser-race --lesson assets/lessons/04-optimizer-race.json --lesson-step 4 --train-steps 400
shot backprop --lesson assets/lessons/07-backpropagation-worked.json --lesson-step 3
shot universal-approximation --lesson assets/lessons/05-universal-approximation.json --lesson-step 4 --train-steps 4000
shot metrics --lesson assets/lessons/10-metrics.json --lesson-step 3 --train-steps 600
shot mnist-filters assets/experiments/mnist-lenet.json --view filters --view gradients --train-steps 600
shot mnist-samples assets/experiments/mnist-lenet.json --view samples --train-steps 600
shot mnist-feature-maps assets/experiments/mnist-lenet.json --view feature_maps --train-steps 600

# The draw pad needs a stroke: scripted mouse input draws a 7 after training.
cat >"$tmp/draw.txt" <<SCRIPT
key space
wait_steps 600
key space
wait 3
drag canvas 0.07 0.20 0.30 0.20 10
drag canvas 0.30 0.20 0.15 0.44 12
wait 5
screenshot $out/mnist-draw.png
quit
SCRIPT
echo "== mnist-draw"
xvfb-run -a -s "-screen 0 1600x1000x24" "$nnplay" gui assets/experiments/mnist-lenet.json \
  --no-restore --size 1600x1000 --view draw --replay "$tmp/draw.txt"
rm -f "$out/mnist-draw.png.json"
ls -la "$out"
