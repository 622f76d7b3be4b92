// Depth, width and length of the melt pool, read from the finite-element
// field (melt_pool.h).

#include "solver/post/postprocessor.h"

namespace ebweld
{
  class MeltPoolReport : public Postprocessor
  {
  public:
    void measure(PostprocessContext &context) override
    {
      const MeltPool &pool = context.melt_pool();
      auto           &r    = context.results;
      r.set("melted", pool.melted);
      r.set("melt_depth_m", pool.depth_m);
      r.set("melt_half_width_m", pool.half_width_m);
      r.set("melt_length_m", pool.length_m);
      r.set("melt_front_xi_m", pool.front_xi_m);
      r.set("melt_rear_xi_m", pool.rear_xi_m);
      if (pool.melted && pool.rear_xi_m < -context.setup.extents.behind_m * 0.999)
        r.warnings.push_back("the melt pool reaches the outflow face: its length is truncated; "
                             "enlarge Mesh/Length behind beam (um)");
      const CaseSetup &setup = context.setup;
      if (setup.liquidus_K() > setup.solidus_K())
        report_liquidus_pool(context);
      if (pool.melted)
        context.log << "  melt pool: "
                    << r.report({"melt_depth_m", "melt_half_width_m", "melt_length_m",
                                 "melt_front_xi_m", "melt_rear_xi_m"})
                    << "\n";
      else
        context.log << "  no melting (peak below the solidus " << setup.solidus_K() << " K)\n";
    }

  private:
    /// The fully liquid region of an alloy, inside the fusion line.
    static void report_liquidus_pool(PostprocessContext &context)
    {
      const CaseSetup &setup  = context.setup;
      const MeltPool   liquid = measure_melt_pool(
            context.problem, setup.liquidus_K() - setup.boundary.initial_temperature_K);
      auto &r = context.results;
      r.set("liquidus_depth_m", liquid.depth_m);
      r.set("liquidus_half_width_m", liquid.half_width_m);
      r.set("liquidus_length_m", liquid.length_m);
      if (liquid.melted)
        context.log << "  above the liquidus: "
                    << r.report({"liquidus_depth_m", "liquidus_half_width_m", "liquidus_length_m"})
                    << "\n";
    }
  };

  EBWELD_REGISTER_POSTPROCESSOR(
      MeltPoolReport, "melt pool", 20,
      "depth, half-width and length of the region above T_m (the solidus), and above the liquidus")
} // namespace ebweld
