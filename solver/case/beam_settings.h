#pragma once
// Input-file section "Beam": the process parameters of one weld.

#include "materials/material.h"
#include "sources/heat_source.h"

#include <deal.II/base/parameter_handler.h>

#include <optional>

namespace ebweld
{
  /// Mean beam power density V I / (pi d^2 / 4) above which a beam is
  /// refused [W/m^2]: a hundred times the densest electron-beam welding.
  constexpr double max_power_density_W_per_m2 = 1e15;

  struct BeamSettings
  {
    double voltage_V  = 0.;
    double current_A  = 0.;
    double diameter_m = 0.;
    /// travel speed U [m/s]; if not given, from peclet_number
    std::optional<double> speed_m_per_s;
    double                peclet_number = 0.;
    std::optional<double> heating_efficiency;
    std::optional<double> sphere_centre_fraction;
    bool                  relativistic_range = false;
    /// target melt depth z_t [m] for the one-solve current estimate
    std::optional<double> target_melt_depth_m;

    static void         declare_parameters(dealii::ParameterHandler &prm);
    static BeamSettings parse(dealii::ParameterHandler &prm);

    /// U [m/s]: the given speed, or Pe alpha / d.
    double travel_speed_m_per_s(const Material &material) const;

    /// Range, gamma and heating efficiency for this beam in `material`.
    BeamContext context(const Material &material) const;
  };
} // namespace ebweld
