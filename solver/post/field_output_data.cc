#include "solver/post/field_output_data.h"

namespace ebweld
{
  FieldOutputData field_output_data(const CaseSetup &setup)
  {
    FieldOutputData data;
    data.initial_temperature_K = setup.boundary.initial_temperature_K;
    data.melting_temperature_K = setup.material.melting_temperature_K;
    data.sources               = setup.source_pointers();
    return data;
  }

} // namespace ebweld
