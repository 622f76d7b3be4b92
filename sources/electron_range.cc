#include "sources/electron_range.h"

#include <boost/math/tools/roots.hpp>

#include <cmath>
#include <cstdint>

namespace ebweld
{
  double kanaya_okayama_range_m(const double voltage_V, const double atomic_number,
                                const double atomic_mass_g_per_mol, const double density_kg_per_m3,
                                const bool relativistic)
  {
    const double density_g_per_cm3 = density_kg_per_m3 * 1e-3;
    if (!relativistic)
      {
        const double energy_keV = voltage_V * 1e-3;
        const double range_um   = 0.0276 * atomic_mass_g_per_mol * std::pow(energy_keV, 1.67) /
                                (std::pow(atomic_number, 0.889) * density_g_per_cm3);
        return range_um * 1e-6;
      }
    const double energy_eV = voltage_V;
    const double range_cm  = 2.76e-11 * atomic_mass_g_per_mol * std::pow(energy_eV, 5. / 3.) /
                            (density_g_per_cm3 * std::pow(atomic_number, 8. / 9.)) *
                            std::pow(1. + 0.978e-6 * energy_eV, 5. / 3.) /
                            std::pow(1. + 1.957e-6 * energy_eV, 4. / 3.);
    return range_cm * 1e-2;
  }

  double voltage_for_range_V(const double range_m, const double atomic_number,
                             const double atomic_mass_g_per_mol, const double density_kg_per_m3,
                             const bool relativistic)
  {
    // The range grows monotonically with voltage in both forms.
    const auto residual = [&](const double log_voltage) {
      return std::log(kanaya_okayama_range_m(std::exp(log_voltage), atomic_number,
                                             atomic_mass_g_per_mol, density_kg_per_m3,
                                             relativistic) /
                      range_m);
    };
    std::uintmax_t iterations = 100;
    const auto     bracket    = boost::math::tools::toms748_solve(
               residual, std::log(1.), std::log(1e8), boost::math::tools::eps_tolerance<double>(50),
               iterations);
    return std::exp(0.5 * (bracket.first + bracket.second));
  }

  double kanaya_okayama_gamma(const double atomic_number)
  {
    return 0.187 * std::pow(atomic_number, 2. / 3.);
  }

  double default_sphere_centre_fraction(const double atomic_number)
  {
    return 1. / (1. + kanaya_okayama_gamma(atomic_number));
  }

  double sphere_heating_efficiency(const double centre_fraction)
  {
    const double x_c        = centre_fraction;      // centre depth / R
    const double r_s        = 1. - centre_fraction; // radius / R
    const double cap_height = r_s - x_c;            // part above z = 0
    if (cap_height <= 0.)
      return 1.;
    if (cap_height >= 2. * r_s)
      return 0.;
    const double cap_fraction =
        cap_height * cap_height * (3. * r_s - cap_height) / (4. * r_s * r_s * r_s);
    return 1. - cap_fraction;
  }
} // namespace ebweld
