#pragma once
// Two-particle neck growth (docs/PHYSICS.md 5.1): surface, grain-boundary and
// volume diffusion and viscous flow, each a power law (x/a)^n = B(T) t for
// neck radius x on particles of radius a, integrated over an arbitrary
// T(t) as dy/dt = sum_m B_m(T) / (n_m y^(n_m - 1)), y = x/a (the
// mechanisms add their neck growth rates), with an adaptive Runge-Kutta
// (Dormand-Prince) integrator from Boost.Odeint. Densification follows
// from the volume-conserving neck geometry; a particle heated above its
// size-dependent melting point is taken as fully dense.

#include "materials/nano/interface_submodel.h"
#include "materials/nano/size_dependent_melting.h"

namespace ebweld
{
  class NeckGrowth : public InterfaceSubmodel
  {
  public:
    enum class Mechanism
    {
      surface_diffusion,
      grain_boundary_diffusion,
      volume_diffusion,
      viscous_flow
    };

    NeckGrowth(const ParameterSection &section, const ParticleContext &particles);
    static void declare_parameters(dealii::ParameterHandler &prm);

    std::vector<std::string> state_names() const override;
    SubmodelResult           evolve(const ThermalHistory      &history,
                                    const std::vector<double> &times_s) const override;

    /// n of (x/a)^n = B t
    static unsigned int exponent(Mechanism mechanism);
    /// B(T) [1/s] of one mechanism at temperature T, with the particle's
    /// (size-dependent) activation energy.
    double power_law_rate(Mechanism mechanism, double temperature_K) const;
    /// Activation energy of a diffusion mechanism scaled by T_m(a)/T_m(inf)
    /// when the size effect is on [J/mol].
    double activation_energy_J_per_mol(double bulk_J_per_mol) const;
    /// Size-dependent melting point of the particles [K].
    double particle_melting_point_K() const;
    /// Relative density of the bed at neck ratio y (volume-conserving
    /// geometry: rho = rho0 (a / h)^3, at most 1).
    double relative_density(double neck_ratio) const;

  private:
    struct Diffusion
    {
      double prefactor; // D0 [m^2/s] or delta D0 [m^3/s]
      double activation_J_per_mol;
    };
    ParticleContext        particles_;
    std::vector<Mechanism> mechanisms_;
    double                 surface_energy_J_per_m2;
    Diffusion              surface_, boundary_, volume_;
    double                 viscosity_prefactor_Pa_s, viscous_activation_J_per_mol;
    bool                   size_effect_;
    SizeDependentMelting   melting_;
    double                 initial_neck_ratio_, maximum_neck_ratio_;
    double                 atomic_volume_m3_;
  };
} // namespace ebweld
