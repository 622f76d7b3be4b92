#include "materials/surface_losses.h"

#include <algorithm>
#include <cmath>

namespace ebweld
{
  namespace
  {
    constexpr double gas_constant_J_per_molK = 8.314462618;
    constexpr double atmosphere_Pa           = 101325.;
    constexpr double pi                      = 3.14159265358979323846;
  } // namespace

  double EvaporationModel::saturation_pressure_Pa(const double T) const
  {
    // below a tenth of T_b p_sat is below 1e-40 atm for every metal here,
    // and exp() of the exponent underflows harmlessly; T <= 0 only occurs
    // in a Newton trial step
    if (T <= 0.1 * boiling_temperature_K)
      return 0.;
    const double exponent = latent_heat_vaporisation_J_per_kg * molar_mass_kg_per_mol /
                            gas_constant_J_per_molK * (1. / boiling_temperature_K - 1. / T);
    return atmosphere_Pa * std::exp(std::min(exponent, 700.));
  }

  double EvaporationModel::mass_flux_kg_per_m2s(const double T) const
  {
    const double excess_Pa = saturation_pressure_Pa(T) - ambient_pressure_Pa;
    if (excess_Pa <= 0.)
      return 0.;
    return (1. - recondensed_fraction) * excess_Pa *
           std::sqrt(molar_mass_kg_per_mol / (2. * pi * gas_constant_J_per_molK * T));
  }

  double EvaporationModel::mass_flux_derivative(const double T) const
  {
    const double p = saturation_pressure_Pa(T);
    if (p <= ambient_pressure_Pa)
      return 0.;
    const double dp_dT = p * latent_heat_vaporisation_J_per_kg * molar_mass_kg_per_mol /
                         (gas_constant_J_per_molK * T * T);
    const double root = std::sqrt(molar_mass_kg_per_mol / (2. * pi * gas_constant_J_per_molK * T));
    // m'' = (1 - beta) (p - p_a) root(T), root' = -root / (2 T)
    return (1. - recondensed_fraction) *
           (dp_dT * root - (p - ambient_pressure_Pa) * root / (2. * T));
  }

  double EvaporationModel::recoil_pressure_Pa(const double T) const
  {
    return 0.54 * saturation_pressure_Pa(T);
  }

  SurfaceLossModel::Flux SurfaceLossModel::at(const double T) const
  {
    Flux         f;
    const double Ta      = ambient_temperature_K;
    f.convected_W_per_m2 = convection_W_per_m2K * (T - Ta);
    f.radiated_W_per_m2 =
        emissivity * stefan_boltzmann_W_per_m2K4 * (T * T * T * T - Ta * Ta * Ta * Ta);
    f.derivative_W_per_m2K =
        convection_W_per_m2K + 4. * emissivity * stefan_boltzmann_W_per_m2K4 * T * T * T;
    if (evaporates())
      {
        const double L        = evaporation.latent_heat_vaporisation_J_per_kg;
        f.evaporated_W_per_m2 = L * evaporation.mass_flux_kg_per_m2s(T);
        f.derivative_W_per_m2K += L * evaporation.mass_flux_derivative(T);
      }
    return f;
  }
} // namespace ebweld
