#pragma once
// Solving one steady moving-frame case: the mesh and DoFs of a set-up, the
// coefficients of its heat equation, assembly and the linear solve. Runs on
// any communicator, so that a study can give each case a sub-communicator.
// What is measured and written afterwards is the postprocessors' part
// (solver/post).

#include "solver/case/case_setup.h"
#include "solver/fe/heat_problem.h"
#include "solver/fe/kirchhoff_solver.h"

#include <mpi.h>
#include <optional>
#include <ostream>
#include <set>

namespace ebweld
{
  /// What a case will cost, with a warning above the memory budget.
  struct CaseResources
  {
    ResourceEstimate           estimate;
    std::optional<std::string> warning;
  };

  /// A solved case: the finite-element state and what the solve cost.
  struct SolvedCase
  {
    std::unique_ptr<HeatProblem> problem;
    /// the estimate made before the mesh was built
    CaseResources resources;
    /// power deposited by the source quadrature in the full solid [W]
    double       deposited_W     = 0.;
    unsigned int iterations      = 0;
    double       setup_time_s    = 0.;
    double       assembly_time_s = 0.;
    double       solve_time_s    = 0.;
    /// the nonlinear solver, kept when Beam/Target melt depth asks for
    /// re-solves at other currents (null otherwise)
    std::unique_ptr<KirchhoffSolver> kirchhoff;
  };

  /// Faces held at T0: inflow, side and bottom.
  const std::set<dealii::types::boundary_id> &fixed_temperature_faces();

  /// What the case will cost on `ranks` ranks that have `available_bytes`
  /// between them. Throws InputError naming the inputs that sized the mesh
  /// when it cannot fit.
  CaseResources check_case_resources(const CaseSetup &setup, unsigned int ranks,
                                     double available_bytes);
  /// ... on the ranks of `comm`, with their share of their nodes' memory.
  CaseResources check_case_resources(const CaseSetup &setup, MPI_Comm comm);

  /// Mesh and DoFs of a case (nothing assembled yet), after
  /// check_case_resources has found that they fit.
  std::unique_ptr<HeatProblem> build_problem(const CaseSetup &setup, MPI_Comm comm);

  /// Coefficients of the case's heat equation.
  HeatOperatorCoefficients coefficients_for(const CaseSetup &setup);

  /// Builds the mesh, assembles and solves with `coefficients` (default:
  /// coefficients_for(setup)); reports progress to `log`.
  SolvedCase solve_case(const CaseSetup &setup, MPI_Comm comm, std::ostream &log,
                        const std::optional<HeatOperatorCoefficients> &coefficients = {});

  /// (Re-)assembles operator and sources with `coefficients` and solves
  /// (Newton with temperature-dependent properties, reported to `log`);
  /// adds the times to the case's.
  void assemble_and_solve(SolvedCase &solved, const CaseSetup &setup,
                          const HeatOperatorCoefficients &coefficients, std::ostream &log);
} // namespace ebweld
