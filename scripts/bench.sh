#!/usr/bin/env bash
# THE benchmark command: builds nnplay_bench (Release) if needed, measures nnplay and PyTorch CPU
# in the same run, and prints workload | threads | nnplay | PyTorch | ratio | target.
# PyTorch runs twice when OPENBLAS_CORETYPE is set (as set, and unset: the variable can slow its
# matmuls) and the better figure per row is kept. Writes bench/results/latest.md; with
# --update-docs also refreshes the results section of docs/benchmarks.md.
#
#   scripts/bench.sh [--only W1,W2,grid,W3,W4,pool] [--threads 1,2] [--seconds S] [--windows N]
#                    [--build-dir DIR] [--no-build] [--no-torch] [--priority] [--update-docs]
# NNPLAY_BENCH_PYTHON overrides the interpreter for PyTorch (default /usr/bin/python3).
#
# --priority (root): run both sides in their own scheduler autogroup at nice -20. On a machine
# shared with colleagues compiling, each login session is one autogroup with an equal share, so
# without it a benchmark gets a fraction of a core whatever its nice value.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
BUILD="build"
PY="${NNPLAY_BENCH_PYTHON:-/usr/bin/python3}"  # Debian's python3-torch lives there, not in other pythons
ARGS=()
BUILD_IT=1
TORCH=1
UPDATE_DOCS=0
PRIORITY=0
ONLY="W1,W2,grid,W3,W4,pool"

usage() { sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; }

# Runs "$@", in a fresh autogroup at nice -20 with --priority.
run() {
  if [[ $PRIORITY == 1 ]]; then
    setsid -w bash -c '{ echo -20 >/proc/self/autogroup; } 2>/dev/null; exec nice -n -20 "$@"' run "$@"
  else
    "$@"
  fi
}
while [[ $# -gt 0 ]]; do
  case "$1" in
    --only) ONLY="$2"; ARGS+=("$1" "$2"); shift 2 ;;
    --threads|--seconds|--windows|--warmup) ARGS+=("$1" "$2"); shift 2 ;;
    --build-dir) BUILD="$2"; shift 2 ;;
    --no-build) BUILD_IT=0; shift ;;
    --no-torch) TORCH=0; shift ;;
    --update-docs) UPDATE_DOCS=1; shift ;;
    --priority) PRIORITY=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "bench.sh: unknown option '$1'" >&2; usage >&2; exit 2 ;;
  esac
done

# ---- build
if [[ $BUILD_IT == 1 ]]; then
  if [[ -f "$BUILD/CMakeCache.txt" ]] && ! grep -q '^CMAKE_BUILD_TYPE:STRING=Release$' "$BUILD/CMakeCache.txt"; then
    echo "bench.sh: $BUILD is not a Release build; using build-bench instead" >&2
    BUILD="build-bench"
  fi
  if [[ ! -f "$BUILD/CMakeCache.txt" ]]; then
    cmake -S . -B "$BUILD" -DCMAKE_BUILD_TYPE=Release -DNNPLAY_GUI=OFF >/dev/null
  elif ! grep -qs nnplay_bench "$BUILD/build.ninja" "$BUILD/Makefile"; then
    cmake -S . -B "$BUILD" >/dev/null  # the bench sources appeared after configuring
  fi
  echo "building nnplay_bench in $BUILD ..." >&2
  cmake --build "$BUILD" --target nnplay_bench -j "$(nproc)" >"$BUILD/bench-build.log" 2>&1 ||
    { tail -n 30 "$BUILD/bench-build.log" >&2; echo "bench.sh: build failed (log: $BUILD/bench-build.log)" >&2; exit 1; }
fi
BENCH="$BUILD/nnplay_bench"
[[ -x "$BENCH" ]] || { echo "bench.sh: $BENCH not found (drop --no-build?)" >&2; exit 1; }

OUT="$ROOT/bench/results"
mkdir -p "$OUT"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
LOAD_BEFORE="$(uptime | sed 's/.*load average: //')"
echo "load average before: $LOAD_BEFORE ($(nproc) cores; figures get noisy when it nears that)" >&2
if [[ $PRIORITY == 1 && $EUID != 0 ]]; then
  echo "bench.sh: --priority needs root; running at normal priority" >&2
  PRIORITY=0
fi

# ---- nnplay
echo "measuring nnplay ..." >&2
run "$BENCH" --json "${ARGS[@]}" | tee "$TMP/nnplay.jsonl" | sed -n 's/.*"workload": "\([^"]*\)", "threads": \([0-9]*\), "metric": "\([^"]*\)".*"best": \([^,]*\),.*/  nnplay  \1 \3 \2 thread(s): \4/p' >&2

# ---- determinism smoke check: the engine promises bit-identical parameters on 1 or 2 threads
# (W3 and W4 have several data-parallel chunks per step; W1 and W2 have one).
CHECK="$(tr ',' '\n' <<<"$ONLY" | tr '[:lower:]' '[:upper:]' | grep -E '^W[34]$' | paste -sd, || true)"
DETERMINISM=""
if [[ -n "$CHECK" ]]; then
  DETERMINISM="$(run "$BENCH" --checksum 20 --only "$CHECK" --threads 1,2 |
    awk '{h[$1] = h[$1] " " $NF} END {for (w in h) {split(h[w], a, " "); printf "%s %s; ", w, (a[1] == a[2] ? "1t = 2t" : "1t != 2t: PARAMETERS DIFFER")}}')"
  echo "determinism ($CHECK after 20 steps): $DETERMINISM" >&2
fi

# ---- PyTorch
TORCH_FILES=()
TORCH_MISSING=""
if [[ $TORCH == 0 ]]; then
  TORCH_MISSING="skipped (--no-torch)"
elif ! [[ -x $PY ]] || ! $PY -c 'import torch' 2>/dev/null; then
  TORCH_MISSING="python3-torch is not installed: sudo apt-get install python3-torch"
  echo "bench.sh: $TORCH_MISSING (showing nnplay's figures alone)" >&2
else
  run_torch() {  # $1 = output file, $2 = label, the rest = command prefix (env ...)
    local file="$1" label="$2"; shift 2
    echo "measuring PyTorch ($label) ..." >&2
    run "$@" $PY bench/torch_bench.py "${ARGS[@]}" | tee "$TMP/$file" |
      sed -n 's/.*"workload": "\([^"]*\)", "threads": \([0-9]*\), "metric": "\([^"]*\)".*"best": \([^,]*\),.*/  pytorch \1 \3 \2 thread(s): \4/p' >&2
    TORCH_FILES+=("$TMP/$file")
  }
  run_torch torch_env.jsonl "OPENBLAS_CORETYPE=${OPENBLAS_CORETYPE:-unset}, as in the environment" env
  if [[ -n "${OPENBLAS_CORETYPE:-}" ]]; then
    run_torch torch_unset.jsonl "OPENBLAS_CORETYPE unset" env -u OPENBLAS_CORETYPE
  fi
fi
LOAD_AFTER="$(uptime | sed 's/.*load average: //')"

# ---- report
MACHINE="$(lscpu | sed -n 's/^Model name: *//p' | head -1), $(nproc) cores, $(uname -sr)"
REPORT_ARGS=(--nnplay "$TMP/nnplay.jsonl" --out "$OUT/latest.md" --date "$(date '+%Y-%m-%d %H:%M %Z')"
             --machine "$MACHINE" --commit "$(git rev-parse --short HEAD 2>/dev/null || echo '?')"
             --load-before "$LOAD_BEFORE" --load-after "$LOAD_AFTER")
[[ ${#TORCH_FILES[@]} -gt 0 ]] && REPORT_ARGS+=(--torch "${TORCH_FILES[@]}")
[[ -n "$TORCH_MISSING" ]] && REPORT_ARGS+=(--torch-missing "$TORCH_MISSING")
[[ $UPDATE_DOCS == 1 ]] && REPORT_ARGS+=(--update-docs docs/benchmarks.md)
[[ $PRIORITY == 1 ]] && REPORT_ARGS+=(--priority "own autogroup at nice -20 (--priority)")
[[ -n "$DETERMINISM" ]] && REPORT_ARGS+=(--determinism "W3/W4 parameters after 20 steps: $DETERMINISM")
REPORT_PY=$PY
[[ -x $REPORT_PY ]] || REPORT_PY=python3
echo >&2
$REPORT_PY scripts/bench_report.py "${REPORT_ARGS[@]}"
echo
echo "load average after: $LOAD_AFTER"
if [[ $UPDATE_DOCS == 1 ]]; then echo "report: bench/results/latest.md, docs/benchmarks.md"; else echo "report: bench/results/latest.md"; fi
