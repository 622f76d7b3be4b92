#!/usr/bin/env bash
# Temperature-dependent against constant-property solve (issue 25): the
# default case with real silicon, at several resolutions, on 1 and 2 MPI
# ranks. Prints DoFs, ranks, Newton and Krylov iterations, the solve time
# of each model on the same mesh (the linear run gets the nonlinear run's
# domain), their ratio and the nonlinear run's memory per DoF.
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

field() { python3 -c "import json,sys; print(json.load(open(sys.argv[2]))[sys.argv[1]])" "$1" "$2"; }
# the nonlinear run's domain [um], so that both models solve on the same mesh
domain() {
  python3 - "$1" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))["domain_m"]
print(f"--set 'Mesh/Length behind beam (um)={-d['xi_min'] * 1e6:.6g}'"
      f" --set 'Mesh/Length ahead of beam (um)={d['xi_max'] * 1e6:.6g}'"
      f" --set 'Mesh/Half-width (um)={d['y_max'] * 1e6:.6g}'"
      f" --set 'Mesh/Depth (um)={d['z_max'] * 1e6:.6g}'")
PY
}
solve() { # directory, ranks, cells, model (true|false), extra --set arguments
  eval mpirun --oversubscribe -np "$2" "$ebweld" run --output-dir "$1" \
    --set "'Mesh/Cells per beam diameter=$3'" --set "'Mesh/Cells per deposition depth=$3'" \
    --set "'Output/Write fields=false'" --set "'Output/Write profiles=false'" \
    --set "'Material/Temperature-dependent properties=$4'" "${NONLINEAR_BENCH_SET:-}" "${5:-}" \
    >"$1.log" 2>&1 || { echo "run failed: see $1.log" >&2; cat "$1.log" >&2; exit 1; }
}

printf "%-6s %10s %10s %5s %7s %8s %10s %10s %7s %8s\n" \
  cells dofs_nl dofs_lin ranks newton krylov linear_s nonlin_s ratio B/dof
for n in "${resolutions[@]}"; do
  for ranks in 1 2; do
    solve "$out/nl_${n}_${ranks}" "$ranks" "$n" true
    nl="$out/nl_${n}_${ranks}/summary.json"
    solve "$out/lin_${n}_${ranks}" "$ranks" "$n" false "$(domain "$nl")"
    lin="$out/lin_${n}_${ranks}/summary.json"
    t_lin=$(field solve_time_s "$lin") t_nl=$(field solve_time_s "$nl")
    printf "%-6s %10s %10s %5s %7s %8s %10.3f %10.3f %7.1f %8.0f\n" "$n" "$(field dofs "$nl")" \
      "$(field dofs "$lin")" "$ranks" "$(field nonlinear_iterations "$nl")" \
      "$(field newton_linear_iterations "$nl")" "$t_lin" "$t_nl" \
      "$(echo "$t_nl / $t_lin" | bc -l)" "$(field memory_per_dof_bytes "$nl")"
  done
done
