#pragma once
// Input-file section "Material": a name from the shipped (or a user) table,
// or one material defined in the input file itself.

#include "materials/material_database.h"

#include <deal.II/base/parameter_handler.h>

namespace ebweld
{
  void declare_material_parameters(dealii::ParameterHandler &prm);

  /// The table in use (shipped or Material/Database file) with the
  /// material of Material/Custom added; throws InputError.
  MaterialDatabase parse_material_database(dealii::ParameterHandler &prm);

  /// The selected material; throws InputError for an unknown name or
  /// out-of-range properties.
  Material parse_material(dealii::ParameterHandler &prm);
} // namespace ebweld
