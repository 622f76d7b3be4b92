#pragma once
// CODATA 2018 constants shared by the nanoscale submodels (SI units unless
// the name says otherwise).

namespace ebweld::constants
{
  /// molar gas constant R_g [J/mol/K]
  constexpr double gas_J_per_molK = 8.314462618;
  /// Boltzmann constant k_B [J/K]
  constexpr double boltzmann_J_per_K = 1.380649e-23;
  /// Avogadro constant N_A [1/mol]
  constexpr double avogadro_per_mol = 6.02214076e23;
  /// elementary charge e [C]
  constexpr double elementary_charge_C = 1.602176634e-19;
  /// electron rest energy m c^2 [eV]
  constexpr double electron_rest_energy_eV = 510998.95;
  /// atomic mass unit times c^2 [eV]
  constexpr double atomic_mass_unit_eV = 931.49410242e6;
  /// 0 degrees Celsius [K]
  constexpr double celsius_zero_K = 273.15;
} // namespace ebweld::constants

namespace ebweld
{
  /// Arrhenius factor exp(-Q / (R_g T)) for Q [J/mol], T [K].
  double arrhenius_factor(double activation_energy_J_per_mol, double temperature_K);
} // namespace ebweld
