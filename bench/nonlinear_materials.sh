#!/usr/bin/env bash
# Temperature-dependent against constant-property solve (issue 25): the
# default case with real silicon, at several resolutions, on 1 and 2 MPI
# ranks. Prints DoFs, ranks, Newton and Krylov iterations, the solve time
# of each model, their ratio and the nonlinear run's memory per DoF.
# Usage: bench/nonlinear_materials.sh [CELLS_PER_DIAMETER ...]   (default: 8 12 16 24 34)
# Extra --set arguments for both models: NONLINEAR_BENCH_SET="--set 'Beam/Current (A)=0.008'"
# Build first (bash scripts/ebweld-setup test, or cmake --build build).
set -euo pipefail
cd "$(dirname "$0")/.."
ebweld=build/bin/ebweld
[ -x "$ebweld" ] || { echo "build first: $ebweld missing" >&2; exit 1; }
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
resolutions=("$@")
[ ${#resolutions[@]} -gt 0 ] || resolutions=(8 12 16 24 34)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

field() { sed -n "s/^ *\"$1\": \([-0-9.eE+]*\),*$/\1/p" "$2"; }
solve() { # directory, ranks, cells, model (true|false)
  eval mpirun --oversubscribe -np "$2" "$ebweld" run --output-dir "$1" \
    --set "'Mesh/Cells per beam diameter=$3'" --set "'Mesh/Cells per deposition depth=$3'" \
    --set "'Output/Write fields=false'" --set "'Output/Write profiles=false'" \
    --set "'Material/Temperature-dependent properties=$4'" "${NONLINEAR_BENCH_SET:-}" \
    >"$1.log" 2>&1 || { echo "run failed: see $1.log" >&2; cat "$1.log" >&2; exit 1; }
}

printf "%-6s %10s %5s %7s %8s %10s %10s %7s %8s\n" \
  cells dofs ranks newton krylov linear_s nonlin_s ratio B/dof
for n in "${resolutions[@]}"; do
  for ranks in 1 2; do
    solve "$out/lin_${n}_${ranks}" "$ranks" "$n" false
    solve "$out/nl_${n}_${ranks}" "$ranks" "$n" true
    lin="$out/lin_${n}_${ranks}/summary.json" nl="$out/nl_${n}_${ranks}/summary.json"
    t_lin=$(field solve_time_s "$lin") t_nl=$(field solve_time_s "$nl")
    printf "%-6s %10s %5s %7s %8s %10.3f %10.3f %7.1f %8.0f\n" "$n" "$(field dofs "$nl")" \
      "$ranks" "$(field nonlinear_iterations "$nl")" "$(field newton_linear_iterations "$nl")" \
      "$t_lin" "$t_nl" "$(echo "$t_nl / $t_lin" | bc -l)" "$(field memory_per_dof_bytes "$nl")"
  done
done
