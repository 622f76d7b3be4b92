#pragma once
// Size-dependent melting point (docs/PHYSICS.md 5.2, after Jiang's model):
//   T_m(r) / T_m(inf) = exp( -(2 S_vib / (3 R_g)) / (r / r0 - 1) ),  r0 = 3 h
// with S_vib the bulk vibrational melting entropy and h the atomic
// diameter. Below r0 no solid is stable; the ratio is taken as 0 there.

#include <deal.II/base/parameter_handler.h>

namespace ebweld
{
  class ParameterSection;

  struct SizeDependentMelting
  {
    /// vibrational part of the bulk melting entropy S_vib [J/mol/K]
    double vibrational_entropy_J_per_molK = 9.157;
    /// atomic diameter h [m]
    double atomic_diameter_m = 0.2889e-9;

    /// T_m(r) / T_m(inf) in [0, 1) for a particle (or shell) of radius r [m].
    double melting_point_ratio(double radius_m) const;

    /// Declares "Vibrational entropy (J/mol/K)" and "Atomic diameter (nm)"
    /// with the given defaults.
    static void                 declare_parameters(dealii::ParameterHandler &prm,
                                                   const std::string        &default_entropy,
                                                   const std::string        &default_diameter_nm);
    static SizeDependentMelting parse(const ParameterSection &section);
  };
} // namespace ebweld
