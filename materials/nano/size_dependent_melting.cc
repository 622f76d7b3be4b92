#include "materials/nano/size_dependent_melting.h"

#include "materials/nano/physical_constants.h"
#include "solver/base/number_pattern.h"
#include "solver/base/parameter_section.h"

#include <cmath>

namespace ebweld
{
  double SizeDependentMelting::melting_point_ratio(const double radius_m) const
  {
    const double r0 = 3. * atomic_diameter_m;
    if (radius_m <= r0)
      return 0.;
    return std::exp(-(2. * vibrational_entropy_J_per_molK / (3. * constants::gas_J_per_molK)) /
                    (radius_m / r0 - 1.));
  }

  void SizeDependentMelting::declare_parameters(dealii::ParameterHandler &prm,
                                                const std::string        &default_entropy,
                                                const std::string        &default_diameter_nm)
  {
    prm.declare_entry("Vibrational entropy (J/mol/K)", default_entropy,
                      NumberPattern::in_range(0., 1e3),
                      "Bulk vibrational melting entropy S_vib of the size-dependent melting "
                      "point [J/mol/K], >= 0.");
    prm.declare_entry("Atomic diameter (nm)", default_diameter_nm, NumberPattern::positive(),
                      "Atomic diameter h [nm], > 0; no solid is stable below r0 = 3 h.");
  }

  SizeDependentMelting SizeDependentMelting::parse(const ParameterSection &section)
  {
    SizeDependentMelting m;
    m.vibrational_entropy_J_per_molK = section.number("Vibrational entropy (J/mol/K)");
    m.atomic_diameter_m              = section.number("Atomic diameter (nm)") * 1e-9;
    return m;
  }
} // namespace ebweld
