#pragma once
// Heat lost by the top surface per unit area (docs/PHYSICS.md 6.2-6.4):
// convection h (T - T_amb), radiation eps sigma (T^4 - T_amb^4) and
// evaporation by the Hertz-Knudsen-Langmuir flux with Clausius-Clapeyron
// saturation pressure, with the recoil pressure it exerts.

namespace ebweld
{
  struct EvaporationModel
  {
    double boiling_temperature_K             = 0.;
    double latent_heat_vaporisation_J_per_kg = 0.;
    double molar_mass_kg_per_mol             = 0.;
    /// fraction of the vapour that recondenses (0.18: strong evaporation into vacuum)
    double recondensed_fraction = 0.18;
    /// pressure above the surface [Pa] (0: vacuum)
    double ambient_pressure_Pa = 0.;

    /// p_sat(T) [Pa], Clausius-Clapeyron through (T_b, 101325 Pa)
    double saturation_pressure_Pa(double temperature_K) const;
    /// net evaporated mass flux m'' [kg/m^2/s]
    double mass_flux_kg_per_m2s(double temperature_K) const;
    /// d m'' / dT [kg/m^2/s/K]
    double mass_flux_derivative(double temperature_K) const;
    /// recoil pressure 0.54 p_sat [Pa] (Anisimov 1968)
    double recoil_pressure_Pa(double temperature_K) const;
  };

  struct SurfaceLossModel
  {
    double convection_W_per_m2K  = 0.;
    double ambient_temperature_K = 300.;
    double emissivity            = 0.;
    /// evaporation off when boiling_temperature_K is 0
    EvaporationModel evaporation;

    bool evaporates() const { return evaporation.boiling_temperature_K > 0.; }

    struct Flux
    {
      double convected_W_per_m2  = 0.;
      double radiated_W_per_m2   = 0.;
      double evaporated_W_per_m2 = 0.;
      /// d (total) / dT [W/m^2/K]
      double derivative_W_per_m2K = 0.;
      double total_W_per_m2() const
      {
        return convected_W_per_m2 + radiated_W_per_m2 + evaporated_W_per_m2;
      }
    };
    Flux at(double temperature_K) const;
  };

  /// Stefan-Boltzmann constant [W/m^2/K^4]
  constexpr double stefan_boltzmann_W_per_m2K4 = 5.670374419e-8;
} // namespace ebweld
