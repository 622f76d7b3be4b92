#!/usr/bin/env bash
# Overhead of ParaView Catalyst with the extract pipeline (issue 5): the
# default case at about 1 million DoFs on 2 ranks, with and without
# --catalyst postproc/catalyst/extract_fields.py. Fields are not written by
# ebweld itself in either run, so the difference is Catalyst's: loading the
# adaptor and ParaView, Python start-up, handing over the grid and writing
# the .pvtu. Prints wall times and the overhead against the solve time.
# Usage: bench/catalyst_overhead.sh [CELLS_PER_DIAMETER]   (default 34: ~1.0M DoFs)
set -euo pipefail
cd "$(dirname "$0")/.."
ebweld=build/bin/ebweld
[ -x "$ebweld" ] || { echo "build first: $ebweld missing" >&2; exit 1; }
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
n=${1:-34}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
field() { python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print(eval(sys.argv[2]))" "$@"; }

run() { # name, extra arguments
  local start end
  start=$(date +%s.%N)
  mpirun --oversubscribe -np 2 "$ebweld" run --output-dir "$out/$1" --set "Output/Write fields=false" \
    --set "Mesh/Cells per beam diameter=$n" --set "Mesh/Cells per deposition depth=$n" "${@:2}" \
    >"$out/$1.log" 2>&1 || { cat "$out/$1.log" >&2; exit 1; }
  end=$(date +%s.%N)
  echo "$end - $start" | bc
}
plain=$(run plain)
with=$(run catalyst --catalyst postproc/catalyst/extract_fields.py)
dofs=$(field "$out/plain/summary.json" "d['dofs']")
solve=$(field "$out/plain/summary.json" "d['solve_time_s']")
coprocess=$(field "$out/catalyst/summary.json" "d['catalyst']['time_s']")
printf "DoFs %s on 2 ranks\n" "$dofs"
printf "wall without Catalyst %.2f s, with %.2f s, difference %.2f s\n" "$plain" "$with" "$(echo "$with - $plain" | bc)"
printf "solve %.2f s; hand-over + extract (coprocess) %.2f s = %.1f %% of the solve\n" \
  "$solve" "$coprocess" "$(echo "100 * $coprocess / $solve" | bc -l)"
printf "whole-run overhead (incl. loading ParaView and Python) %.1f %% of the solve\n" \
  "$(echo "100 * ($with - $plain) / $solve" | bc -l)"
