#include "materials/material.h"

#include "solver/base/input_error.h"

namespace ebweld
{
  void Material::validate(const std::string &where) const
  {
    require_positive(where + "/Thermal conductivity (W/m/K)", conductivity_W_per_mK);
    require_positive(where + "/Density (kg/m^3)", density_kg_per_m3);
    require_positive(where + "/Heat capacity (J/kg/K)", heat_capacity_J_per_kgK);
    require_positive(where + "/Melting temperature (K)", melting_temperature_K);
    require_in_range(where + "/Boiling temperature (K)", boiling_temperature_K,
                     melting_temperature_K, 1e5);
    require_in_range(where + "/Atomic number", atomic_number, 1., 118.);
    require_positive(where + "/Atomic mass (g/mol)", atomic_mass_g_per_mol);
  }
} // namespace ebweld
