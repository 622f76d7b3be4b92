#pragma once
// The coupled heat / interface-filler solve (docs/PHYSICS.md 5.6): solve heat ->
// integrate the filler submodels along the interface streamlines -> set
// the filler cells' conductivity to k_eff(state) (relaxed) -> re-solve,
// until the melt depth and the interface state stop changing. One-way
// coupling stops after the first state. The mesh, DoFs and sources are
// built once; each iteration re-assembles the operator and its
// preconditioner.

#include "solver/case/case_setup.h"
#include "solver/case/solve_case.h"
#include "solver/filler/interface_state.h"
#include "solver/post/catalyst_session.h"
#include "solver/post/postprocessor.h"

#include <nlohmann/json.hpp>

namespace ebweld
{
  struct CouplingIteration
  {
    double       melt_depth_m;
    double       depth_change; // relative to the previous iteration
    double       state_change; // largest relative change of a final state
    double       mean_filler_conductivity_W_per_mK;
    unsigned int linear_iterations;
  };

  /// The coupled solve; postprocessors find it as the solution's extension.
  struct CoupledCase : SolutionExtension
  {
    FillerSettings                 filler;
    SolvedCase                     solved;
    InterfaceState                 state;
    std::vector<CouplingIteration> iterations;
    bool                           converged = false;
    /// k [W/m/K] of a cell or piece of one, as in the last solve
    std::function<double(const Box &)> conductivity_W_per_mK;
  };

  /// With a `catalyst` session, every iteration that is followed by
  /// another hands its fields over (the final one is the caller's).
  CoupledCase solve_coupled_case(const CaseSetup &setup, const FillerSettings &filler,
                                 MPI_Comm comm, std::ostream &log,
                                 CatalystSession *catalyst = nullptr);

} // namespace ebweld
