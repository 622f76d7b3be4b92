#pragma once
// The current that gives Beam/Target melt depth with temperature-dependent
// properties. The depth is not linear in the current there, so it is a
// root find over the beam power: each trial is a Newton solve warm-started
// from the last one (KirchhoffSolver::solve_at). The first guess is the
// linear shortcut applied to the starting field (what the constant-property
// path uses exactly, target_depth_current.cc). While the pools are shallower
// than half the target, the secant follows the largest rise at the target
// depth minus the solidus rise, which is smooth in the power where the
// depth starts from zero with an infinite slope; beyond, the depth itself
// (inverse quadratic through three trials), kept inside the bracket found
// so far. When the bracket closes without a depth within tolerance (a
// deeper region joins the pool), the search stops with a note.

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

  /// Searches with `solved.kirchhoff` (which must be set), starting from
  /// the solution at setup's current, until the depth is within 0.1 % of
  /// Beam/Target melt depth; reports each trial to `log`. The solution at
  /// setup's current is put back afterwards, so that everything else
  /// reports the input's current.
  TargetDepthSearch search_target_depth_current(const CaseSetup &setup, SolvedCase &solved,
                                                std::ostream &log);
} // namespace ebweld
