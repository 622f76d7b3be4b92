#include "solver/run/target_depth_search.h"

#include "solver/post/melt_pool.h"

#include <algorithm>
#include <cmath>
#include <iomanip>
#include <limits>

namespace ebweld
{
  namespace
  {
    /// the depth is accepted within this fraction of the target
    constexpr double       relative_depth_tolerance = 1e-3;
    constexpr unsigned int max_solves               = 12;

    /// The next power fraction: the secant through the last two trials,
    /// kept inside the bracket (bisection when it leaves it) and, while
    /// one side is open, within a factor 2 of the last trial.
    double next_fraction(const double s0, const double d0, const double s1, const double d1,
                         const double target, const double low, const double high)
    {
      double next = d1 != d0 ? s1 + (target - d1) * (s1 - s0) / (d1 - d0) : 2. * s1;
      if (!std::isfinite(next))
        next = 2. * s1;
      const bool bracketed = low > 0. && std::isfinite(high);
      if (bracketed)
        return next > low && next < high ? next : 0.5 * (low + high);
      return std::clamp(next, 0.5 * s1, 2. * s1);
    }
  } // namespace

  TargetDepthSearch search_target_depth_current(const CaseSetup &setup, SolvedCase &solved,
                                                std::ostream &log)
  {
    TargetDepthSearch result;
    HeatProblem      &problem  = *solved.problem;
    const double      target   = *setup.beam.target_melt_depth_m;
    const double      melt_K   = setup.solidus_K() - setup.boundary.initial_temperature_K;
    const double      current  = setup.beam.current_A;
    const auto        depth_of = [&]() {
      const MeltPool pool = measure_melt_pool(problem, melt_K);
      return pool.melted ? pool.depth_m : 0.;
    };
    const DepthResponse response = depth_response(problem, target);
    result.note                  = no_current_reason(response);
    if (!result.note.empty())
      return result;
    // bracket [low, high] of power fractions with depth below / above the target
    double low = 0., high = std::numeric_limits<double>::infinity();
    double s0 = 1., d0 = depth_of();
    (d0 < target ? low : high) = s0;
    double s1                  = response.power_factor(melt_K);
    try
      {
        for (result.solves = 1; result.solves <= max_solves; ++result.solves)
          {
            solved.kirchhoff->solve_at(s1);
            const double d1 = depth_of();
            log << "  target depth search " << result.solves << ": " << std::setprecision(6)
                << s1 * current << " A, melt depth " << d1 * 1e6 << " um\n";
            if (std::abs(d1 - target) <= relative_depth_tolerance * target)
              {
                result.current_A = s1 * current;
                result.depth_m   = d1;
                break;
              }
            (d1 < target ? low : high) = s1;
            const double next          = next_fraction(s0, d0, s1, d1, target, low, high);
            s0                         = s1;
            d0                         = d1;
            s1                         = next;
          }
        result.solves = std::min(result.solves, max_solves);
        if (!result.current_A)
          result.note = "the search did not reach the target depth within 0.1 % in " +
                        std::to_string(max_solves) + " solves";
      }
    catch (const SolverDivergence &e)
      {
        result.note = std::string("a nonlinear solve of the search failed: ") + e.what();
      }
    solved.kirchhoff->restore_full_power();
    return result;
  }
} // namespace ebweld
