#!/usr/bin/env bash
# Scaling benchmark of the default case (issue 2): resolutions from about
# 50 thousand to over 2 million DoFs, on 1 and 2 MPI ranks. Prints a table
# of DoFs, ranks, phase times, iterations, total wall time, DoFs per second
# and peak memory (summed over ranks, from summary.json).
# Usage: bench/scaling.sh [CELLS_PER_DIAMETER ...]   (default: 8 16 24 34 44 52)
# Build first (bash scripts/ebweld-setup test, or cmake --build build).
set -euo pipefail
cd "$(dirname "$0")/.."
ebweld=build/bin/ebweld
[ -x "$ebweld" ] || { echo "build first: $ebweld missing" >&2; exit 1; }
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
resolutions=("$@")
[ ${#resolutions[@]} -gt 0 ] || resolutions=(8 16 24 34 44 52)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

field() { sed -n "s/^ *\"$1\": \([-0-9.eE+]*\),*$/\1/p" "$2"; }

printf "%-6s %10s %5s %8s %8s %8s %5s %9s %11s %9s %8s\n" \
  cells dofs ranks setup_s assem_s solve_s its total_s dofs_per_s mem_MB B/dof
for n in "${resolutions[@]}"; do
  for ranks in 1 2; do
    dir="$out/n${n}_r${ranks}"
    start=$(date +%s.%N)
    mpirun --oversubscribe -np "$ranks" "$ebweld" run --output-dir "$dir" \
      --set "Mesh/Cells per beam diameter=$n" --set "Mesh/Cells per deposition depth=$n" \
      >"$dir.log" 2>&1 || { echo "run failed: see $dir.log" >&2; cat "$dir.log" >&2; exit 1; }
    # process wall time including MPI start-up and output
    total=$(echo "$(date +%s.%N) - $start" | bc)
    s="$dir/summary.json"
    dofs=$(field dofs "$s")
    mem=$(field peak_memory_bytes "$s")
    printf "%-6s %10s %5s %8.2f %8.2f %8.2f %5s %9.2f %11.0f %9.0f %8.0f\n" "$n" "$dofs" "$ranks" \
      "$(field setup_time_s "$s")" "$(field assembly_time_s "$s")" "$(field solve_time_s "$s")" \
      "$(field linear_iterations "$s")" "$total" "$(echo "$dofs / $total" | bc -l)" \
      "$(echo "$mem / 1048576" | bc -l)" "$(echo "$mem / $dofs" | bc -l)"
  done
done
