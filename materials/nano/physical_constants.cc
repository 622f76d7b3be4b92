#include "materials/nano/physical_constants.h"

#include <cmath>

namespace ebweld
{
  double arrhenius_factor(const double activation_energy_J_per_mol, const double temperature_K)
  {
    return std::exp(-activation_energy_J_per_mol / (constants::gas_J_per_molK * temperature_K));
  }
} // namespace ebweld
