// The hottest node of the solid and of its top surface, against the
// boiling point: far above it, the conduction model no longer holds.

#include "solver/post/field_probes.h"
#include "solver/post/postprocessor.h"

#include <algorithm>

namespace ebweld
{
  class PeakTemperatures : public Postprocessor
  {
  public:
    void measure(PostprocessContext &context) override
    {
      const double T0     = context.setup.boundary.initial_temperature_K;
      const double T_boil = context.setup.material.boiling_temperature_K;
      // the node plane z = 0 (the top surface) comes first
      const auto   planes       = max_rise_per_node_plane(context.problem, 2);
      const double surface_peak = planes.front().second;
      double       peak_rise    = 0.;
      for (const auto &plane : planes)
        peak_rise = std::max(peak_rise, plane.second);
      context.results.set("peak_temperature_K", T0 + peak_rise);
      context.results.set("peak_surface_temperature_K", T0 + surface_peak);
      context.results.set("peak_surface_over_boiling", (T0 + surface_peak) / T_boil);
      if (const auto &map = context.setup.kirchhoff_map;
          map && T0 + peak_rise > map->top_temperature_K())
        context.results.warnings.push_back(
            "temperatures above the tabulated " + std::to_string(map->top_temperature_K()) +
            " K: the properties there are held at their values at that temperature");
      // evaporation caps the surface near the boiling point; without it
      // (constant properties, or evaporation off) nothing does
      const bool evaporation =
          context.problem.nonlinear() && context.setup.surface_losses.evaporates();
      if (T0 + surface_peak > T_boil && !evaporation)
        context.results.warnings.push_back(
            "the peak surface temperature " + std::to_string(T0 + surface_peak) +
            " K is above the boiling point " + std::to_string(T_boil) +
            " K: without evaporation nothing caps it, the result overestimates the "
            "temperature and the pool (Material/Temperature-dependent properties = true "
            "with Surface losses/Evaporation = true models it)");
      context.log << "  temperatures: "
                  << context.results.report({"peak_temperature_K", "peak_surface_temperature_K",
                                             "peak_surface_over_boiling"})
                  << "\n";
    }
  };

  EBWELD_REGISTER_POSTPROCESSOR(PeakTemperatures, "peak temperatures", 10,
                                "largest temperature of the solid and of its surface")
} // namespace ebweld
