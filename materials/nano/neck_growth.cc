#include "materials/nano/neck_growth.h"

#include "materials/nano/neck_geometry.h"
#include "materials/nano/physical_constants.h"
#include "solver/base/input_error.h"
#include "solver/base/number_pattern.h"
#include "solver/base/parameter_section.h"

#include <boost/numeric/odeint.hpp>

#include <cmath>

namespace ebweld
{
  namespace
  {
    const std::map<std::string, NeckGrowth::Mechanism> mechanism_names = {
        {"surface diffusion", NeckGrowth::Mechanism::surface_diffusion},
        {"grain-boundary diffusion", NeckGrowth::Mechanism::grain_boundary_diffusion},
        {"volume diffusion", NeckGrowth::Mechanism::volume_diffusion},
        {"viscous flow", NeckGrowth::Mechanism::viscous_flow}};
  } // namespace

  void NeckGrowth::declare_parameters(dealii::ParameterHandler &prm)
  {
    using dealii::Patterns::Bool;
    using dealii::Patterns::Double;
    prm.declare_entry(
        "Mechanisms", "surface diffusion, grain-boundary diffusion, volume diffusion",
        dealii::Patterns::MultipleSelection(
            "surface diffusion|grain-boundary diffusion|volume diffusion|viscous flow"),
        "Active mechanisms; their neck growth rates add.");
    prm.declare_entry("Surface energy (J/m^2)", "1.72", NumberPattern::positive(),
                      "gamma_s [J/m^2], > 0 (Cu: 1.72).");
    // Copper defaults: Ashby's sintering-diagram data (Acta Metall. 22 (1974) 275).
    prm.declare_entry("Surface diffusion deltaD0 (m^3/s)", "6e-10", NumberPattern::positive(),
                      "delta_s D_s0 [m^3/s], > 0.");
    prm.declare_entry("Surface diffusion activation energy (kJ/mol)", "205",
                      NumberPattern::positive(), "Q_s (bulk) [kJ/mol], > 0.");
    prm.declare_entry("Grain-boundary diffusion deltaD0 (m^3/s)", "5.12e-15",
                      NumberPattern::positive(), "delta_b D_b0 [m^3/s], > 0.");
    prm.declare_entry("Grain-boundary diffusion activation energy (kJ/mol)", "105",
                      NumberPattern::positive(), "Q_b (bulk) [kJ/mol], > 0.");
    prm.declare_entry("Volume diffusion D0 (m^2/s)", "6.2e-5", NumberPattern::positive(),
                      "D_v0 [m^2/s], > 0.");
    prm.declare_entry("Volume diffusion activation energy (kJ/mol)", "207",
                      NumberPattern::positive(), "Q_v (bulk) [kJ/mol], > 0.");
    prm.declare_entry("Viscosity prefactor (Pa s)", "1e-3", NumberPattern::positive(),
                      "eta0 of the viscous-flow law eta = eta0 exp(Q_eta / (R_g T)) [Pa s], > 0.");
    prm.declare_entry("Viscous flow activation energy (kJ/mol)", "150",
                      NumberPattern::in_range(0., 1e4), "Q_eta [kJ/mol], >= 0.");
    prm.declare_entry("Size-dependent activation energy", "true", Bool(),
                      "Scale the diffusion activation energies by T_m(a) / T_m(inf).");
    SizeDependentMelting::declare_parameters(prm, "9.76", "0.2556");
    prm.declare_entry("Initial neck ratio", "0.01", NumberPattern::in_range(1e-12, 0.999),
                      "x/a at the start [-], in (0, maximum neck ratio).");
    prm.declare_entry("Maximum neck ratio", "0.8", NumberPattern::in_range(1e-6, 0.999),
                      "x/a at which growth stops (end of the initial stage) [-], in (0, 1).");
  }

  NeckGrowth::NeckGrowth(const ParameterSection &s, const ParticleContext &particles)
      : particles_(particles)
  {
    for (const auto &name : dealii::Utilities::split_string_list(s.text("Mechanisms")))
      mechanisms_.push_back(mechanism_names.at(name));
    if (mechanisms_.empty())
      throw_input_error(s.path("Mechanisms"), "", "at least one mechanism");
    surface_energy_J_per_m2      = s.number("Surface energy (J/m^2)");
    surface_                     = {s.number("Surface diffusion deltaD0 (m^3/s)"),
                                    s.number("Surface diffusion activation energy (kJ/mol)") * 1e3};
    boundary_                    = {s.number("Grain-boundary diffusion deltaD0 (m^3/s)"),
                                    s.number("Grain-boundary diffusion activation energy (kJ/mol)") * 1e3};
    volume_                      = {s.number("Volume diffusion D0 (m^2/s)"),
                                    s.number("Volume diffusion activation energy (kJ/mol)") * 1e3};
    viscosity_prefactor_Pa_s     = s.number("Viscosity prefactor (Pa s)");
    viscous_activation_J_per_mol = s.number("Viscous flow activation energy (kJ/mol)") * 1e3;
    size_effect_                 = s.flag("Size-dependent activation energy");
    melting_                     = SizeDependentMelting::parse(s);
    maximum_neck_ratio_          = s.number("Maximum neck ratio");
    initial_neck_ratio_          = s.number("Initial neck ratio");
    if (initial_neck_ratio_ > maximum_neck_ratio_)
      throw_input_error(s.path("Initial neck ratio"), format_value(initial_neck_ratio_),
                        "at most the Maximum neck ratio, " + format_value(maximum_neck_ratio_));
    if (particles.radius_m <= 3. * melting_.atomic_diameter_m)
      throw_input_error("Particles/Radius (nm)", format_value(particles.radius_m * 1e9),
                        "above 3 atomic diameters, " +
                            format_value(3e9 * melting_.atomic_diameter_m) +
                            " nm (no solid particle is stable below)");
    const Material &m = particles.material;
    atomic_volume_m3_ =
        m.atomic_mass_g_per_mol * 1e-3 / (m.density_kg_per_m3 * constants::avogadro_per_mol);
  }

  std::vector<std::string> NeckGrowth::state_names() const
  {
    std::vector<std::string> names = {"neck_ratio", "centre_distance_ratio", "relative_density",
                                      "melted"};
    if (particles_.shell_thickness_m > 0.)
      names.push_back("cores_touch");
    return names;
  }

  unsigned int NeckGrowth::exponent(const Mechanism mechanism)
  {
    switch (mechanism)
      {
      case Mechanism::surface_diffusion:
        return 7;
      case Mechanism::grain_boundary_diffusion:
        return 6;
      case Mechanism::volume_diffusion:
        return 5;
      case Mechanism::viscous_flow:
        return 2;
      }
    return 0;
  }

  double NeckGrowth::activation_energy_J_per_mol(const double bulk_J_per_mol) const
  {
    return size_effect_ ? bulk_J_per_mol * melting_.melting_point_ratio(particles_.radius_m)
                        : bulk_J_per_mol;
  }

  double NeckGrowth::particle_melting_point_K() const
  {
    return particles_.material.melting_temperature_K *
           melting_.melting_point_ratio(particles_.radius_m);
  }

  double NeckGrowth::power_law_rate(const Mechanism mechanism, const double T) const
  {
    const double a = particles_.radius_m, gamma = surface_energy_J_per_m2;
    const double kT_per_omega = constants::boltzmann_J_per_K * T / atomic_volume_m3_;
    const auto   diffusivity  = [&](const Diffusion &d) {
      return d.prefactor * arrhenius_factor(activation_energy_J_per_mol(d.activation_J_per_mol), T);
    };
    switch (mechanism)
      {
      case Mechanism::surface_diffusion:
        return 56. * gamma * diffusivity(surface_) / (kT_per_omega * std::pow(a, 4));
      case Mechanism::grain_boundary_diffusion:
        return 96. * gamma * diffusivity(boundary_) / (kT_per_omega * std::pow(a, 4));
      case Mechanism::volume_diffusion:
        return 80. * gamma * diffusivity(volume_) / (kT_per_omega * std::pow(a, 3));
      case Mechanism::viscous_flow:
        return 3. * gamma /
               (2. * viscosity_prefactor_Pa_s / arrhenius_factor(viscous_activation_J_per_mol, T) *
                a);
      }
    return 0.;
  }

  double NeckGrowth::relative_density(const double neck_ratio) const
  {
    const double h = centre_distance_ratio(neck_ratio);
    return std::min(1., particles_.initial_relative_density / (h * h * h));
  }

  SubmodelResult NeckGrowth::evolve(const ThermalHistory      &history,
                                    const std::vector<double> &times) const
  {
    namespace odeint = boost::numeric::odeint;
    using Stepper =
        odeint::runge_kutta_dopri5<double, double, double, double, odeint::vector_space_algebra>;
    const double           T_melt      = particle_melting_point_K();
    const double           shell_ratio = particles_.shell_thickness_m / particles_.radius_m;
    double                 y           = initial_neck_ratio_;
    bool                   melted      = false;
    SubmodelResult         result;
    nlohmann::ordered_json core_contact_time = nullptr;

    const auto grow = [&](const double t0, const double t1, const ThermalHistory::Piece &piece) {
      const auto rhs = [&](const double &neck, double &rate, const double t) {
        rate = 0.;
        if (neck >= maximum_neck_ratio_)
          return;
        const double T = piece.temperature_K(t);
        for (const auto m : mechanisms_)
          rate += power_law_rate(m, T) / (exponent(m) * std::pow(neck, exponent(m) - 1.));
      };
      odeint::integrate_adaptive(odeint::make_controlled(1e-12, 1e-8, Stepper()), rhs, y, t0, t1,
                                 (t1 - t0) * 1e-6);
      y = std::min(y, maximum_neck_ratio_);
    };
    const auto advance = [&](const double t0, const double t1, const ThermalHistory::Piece &piece) {
      if (melted)
        return;
      const double T0 = piece.temperature_K(t0), T1 = piece.temperature_K(t1);
      if (std::max(T0, T1) < T_melt)
        return grow(t0, t1, piece);
      // grow until T reaches the particles' melting point; molten from then on
      const double t_melt = T0 >= T_melt ? t0 : t0 + (t1 - t0) * (T_melt - T0) / (T1 - T0);
      if (t_melt > t0)
        grow(t0, t_melt, piece);
      melted = true;
    };
    const auto record = [&](const std::size_t i) {
      const double        density = melted ? 1. : relative_density(y);
      const double        h       = std::cbrt(particles_.initial_relative_density / density);
      std::vector<double> state = {melted ? maximum_neck_ratio_ : y, h, density, melted ? 1. : 0.};
      if (shell_ratio > 0.)
        {
          const bool touch = h <= 1. - shell_ratio;
          if (touch && core_contact_time.is_null())
            core_contact_time = times[i];
          state.push_back(touch ? 1. : 0.);
        }
      result.states.push_back(state);
    };
    history.march(times, advance, record);

    result.summary["particle_radius_m"]        = particles_.radius_m;
    result.summary["particle_melting_point_K"] = T_melt;
    result.summary["atomic_volume_m3"]         = atomic_volume_m3_;
    if (shell_ratio > 0.)
      result.summary["core_contact_time_s"] = core_contact_time;
    return result;
  }

  EBWELD_REGISTER_SUBMODEL(NeckGrowth, "neck growth",
                           "two-particle neck growth and densification (docs/PHYSICS.md 5.1)")
} // namespace ebweld
