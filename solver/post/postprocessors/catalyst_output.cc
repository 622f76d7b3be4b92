// Hands the fields to the ParaView Catalyst pipelines of --catalyst
// (catalyst_session.h), with the melt pool and the window a picture of it
// frames as parameters.

#include "solver/post/catalyst_session.h"
#include "solver/post/melt_pool_sections.h"
#include "solver/post/postprocessor.h"

#include <deal.II/base/timer.h>

namespace ebweld
{
  class CatalystOutput : public Postprocessor
  {
  public:
    void write(PostprocessContext &context) override
    {
      const auto &options = context.options;
      if (!options.catalyst)
        return;
      auto parameters = options.catalyst_parameters;
      for (const char *key :
           {"melt_depth_m", "melt_half_width_m", "melt_length_m", "melt_front_xi_m",
            "melt_rear_xi_m", "peak_temperature_K", "beam_diameter_m"})
        if (context.results.has(key))
          parameters[key] = context.results.at(key);
      // the fusion line the pool is measured at (T_m with constant properties)
      const CaseSetup &setup              = context.setup;
      parameters["solidus_temperature_K"] = setup.solidus_K();
      parameters["initial_temperature_K"] = setup.boundary.initial_temperature_K;
      // what an image frames: the same on every rank, as melt_pool.png frames it
      const SectionWindow window =
          section_window(context.melt_pool(), setup.beam.diameter_m, setup.extents);
      parameters["window_xi_low_m"]  = window.xi_low_m;
      parameters["window_xi_high_m"] = window.xi_high_m;
      parameters["window_side_m"]    = window.side_m;
      parameters["window_depth_m"]   = window.depth_m;
      const int step =
          options.catalyst_time_step >= 0 ? options.catalyst_time_step : options.catalyst->calls();
      dealii::Timer timer(context.problem.communicator(), true);
      // a run's final state always; a study's cases at the session's interval
      const auto handed =
          options.catalyst->coprocess(context.problem, context.fields, step + 1., step, parameters,
                                      options.catalyst_time_step < 0);
      timer.stop();
      context.results.set("catalyst", {{"time_step", step},
                                       {"points_handed", handed.first},
                                       {"cells_handed", handed.second},
                                       {"time_s", timer.wall_time()},
                                       {"startup_time_s", options.catalyst->startup_time_s()}});
      context.log << "  fields handed to Catalyst\n";
    }
  };

  EBWELD_REGISTER_POSTPROCESSOR(CatalystOutput, "catalyst", 70,
                                "with --catalyst: the fields to the ParaView Catalyst pipelines")
} // namespace ebweld
