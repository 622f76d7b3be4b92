#pragma once
// Electron knock-on (docs/PHYSICS.md 5.4): the largest energy an electron of
// kinetic energy E transfers to a nucleus of mass M,
//   dE_max = 2 M E (E + 2 m c^2) / ((M + m)^2 c^2 + 2 M E),
// against the displacement threshold E_d and the surface-sputtering
// threshold E_s = f E_d, for every element of a table and every beam
// voltage; and the electron dose per frame of an imaging beam,
// I_screen t_frame / (e A_frame), accumulated over the history's duration.

#include "materials/nano/interface_submodel.h"

namespace ebweld
{
  class KnockOn : public InterfaceSubmodel
  {
  public:
    KnockOn(const ParameterSection &section, const ParticleContext &particles);
    static void declare_parameters(dealii::ParameterHandler &prm);

    std::vector<std::string> state_names() const override;
    /// Table "knock_on": one row per element and voltage.
    SubmodelResult evolve(const ThermalHistory      &history,
                          const std::vector<double> &times_s) const override;

    /// dE_max [eV] for an electron of kinetic energy E [eV] and a nucleus of
    /// atomic mass A [g/mol].
    static double max_transferred_energy_eV(double electron_energy_eV,
                                            double atomic_mass_g_per_mol);
    /// Beam voltage [V] at which dE_max reaches `threshold_eV` (inverse of
    /// the above, in closed form).
    static double threshold_voltage_V(double threshold_eV, double atomic_mass_g_per_mol);
    /// Electrons per nm^2 in one frame.
    double dose_per_frame_per_nm2() const;

  private:
    struct Element
    {
      std::string name;
      double      atomic_number, atomic_mass_g_per_mol, displacement_threshold_eV;
    };
    std::vector<Element> elements_;
    std::vector<double>  voltages_V_;
    double               sputtering_fraction_;
    double               screen_current_A_, frame_time_s_, frame_area_nm2_;
  };
} // namespace ebweld
