#pragma once
// The current that gives Beam/Target melt depth with temperature-dependent
// properties. The depth is not linear in the current there, so it is a
// root find over the beam power: each trial is a Newton solve warm-started
// from the last one (KirchhoffSolver::solve_at), the first guess the
// linear shortcut applied to the full-power temperature field (what the
// constant-property path uses exactly, target_depth_current.cc), then
// secant steps kept inside the bracket found so far. The full-power
// solution is put back afterwards, so that everything else reports the
// input's current.

#include "solver/case/solve_case.h"

#include <optional>
#include <ostream>
#include <string>

namespace ebweld
{
  struct TargetDepthSearch
  {
    /// empty: see note
    std::optional<double> current_A;
    std::string           note;
    /// depth at the current found [m] and the Newton solves it took
    double       depth_m = 0.;
    unsigned int solves  = 0;
  };

  /// Searches with `solved.kirchhoff` (which must be set) until the depth
  /// is within 0.1 % of the target; reports each trial to `log`.
  TargetDepthSearch search_target_depth_current(const CaseSetup &setup, SolvedCase &solved,
                                                std::ostream &log);
} // namespace ebweld
