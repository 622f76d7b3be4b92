// The current that gives Beam/Target melt depth with constant properties,
// from the same solve:
// theta is linear in the beam power, so I* = (T_m - T0) I / max_{z >= z_t}
// theta(z); unattainable if the largest rise below z_t lies deeper than z_t
// (the first melt would appear below the target). docs/PHYSICS.md 1.4.

#include "solver/post/postprocessor.h"

#include <string>

namespace ebweld
{
  class TargetDepthCurrent : public Postprocessor
  {
  public:
    void measure(PostprocessContext &context) override
    {
      const auto &setup = context.setup;
      if (!setup.beam.target_melt_depth_m)
        return;
      // not linear in the current: the run's root find over warm-started
      // Newton solves records it (solver/run/target_depth_search.h)
      if (setup.temperature_dependent())
        return;
      const double z_t = *setup.beam.target_melt_depth_m;
      auto        &r   = context.results;
      r.set("target_melt_depth_m", z_t);
      if (setup.boundary.top_convection_W_per_m2K > 0. &&
          setup.boundary.ambient_temperature_K != setup.boundary.initial_temperature_K)
        return no_current(
            r, "not linear in the power: the top-surface ambient temperature differs from T0");
      const DepthResponse response = depth_response(context.problem, z_t);
      if (const std::string reason = no_current_reason(response); !reason.empty())
        {
          context.log << "  target depth " << z_t * 1e6 << " um: " << reason << "\n";
          return no_current(r, reason);
        }
      const double current = setup.beam.current_A * response.power_factor(context.melt_rise_K());
      r.set("current_for_target_depth_A", current);
      context.log << "  target depth: "
                  << r.report({"target_melt_depth_m", "current_for_target_depth_A"}) << " ("
                  << current * setup.beam.voltage_V << " W of V I)\n";
    }

  private:
    static void no_current(CaseResults &results, const std::string &note)
    {
      results.set("current_for_target_depth_A", nullptr);
      results.set("target_depth_note", note);
    }
  };

  EBWELD_REGISTER_POSTPROCESSOR(TargetDepthCurrent, "target depth current", 40,
                                "with Beam/Target melt depth: the current that reaches it")
} // namespace ebweld
