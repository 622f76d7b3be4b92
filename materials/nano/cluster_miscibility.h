#pragma once
// Miscibility of A-B nanoclusters (docs/PHYSICS.md 5.3): the mixing Gibbs energy
// of an n-atom cluster at fractions x_A, x_B = 1 - x_A,
//   dG_mix = dH - n^(-1/3) [dH - H_A (x_A^(2/3) - x_A) - H_B (x_B^(2/3) - x_B)]
//            + R_g T (x_A ln x_A + x_B ln x_B),
// with the bulk mixing enthalpy of a regular solution dH = Omega x_A x_B and
// H_A, H_B the (negative) bulk cohesive energies. Below the largest mixing
// size n* a pair that is immiscible in bulk (dG_bulk > 0) mixes.

#include "materials/nano/interface_submodel.h"

namespace ebweld
{
  class ClusterMiscibility : public InterfaceSubmodel
  {
  public:
    ClusterMiscibility(const ParameterSection &section, const ParticleContext &particles);
    static void declare_parameters(dealii::ParameterHandler &prm);

    std::vector<std::string> state_names() const override;
    /// Tables at the peak temperature of the history: "dG_versus_size" and
    /// "mixing_size_versus_composition".
    SubmodelResult evolve(const ThermalHistory      &history,
                          const std::vector<double> &times_s) const override;

    /// dG_mix [J/mol] of an n-atom cluster.
    double mixing_gibbs_energy_J_per_mol(double atoms, double fraction_A,
                                         double temperature_K) const;
    /// dG_mix of the bulk (n -> infinity) [J/mol].
    double bulk_mixing_gibbs_energy_J_per_mol(double fraction_A, double temperature_K) const;
    /// n* [atoms]: clusters with n < n* mix (dG_mix < 0). +infinity if
    /// every size mixes, 0 if none does.
    double largest_mixing_size_atoms(double fraction_A, double temperature_K) const;

  private:
    std::string element_A_, element_B_;
    double      cohesive_A_J_per_mol_, cohesive_B_J_per_mol_, interaction_J_per_mol_;
    double      fraction_A_, cluster_atoms_;
  };
} // namespace ebweld
