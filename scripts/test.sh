#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test: unit and gradient checks, headless
# command tests, GUI tests under Xvfb, and the trainer's concurrency test under ThreadSanitizer.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export XDG_DATA_HOME="$(mktemp -d)"   # tests never touch a real autosaved session
ctest --test-dir build --output-on-failure -j"$(nproc)" --timeout 600
echo "== ThreadSanitizer: trainer under concurrency"
generator=()
command -v ninja >/dev/null && generator=(-G Ninja)
if [ ! -f build-tsan/CMakeCache.txt ]; then
  cmake -S . -B build-tsan "${generator[@]}" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DNNPLAY_TSAN=ON -DNNPLAY_GUI=OFF >/dev/null
fi
cmake --build build-tsan -j"$(nproc)" --target nnplay_tsan_tests
TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1" ctest --test-dir build-tsan --output-on-failure
