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
      if (pool.melted)
        context.log << "  melt pool: "
                    << r.report({"melt_depth_m", "melt_half_width_m", "melt_length_m",
                                 "melt_front_xi_m", "melt_rear_xi_m"})
                    << "\n";
      else
        context.log << "  no melting (peak below T_m = "
                    << context.setup.material.melting_temperature_K << " K)\n";
    }
  };

  EBWELD_REGISTER_POSTPROCESSOR(MeltPoolReport, "melt pool", 20,
                                "depth, half-width and length of the region above T_m")
} // namespace ebweld
