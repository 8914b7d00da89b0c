#!/usr/bin/env bash
# Installs what is missing, builds, and opens the playground on the built-in default experiment.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --target nnplay
exec build/nnplay "$@"
