#pragma once
// Alloying of a core-shell particle (docs/PHYSICS.md 5.2): the radial densities
// of the core species A and the shell species B obey the spherical
// diffusion equation with a size- and temperature-dependent diffusivity
//   D(r, T) = D0 exp(-E_inf / (R_g T) * T_m(r) / T_m(inf))
// in a finite particle (no flux through r = R_B). Finite volumes on a
// uniform radial grid keep each species' amount exactly (the fluxes
// telescope); backward Euler in time, with the step chosen by step
// doubling, is stable for any step and for the steep D(r) near the centre.
// The particle material (Particles/Material) is the shell species B.

#include "materials/nano/interface_submodel.h"
#include "materials/nano/size_dependent_melting.h"

namespace ebweld
{
  class CoreShellAlloying : public InterfaceSubmodel
  {
  public:
    CoreShellAlloying(const ParameterSection &section, const ParticleContext &particles);
    static void declare_parameters(dealii::ParameterHandler &prm);

    std::vector<std::string> state_names() const override;
    /// Tables: "radial_profile" (initial and final densities against r)
    /// and "line_profile" (projected HAADF-like intensity, weight Z^2,
    /// across the particle, initial and final).
    SubmodelResult evolve(const ThermalHistory      &history,
                          const std::vector<double> &times_s) const override;

    double diffusivity_m2_per_s(double radius_m, double temperature_K) const;

  private:
    double               particle_radius_m_, core_radius_m_, interface_width_m_;
    double               core_atomic_number_, shell_atomic_number_;
    double               prefactor_m2_per_s_, activation_J_per_mol_;
    bool                 size_effect_;
    SizeDependentMelting melting_;
    unsigned int         cells_;
    double               tolerance_;
  };
} // namespace ebweld
