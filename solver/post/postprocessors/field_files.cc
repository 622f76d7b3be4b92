// Temperature, source density and melted indicator as ParaView files
// (field_output.h).

#include "solver/post/postprocessor.h"

namespace ebweld
{
  class FieldFiles : public Postprocessor
  {
  public:
    void write(PostprocessContext &context) override
    {
      if (!context.options.write_fields)
        return;
      context.log << "  fields: "
                  << write_fields(context.problem, context.fields, context.options.output_directory,
                                  "fields")
                  << "\n";
    }
  };

  EBWELD_REGISTER_POSTPROCESSOR(FieldFiles, "fields", 60,
                                "fields.pvd: temperature, source density, melted")
} // namespace ebweld
