// T along the surface centreline, under the beam and across the widest
// melt section, as CSV (field_output.h).

#include "solver/post/postprocessor.h"

namespace ebweld
{
  class LineProfiles : public Postprocessor
  {
  public:
    void write(PostprocessContext &context) override
    {
      if (!context.options.write_profiles)
        return;
      write_line_profiles(context.problem, context.setup.boundary.initial_temperature_K,
                          context.melt_pool().widest_xi_m, context.options.output_directory);
    }
  };

  EBWELD_REGISTER_POSTPROCESSOR(LineProfiles, "line profiles", 80,
                                "profile_centreline.csv, profile_depth.csv, profile_width.csv")
} // namespace ebweld
