// melt_pool.png: the top surface, the longitudinal section and the
// cross-section with the fusion line, drawn by postproc/plot_melt_pool.py
// from the sections this postprocessor samples (melt_pool_sections.h).

#include "solver/post/field_probes.h"
#include "solver/post/melt_pool_sections.h"
#include "solver/post/plot_script.h"
#include "solver/post/postprocessor.h"

#include <deal.II/base/mpi.h>

#include <algorithm>

namespace ebweld
{
  class MeltPoolPicture : public Postprocessor
  {
  public:
    void write(PostprocessContext &context) override
    {
      if (!context.options.write_picture)
        return;
      const CaseSetup   &setup     = context.setup;
      const MeltPool    &pool      = context.melt_pool();
      const std::string &directory = context.options.output_directory;
      const std::string  sections  = directory + "/melt_pool_sections.json";
      write_melt_pool_sections(context.problem,
                               section_window(pool, setup.beam.diameter_m, setup.extents),
                               cross_section_xi_m(context), setup.boundary.initial_temperature_K,
                               description(context), sections);
      if (dealii::Utilities::MPI::this_mpi_process(context.problem.communicator()) != 0)
        return;
      context.log.flush();
      const std::string picture = directory + "/melt_pool.png";
      context.log << draw_picture("plot_melt_pool.py", {sections, picture}, picture);
    }

  private:
    /// Where the pool is widest; without melt, the hottest node plane.
    static double cross_section_xi_m(PostprocessContext &context)
    {
      if (context.melt_pool().melted)
        return context.melt_pool().widest_xi_m;
      const auto planes = max_rise_per_node_plane(context.problem, 0);
      return std::max_element(planes.begin(), planes.end(),
                              [](const auto &a, const auto &b) { return a.second < b.second; })
          ->first;
    }

    /// What the picture's title and isotherms need.
    static nlohmann::ordered_json description(const PostprocessContext &context)
    {
      nlohmann::ordered_json d =
          select(context.results.summary(),
                 {"material", "beam_voltage_V", "beam_current_A", "travel_speed_m_per_s", "melted",
                  "melt_depth_m", "melt_half_width_m", "melt_length_m", "peak_temperature_K"});
      d["initial_temperature_K"]  = context.setup.boundary.initial_temperature_K;
      d["solidus_temperature_K"]  = context.setup.solidus_K();
      d["liquidus_temperature_K"] = context.setup.liquidus_K();
      return d;
    }
  };

  EBWELD_REGISTER_POSTPROCESSOR(MeltPoolPicture, "melt pool picture", 90,
                                "melt_pool_sections.json and melt_pool.png: top surface, "
                                "longitudinal section and cross-section with the fusion line")
} // namespace ebweld
