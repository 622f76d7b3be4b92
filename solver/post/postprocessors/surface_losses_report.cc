// Evaporation and the keyhole indicator of a temperature-dependent solve
// (docs/PHYSICS.md 6.3-6.4): the mass the surface loses, the recoil
// pressure the vapour exerts, and whether it would open a keyhole, which
// the conduction model cannot represent.

#include "solver/post/postprocessor.h"

#include <sstream>

namespace ebweld
{
  class SurfaceLossesReport : public Postprocessor
  {
  public:
    void measure(PostprocessContext &context) override
    {
      const NonlinearState *nonlinear = context.problem.nonlinear();
      if (!nonlinear)
        return;
      const CaseSetup         &setup  = context.setup;
      const SurfaceLossTotals &losses = nonlinear->losses;
      auto                    &r      = context.results;
      if (!setup.surface_losses.evaporates())
        return;
      r.set("evaporation_rate_kg_per_s", losses.evaporation_rate_kg_per_s);
      r.set("peak_recoil_pressure_Pa", losses.peak_recoil_pressure_Pa);
      std::vector<std::string> keys = {"evaporation_rate_kg_per_s", "peak_recoil_pressure_Pa"};
      const double             gamma_N_per_m = setup.material.thermal->surface_tension_N_per_m;
      if (gamma_N_per_m > 0.)
        {
          const double capillary_Pa = 4. * gamma_N_per_m / setup.beam.diameter_m;
          const double indicator    = losses.peak_recoil_pressure_Pa / capillary_Pa;
          r.set("capillary_pressure_Pa", capillary_Pa);
          r.set("keyhole_indicator", indicator);
          keys.insert(keys.end(), {"capillary_pressure_Pa", "keyhole_indicator"});
          if (indicator > 1.)
            {
              std::ostringstream warning;
              warning << "a keyhole is likely: the recoil pressure ("
                      << losses.peak_recoil_pressure_Pa
                      << " Pa) exceeds the capillary pressure 4 gamma / d (" << capillary_Pa
                      << " Pa) by a factor " << indicator
                      << "; the conduction model's melt depth is a lower bound";
              r.warnings.push_back(warning.str());
            }
        }
      context.log << "  surface: " << r.report(keys) << "\n";
    }
  };

  EBWELD_REGISTER_POSTPROCESSOR(SurfaceLossesReport, "surface losses", 35,
                                "evaporation rate, recoil pressure and keyhole indicator "
                                "(temperature-dependent properties)")
} // namespace ebweld
