#pragma once
// Thermophysical and atomic properties of one material (SI units): the
// constant values at 300 K the linear solve and the beam models use, and
// the temperature-dependent data where the material has them.

#include "materials/thermal_properties.h"

#include <memory>
#include <string>

namespace ebweld
{
  struct Material
  {
    std::string name;
    /// thermal conductivity k [W/m/K]
    double conductivity_W_per_mK = 0.;
    /// mass density rho [kg/m^3]
    double density_kg_per_m3 = 0.;
    /// specific heat capacity c_p [J/kg/K]
    double heat_capacity_J_per_kgK = 0.;
    /// melting temperature T_m [K]
    double melting_temperature_K = 0.;
    /// boiling temperature [K]
    double boiling_temperature_K = 0.;
    /// atomic number Z (mean for compounds)
    double atomic_number = 0.;
    /// atomic mass A [g/mol]
    double atomic_mass_g_per_mol = 0.;

    /// temperature-dependent properties (null: none known)
    std::shared_ptr<const ThermalProperties> thermal;

    /// rho c_p [J/m^3/K]
    double volumetric_heat_capacity_J_per_m3K() const
    {
      return density_kg_per_m3 * heat_capacity_J_per_kgK;
    }

    /// alpha = k / (rho c_p) [m^2/s]
    double diffusivity_m2_per_s() const
    {
      return conductivity_W_per_mK / volumetric_heat_capacity_J_per_m3K();
    }

    /// Throws InputError naming `where` if a property is out of range.
    void validate(const std::string &where) const;
  };
} // namespace ebweld
