#pragma once
// Temperature-dependent properties of one material (docs/PHYSICS.md 6):
// k, c_p and rho of the solid and of the liquid, the melting range and
// latent heat, the evaporation data, the emissivity and the liquid's
// surface tension. Read from a property file (materials/data/<name>.csv
// or Material/Custom/Property file); the format is in docs/MATERIALS.md.

#include "materials/property_curve.h"

#include <string>

namespace ebweld
{
  struct ThermalProperties
  {
    /// the file the data came from (for messages)
    std::string   source_file;
    PropertyCurve conductivity_solid_W_per_mK, conductivity_liquid_W_per_mK;
    PropertyCurve heat_capacity_solid_J_per_kgK, heat_capacity_liquid_J_per_kgK;
    PropertyCurve density_solid_kg_per_m3, density_liquid_kg_per_m3;
    double        solidus_K = 0., liquidus_K = 0.;
    double        latent_heat_fusion_J_per_kg = 0.;
    /// evaporation: 0 where the file gives none (no evaporation)
    double boiling_temperature_K             = 0.;
    double latent_heat_vaporisation_J_per_kg = 0.;
    double molar_mass_kg_per_mol             = 0.;
    /// total hemispherical emissivity of the surface [-]
    double emissivity = 0.;
    /// liquid-vapour surface tension [N/m]; 0: not given (no keyhole indicator)
    double surface_tension_N_per_m = 0.;

    bool evaporates() const { return boiling_temperature_K > 0.; }

    /// Liquid fraction: 0 below the solidus, 1 above the liquidus, a
    /// smooth step (3 s^2 - 2 s^3) between; the range is widened
    /// symmetrically to `smoothing_K` if it is narrower (pure elements).
    double liquid_fraction(double temperature_K, double smoothing_K) const;
    /// The (possibly widened) melting range [K] of liquid_fraction().
    std::pair<double, double> melting_range_K(double smoothing_K) const;
    /// k [W/m/K] and c_p [J/kg/K]: the solid's and the liquid's curves
    /// weighted by the liquid fraction.
    double conductivity_W_per_mK(double temperature_K, double smoothing_K) const;
    double heat_capacity_J_per_kgK(double temperature_K, double smoothing_K) const;
    double density_kg_per_m3(double temperature_K, double smoothing_K) const;
  };

  /// Reads a property file; throws InputError naming the file, the line
  /// and the offending value (non-increasing or duplicate temperatures,
  /// non-positive values, unknown or missing properties, solidus above
  /// liquidus).
  ThermalProperties read_thermal_properties(const std::string &path, const std::string &parameter);
} // namespace ebweld
