#pragma once
// One steady moving-frame case from a parsed setup to its results: mesh,
// assembly, solve, melt pool, energy balance, target-depth current, field
// and profile output. Runs on any communicator, so that a study can give
// each case a sub-communicator.

#include "solver/case_setup.h"
#include "solver/catalyst_session.h"
#include "solver/heat_problem.h"
#include "solver/interface_filler.h"

#include <nlohmann/json.hpp>

#include <mpi.h>
#include <optional>
#include <ostream>

namespace ebweld
{
  struct RunOptions
  {
    /// where fields, profiles and summary.json go
    std::string output_directory = "output";
    bool        write_fields     = true;
    bool        write_profiles   = true;
    bool        write_summary    = true;
    /// in situ output (may be null); receives the fields with `parameters`
    CatalystSession       *catalyst = nullptr;
    /// time step of the hand-over; negative: the session's next
    int                    catalyst_time_step = -1;
    nlohmann::ordered_json catalyst_parameters = nlohmann::ordered_json::object();
  };

  /// A solved case: the finite-element state and what the solve cost.
  struct SolvedCase
  {
    std::unique_ptr<HeatProblem> problem;
    /// power deposited by the source quadrature in the full solid [W]
    double       deposited_W     = 0.;
    unsigned int iterations      = 0;
    double       setup_time_s    = 0.;
    double       assembly_time_s = 0.;
    double       solve_time_s    = 0.;
  };

  /// Faces held at T0: inflow, side and bottom.
  const std::set<dealii::types::boundary_id> &fixed_temperature_faces();

  /// Mesh and DoFs of a case (nothing assembled yet).
  std::unique_ptr<HeatProblem> build_problem(const CaseSetup &setup, MPI_Comm comm);

  /// Coefficients of the case's heat equation.
  HeatOperatorCoefficients coefficients_for(const CaseSetup &setup);

  /// T0, T_m and the sources of `setup` for field output and Catalyst.
  FieldOutputData field_output_data(const CaseSetup &setup);

  /// Builds the mesh, assembles and solves with `coefficients` (default:
  /// coefficients_for(setup)); reports progress to `log`.
  SolvedCase solve_case(const CaseSetup &setup, MPI_Comm comm, std::ostream &log,
                        const std::optional<HeatOperatorCoefficients> &coefficients = {});

  /// (Re-)assembles operator and sources with `coefficients` and solves;
  /// adds the times to the case's.
  void assemble_and_solve(SolvedCase &solved, const CaseSetup &setup,
                          const HeatOperatorCoefficients &coefficients);

  /// Runs the case; progress and the report go to `log` (pass a stream that
  /// only rank 0 prints). Returns the summary (SI units). Throws
  /// SolverDivergence or std::runtime_error on failure.
  /// With a `filler`, the heat solve is coupled to the interface filler's
  /// submodels, and the summary, fields and CSV files include its state.
  nlohmann::ordered_json run_case(const CaseSetup      &setup,
                                  MPI_Comm              comm,
                                  const RunOptions     &options,
                                  std::ostream         &log,
                                  const FillerSettings *filler = nullptr);
} // namespace ebweld
