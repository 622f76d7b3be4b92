#!/usr/bin/env bash
# Benchmark of the shipped silicon study (issue 3): 3 Pe x 9 R/z_m, KO, at
# the case's resolution, with and without operator/preconditioner reuse,
# on 1 and 2 ranks. Prints solves, wall time and the optimum of each run.
set -euo pipefail
cd "$(dirname "$0")/.."
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
case=cases/si_optimisation_ko/si_optimisation_ko.prm
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
# the last occurrence: summary.json lists the per-Pe optima before the overall one
field() { sed -n "s/^ *\"$1\": \([-0-9.eE+a-z]*\),*$/\1/p" "$2" | tail -1; }
printf "%-6s %6s %7s %10s %12s\n" reuse ranks solves wall_s optimum_HI
for reuse in true false; do
  for ranks in 1 2; do
    dir="$out/${reuse}_${ranks}"
    mpirun --oversubscribe -np "$ranks" build/bin/ebweld optimize "$case" --output-dir "$dir" \
      --set "Optimisation/Reuse operator=$reuse" --set "Optimisation/Cross sections=" >"$dir.log" 2>&1 \
      || { cat "$dir.log" >&2; exit 1; }
    printf "%-6s %6s %7s %10.1f %12s\n" "$reuse" "$ranks" "$(field solves "$dir/summary.json")" \
      "$(field wall_time_s "$dir/summary.json")" "$(field heat_input_J_per_m "$dir/summary.json")"
  done
done
