#!/bin/bash
# Issue 5's memory budget: the window with Fashion-MNIST loaded and training stays under 300 MB
# resident (VmHWM, the peak). Skips when the Fashion-MNIST files are not installed.
# Usage: bash tests/gui/memory_fashion.sh path/to/nnplay   (from the repository root)
set -u
nnplay=${1:?usage: memory_fashion.sh path/to/nnplay}
if [ ! -e /usr/share/datasets/fashion-mnist ] && [ ! -e "${NNPLAY_DATA_DIR:-/nonexistent}/fashion-mnist" ]; then
  echo "SKIPPED: Fashion-MNIST is not installed (apt-get install dataset-fashion-mnist)"
  exit 0
fi
exec bash scripts/measure_memory.sh "$nnplay" 15
