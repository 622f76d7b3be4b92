#!/usr/bin/env bash
# Overhead of ParaView Catalyst with the extract pipeline (issue 5): the
# default case at about 1 million DoFs on 2 ranks, with and without
# --catalyst postproc/catalyst/extract_fields.py. Fields are not written by
# ebweld itself in either run, so the difference is Catalyst's: loading the
# adaptor, ParaView and the pipeline (start-up), handing over the grid and
# writing the .pvtu (per output point).
# Runs REPEATS pairs, alternating, and prints medians: single runs on a
# shared 2-core machine vary by a second or more.
# Usage: bench/catalyst_overhead.sh [CELLS_PER_DIAMETER [REPEATS]]   (default 34 3: ~1.0M DoFs)
set -euo pipefail
cd "$(dirname "$0")/.."
ebweld=build/bin/ebweld
[ -x "$ebweld" ] || { echo "build first: $ebweld missing" >&2; exit 1; }
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
n=${1:-34}
repeats=${2:-3}
[[ "$repeats" =~ ^[0-9]+$ ]] && ((repeats >= 1 && repeats <= 100)) ||
  { echo "catalyst_overhead.sh: REPEATS = '$repeats' is outside the allowed range [1, 100]" >&2; exit 2; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
field() { python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print(eval(sys.argv[2]))" "$@"; }
median() { printf "%s\n" "$@" | sort -g | awk '{v[NR]=$1} END {print (NR%2 ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2)}'; }

run() { # name, extra arguments; prints the process wall time [s]
  local start end
  rm -rf "$out/$1"
  start=$(date +%s.%N)
  mpirun --oversubscribe -np 2 "$ebweld" run --output-dir "$out/$1" --set "Output/Write fields=false" \
    --set "Mesh/Cells per beam diameter=$n" --set "Mesh/Cells per deposition depth=$n" "${@:2}" \
    >"$out/$1.log" 2>&1 || { cat "$out/$1.log" >&2; exit 1; }
  end=$(date +%s.%N)
  echo "$end - $start" | bc
}
plain=() with=() solve=() startup=() coprocess=() phases_plain=() phases_with=()
phases() { field "$1" "'%.2f %.2f %.2f' % (d['setup_time_s'], d['assembly_time_s'], d['solve_time_s'])"; }
for ((i = 0; i < repeats; ++i)); do
  plain+=("$(run plain)")
  with+=("$(run catalyst --catalyst postproc/catalyst/extract_fields.py)")
  phases_plain+=("$(phases "$out/plain/summary.json")")
  phases_with+=("$(phases "$out/catalyst/summary.json")")
  solve+=("$(field "$out/plain/summary.json" "d['solve_time_s']")")
  startup+=("$(field "$out/catalyst/summary.json" "d['catalyst']['startup_time_s']")")
  coprocess+=("$(field "$out/catalyst/summary.json" "d['catalyst']['time_s']")")
done
dofs=$(field "$out/plain/summary.json" "d['dofs']")
p=$(median "${plain[@]}") w=$(median "${with[@]}") s=$(median "${solve[@]}")
st=$(median "${startup[@]}") c=$(median "${coprocess[@]}")
printf "DoFs %s on 2 ranks, medians of %d runs each\n" "$dofs" "$repeats"
printf "wall without Catalyst %.2f s (runs: %s), with %.2f s (runs: %s)\n" "$p" "${plain[*]}" "$w" "${with[*]}"
printf "solve %.2f s\n" "$s"
printf "setup, assembly, solve [s] of each run without Catalyst: %s\n" "$(IFS=,; echo "${phases_plain[*]}")"
printf "                                     and with it: %s\n" "$(IFS=,; echo "${phases_with[*]}")"
printf "Catalyst start-up (adaptor, ParaView, pipeline) %.2f s = %.1f %% of the solve\n" \
  "$st" "$(echo "100 * $st / $s" | bc -l)"
printf "per output point (hand-over + extract) %.2f s = %.1f %% of the solve\n" \
  "$c" "$(echo "100 * $c / $s" | bc -l)"
printf "whole-run difference %.2f s = %.1f %% of the solve\n" \
  "$(echo "$w - $p" | bc)" "$(echo "100 * ($w - $p) / $s" | bc -l)"
