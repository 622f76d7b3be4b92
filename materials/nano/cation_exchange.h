#pragma once
// Thermally activated solid-state cation exchange (docs/PHYSICS.md 5.5), e.g.
// CdSe -> Cu2Se fed by a Cu-rich donor: dX/dt = k0 exp(-Ea / (R_g T)) g(X).
// The rate law separates, so with the kinetic time
//   tau(t) = integral k0 exp(-Ea / (R_g T(s))) ds
// (adaptive Gauss-Kronrod quadrature over each linear piece of T) the
// conversion is exact for any history: F(X) = tau, F(X) = int_0^X dX'/g(X').
//   first order:   g = 1 - X,                              F = -ln(1 - X)
//   shrinking core (diffusion through the product shell, Ginstling-
//   Brounshtein): g = 3 (1-X)^(1/3) / (2 (1 - (1-X)^(1/3))), F = 1 - 2X/3 - (1-X)^(2/3)

#include "materials/nano/interface_submodel.h"

namespace ebweld
{
  class CationExchange : public InterfaceSubmodel
  {
  public:
    CationExchange(const ParameterSection &section, const ParticleContext &particles);
    static void declare_parameters(dealii::ParameterHandler &prm);

    std::vector<std::string> state_names() const override;
    SubmodelResult           evolve(const ThermalHistory      &history,
                                    const std::vector<double> &times_s) const override;

    /// k(T) = k0 exp(-Ea / (R_g T)) [1/s]
    double rate_constant_per_s(double temperature_K) const;
    /// X for kinetic time tau (the inverse of F).
    double conversion(double kinetic_time) const;

  private:
    bool   shrinking_core_;
    double prefactor_per_s_, activation_J_per_mol_;
  };
} // namespace ebweld
