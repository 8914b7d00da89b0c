#!/bin/bash
# dump-grads agrees with PyTorch (an independent framework) on every example dense experiment.
# Skips, saying so, when Debian's python3-torch is not installed.
set -u
nnplay=${1:?usage: dump_grads_vs_torch.sh path/to/nnplay}
if ! /usr/bin/python3 -c "import torch" 2>/dev/null; then
  echo "SKIPPED: /usr/bin/python3 has no torch (sudo apt-get install python3-torch)"
  exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0
for e in backprop-2-2-1 circle xor spiral regression-sine; do
  "$nnplay" dump-grads "assets/experiments/$e.json" --out "$tmp/$e.json" --steps 3 >/dev/null || { echo "FAIL: dump-grads $e"; status=1; continue; }
  if /usr/bin/python3 scripts/check_grads_torch.py "$tmp/$e.json" >"$tmp/$e.log"; then
    echo "ok: $e agrees with PyTorch"
  else
    cat "$tmp/$e.log"; echo "FAIL: $e"; status=1
  fi
done
exit $status
