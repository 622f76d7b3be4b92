#pragma once
// Input-file section "Material": a name from the shipped (or a user) table,
// or one material defined in the input file itself.

#include "materials/material_database.h"

#include <deal.II/base/parameter_handler.h>

#include <optional>

namespace ebweld
{
  /// How the material enters the heat equation.
  struct MaterialModelSettings
  {
    /// the property file's k(T), c_p(T), melting and losses (Newton) or
    /// the table's constants (one linear solve)
    bool temperature_dependent = true;
    /// width of the narrowest melting range [K]; empty: automatic, the
    /// mesh's resolution of the fusion line (at least the floor below)
    std::optional<double>   melting_smoothing_K;
    static constexpr double automatic_smoothing_floor_K = 10.;
    /// the automatic width is at most this fraction of T_m - T0 [-]
    static constexpr double automatic_smoothing_cap = 0.15;

    double smoothing_or_floor_K() const
    {
      return melting_smoothing_K.value_or(automatic_smoothing_floor_K);
    }
  };

  void declare_material_parameters(dealii::ParameterHandler &prm);

  /// The table in use (shipped or Material/Database file) with the
  /// material of Material/Custom added; throws InputError.
  MaterialDatabase parse_material_database(dealii::ParameterHandler &prm);

  /// The selected material; throws InputError for an unknown name or
  /// out-of-range properties.
  Material parse_material(dealii::ParameterHandler &prm);

  MaterialModelSettings parse_material_model(dealii::ParameterHandler &prm);
} // namespace ebweld
