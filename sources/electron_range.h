#pragma once
// Beam-matter physics of the Kanaya-Okayama model (docs/PHYSICS.md 2.1):
// electron range, backscatter parameter gamma and the diffusion-sphere
// heating efficiency. Pure functions of the material and the voltage.

namespace ebweld
{
  /// Kanaya-Okayama electron range R [m] for beam voltage [V], atomic number
  /// Z, atomic mass A [g/mol] and density [kg/m^3]:
  /// R[um] = 0.0276 A E[keV]^1.67 / (Z^0.889 rho[g/cm^3]). With
  /// `relativistic` the 5/3-exponent form times the relativistic factor
  /// (1 + 0.978e-6 E_eV)^(5/3) / (1 + 1.957e-6 E_eV)^(4/3).
  double kanaya_okayama_range_m(double voltage_V, double atomic_number,
                                double atomic_mass_g_per_mol, double density_kg_per_m3,
                                bool relativistic);

  /// Inverse of kanaya_okayama_range_m: the voltage [V] whose range is R.
  double voltage_for_range_V(double range_m, double atomic_number, double atomic_mass_g_per_mol,
                             double density_kg_per_m3, bool relativistic);

  /// gamma = 0.187 Z^(2/3)
  double kanaya_okayama_gamma(double atomic_number);

  /// Default diffusion-sphere centre depth as a fraction of R: 1/(1+gamma).
  double default_sphere_centre_fraction(double atomic_number);

  /// Fraction of the diffusion sphere (centre at depth x_c = f R, radius
  /// r_s = R - x_c) that lies below the surface z = 0: the heating
  /// efficiency eta_h. Independent of R.
  double sphere_heating_efficiency(double sphere_centre_fraction);
} // namespace ebweld
