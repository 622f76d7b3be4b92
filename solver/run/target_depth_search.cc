#include "solver/run/target_depth_search.h"

#include "solver/base/input_error.h"
#include "solver/post/melt_pool.h"

#include <algorithm>
#include <cmath>
#include <iomanip>
#include <limits>
#include <vector>

namespace ebweld
{
  namespace
  {
    /// the depth is accepted within this fraction of the target
    constexpr double       relative_depth_tolerance = 1e-3;
    constexpr unsigned int max_solves               = 12;

    /// A trial: the power fraction, the rise at the target depth minus the
    /// melting rise [K] and the melt depth minus the target [m] (both
    /// negative: shallower than the target).
    struct Trial
    {
      double fraction = 0., excess_rise_K = 0., excess_depth_m = 0.;
    };

    bool deep(const Trial &t, const double target_depth_m)
    {
      return t.excess_depth_m > -0.5 * target_depth_m;
    }

    /// The fraction where the trials' curve crosses zero: inverse
    /// quadratic interpolation of the depth through the last three once
    /// their pools reach half the target (the depth is concave in the power
    /// there), the secant through the last two before (of the depth when
    /// both reach half the target, else of the rise: near the fusion line
    /// the rise flattens in the smoothed melting range while the depth
    /// keeps its slope).
    double interpolated_root(const std::vector<Trial> &trials, const double target_depth_m)
    {
      const std::size_t n = trials.size();
      const Trial      &a = trials[n - 2], &b = trials[n - 1];
      if (n >= 3 && deep(trials[n - 3], target_depth_m) && deep(a, target_depth_m) &&
          deep(b, target_depth_m))
        {
          const Trial &c  = trials[n - 3];
          const double fa = a.excess_depth_m, fb = b.excess_depth_m, fc = c.excess_depth_m;
          if (fa != fb && fb != fc && fa != fc)
            return c.fraction * fa * fb / ((fc - fa) * (fc - fb)) +
                   a.fraction * fc * fb / ((fa - fc) * (fa - fb)) +
                   b.fraction * fc * fa / ((fb - fc) * (fb - fa));
        }
      const bool   by_depth = deep(a, target_depth_m) && deep(b, target_depth_m);
      const double fa       = by_depth ? a.excess_depth_m : a.excess_rise_K;
      const double fb       = by_depth ? b.excess_depth_m : b.excess_rise_K;
      return fb != fa ? b.fraction - fb * (b.fraction - a.fraction) / (fb - fa) : 2. * b.fraction;
    }

    /// The next power fraction: interpolated_root(), kept inside the
    /// bracket (bisection when it leaves it) and, while one side is open,
    /// within a factor 2 of the last trial.
    double next_fraction(const std::vector<Trial> &trials, const double target_depth_m,
                         const double low, const double high)
    {
      const double last = trials.back().fraction;
      double       next = interpolated_root(trials, target_depth_m);
      if (!std::isfinite(next))
        next = 2. * last;
      const bool bracketed = low > 0. && std::isfinite(high);
      if (bracketed)
        return next > low && next < high ? next : 0.5 * (low + high);
      return std::clamp(next, 0.5 * last, 2. * last);
    }
  } // namespace

  TargetDepthSearch search_target_depth_current(const CaseSetup &setup, SolvedCase &solved,
                                                std::ostream &log)
  {
    TargetDepthSearch result;
    HeatProblem      &problem        = *solved.problem;
    const double      target_depth_m = *setup.beam.target_melt_depth_m;
    const double      melt_K         = setup.solidus_K() - setup.boundary.initial_temperature_K;
    const double      current        = setup.beam.current_A;
    // the problem's current solution at `fraction` of the power, whose
    // depth response at the target depth is `at_target`
    const auto trial = [&](const double fraction, const DepthResponse &at_target) {
      const MeltPool pool = measure_melt_pool(problem, melt_K);
      return Trial{fraction, at_target.rise_at_depth_K - melt_K,
                   (pool.melted ? pool.depth_m : 0.) - target_depth_m};
    };
    const DepthResponse response = depth_response(problem, target_depth_m);
    result.note                  = no_current_reason(response);
    if (!result.note.empty())
      return result;
    // bracket [low, high] of power fractions with depth below / above the target
    double             low = 0., high = std::numeric_limits<double>::infinity();
    std::vector<Trial> trials{trial(1., response)};
    (trials.back().excess_depth_m < 0. ? low : high) = 1.;
    double depth_low = 0., depth_high = 0.; // [m]
    double fraction = response.power_factor(melt_K);
    try
      {
        for (result.solves = 1; result.solves <= max_solves; ++result.solves)
          {
            solved.kirchhoff->solve_at(fraction);
            const Trial  next  = trial(fraction, depth_response(problem, target_depth_m));
            const double depth = next.excess_depth_m + target_depth_m;
            log << "  target depth search " << result.solves << ": " << std::setprecision(6)
                << fraction * current << " A, melt depth " << depth * 1e6 << " um\n";
            if (std::abs(next.excess_depth_m) <= relative_depth_tolerance * target_depth_m)
              {
                result.current_A = fraction * current;
                result.depth_m   = depth;
                break;
              }
            (next.excess_depth_m < 0. ? low : high)             = fraction;
            (next.excess_depth_m < 0. ? depth_low : depth_high) = depth;
            if (low > 0. && std::isfinite(high) && high - low <= relative_depth_tolerance * high)
              {
                // no current between: a deeper region joins the pool
                result.note = "the melt depth jumps across the target, from " +
                              format_value(depth_low * 1e6, 4) + " to " +
                              format_value(depth_high * 1e6, 4) + " um, within 0.1 % of " +
                              format_value(high * current, 6) + " A";
                break;
              }
            trials.push_back(next);
            fraction = next_fraction(trials, target_depth_m, low, high);
          }
        result.solves = std::min(result.solves, max_solves);
        if (!result.current_A && result.note.empty())
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
