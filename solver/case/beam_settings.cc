#include "solver/case/beam_settings.h"

#include "solver/base/input_error.h"
#include "solver/base/number_pattern.h"
#include "solver/base/parameter_section.h"
#include "sources/electron_range.h"

namespace ebweld
{
  void BeamSettings::declare_parameters(dealii::ParameterHandler &prm)
  {
    using namespace dealii;
    prm.enter_subsection("Beam");
    prm.declare_entry("Voltage (kV)", "20", NumberPattern::in_range(0.1, 1000.),
                      "Acceleration voltage V [kV], in [0.1, 1000]. Sets the electron range.");
    prm.declare_entry("Current (A)", "0.01", NumberPattern::in_range(1e-12, 10.),
                      "Beam current I [A], in [1e-12, 10]. Beam power P = V I; its mean "
                      "density P / (pi d^2 / 4) may be at most 1e15 W/m^2.");
    prm.declare_entry("Diameter FWHM (um)", "10", NumberPattern::in_range(1e-3, 1e5),
                      "Beam diameter d [um], in [0.001, 1e5]: full width at half maximum "
                      "of the Gaussian surface power density.");
    prm.declare_entry("Travel speed (m/s)", "auto",
                      NumberPattern::in_range(1e-9, 1e5).or_keyword("auto"),
                      "Travel speed U [m/s], in [1e-9, 1e5]. 'auto': from the Peclet "
                      "number, U = Pe alpha / d.");
    prm.declare_entry("Peclet number", "100", NumberPattern::in_range(1e-6, 1e6),
                      "Pe = U d / alpha [-], in [1e-6, 1e6]; used when Travel speed = auto.");
    prm.declare_entry("Heating efficiency", "auto",
                      NumberPattern::in_range(1e-6, 1.).or_keyword("auto"),
                      "Fraction eta_h of V I absorbed by the solid [-], in "
                      "(0, 1]. 'auto': the part of the Kanaya-Okayama "
                      "diffusion sphere below the surface (a function of Z).");
    prm.declare_entry("Diffusion sphere centre fraction", "auto",
                      NumberPattern::in_range(1e-3, 0.999).or_keyword("auto"),
                      "Depth of the KO diffusion-sphere centre over the "
                      "electron range, x_c / R [-], in (0, 1). 'auto': "
                      "1 / (1 + gamma), gamma = 0.187 Z^(2/3).");
    prm.declare_entry("Relativistic range correction", "false", Patterns::Bool(),
                      "Apply the relativistic factor to the KO electron range.");
    prm.declare_entry("Target melt depth (um)", "none",
                      NumberPattern::in_range(1e-3, 1e6).or_keyword("none"),
                      "If a number in [0.001, 1e6] [um]: report the beam current that "
                      "gives this melt depth (constant properties: from the same "
                      "solve, by linearity; temperature-dependent: a root find "
                      "over warm-started re-solves). 'none': no target.");
    prm.leave_subsection();
  }

  BeamSettings BeamSettings::parse(dealii::ParameterHandler &prm)
  {
    ParameterSection s(prm, "Beam");
    BeamSettings     b;
    b.voltage_V              = s.number("Voltage (kV)") * 1e3;
    b.current_A              = s.number("Current (A)");
    b.diameter_m             = s.number("Diameter FWHM (um)") * 1e-6;
    b.speed_m_per_s          = s.auto_or_number("Travel speed (m/s)");
    b.peclet_number          = s.number("Peclet number");
    b.heating_efficiency     = s.auto_or_number("Heating efficiency");
    b.sphere_centre_fraction = s.auto_or_number("Diffusion sphere centre fraction");
    b.relativistic_range     = s.flag("Relativistic range correction");
    if (const auto um = s.keyword_or_number("Target melt depth (um)", "none"))
      b.target_melt_depth_m = *um * 1e-6;
    // beyond any electron gun, and where the heat equation without a
    // vapour plume has nothing left to say
    const double power_density_W_per_m2 =
        b.voltage_V * b.current_A / (M_PI * b.diameter_m * b.diameter_m / 4.);
    if (power_density_W_per_m2 > max_power_density_W_per_m2)
      throw_input_error(s.path("Current (A)") + " x " + s.path("Voltage (kV)") + " over " +
                            s.path("Diameter FWHM (um)"),
                        format_value(b.current_A) + " A x " + format_value(b.voltage_V * 1e-3) +
                            " kV over " + format_value(b.diameter_m * 1e6) + " um (" +
                            format_value(power_density_W_per_m2) + " W/m^2)",
                        "a mean power density V I / (pi d^2 / 4) of at most " +
                            format_value(max_power_density_W_per_m2) + " W/m^2");
    return b;
  }

  double BeamSettings::travel_speed_m_per_s(const Material &material) const
  {
    return speed_m_per_s.value_or(peclet_number * material.diffusivity_m2_per_s() / diameter_m);
  }

  BeamContext BeamSettings::context(const Material &material) const
  {
    BeamContext c;
    c.voltage_V  = voltage_V;
    c.current_A  = current_A;
    c.diameter_m = diameter_m;
    c.material   = &material;
    c.electron_range_m =
        kanaya_okayama_range_m(voltage_V, material.atomic_number, material.atomic_mass_g_per_mol,
                               material.density_kg_per_m3, relativistic_range);
    c.ko_gamma = kanaya_okayama_gamma(material.atomic_number);
    c.sphere_centre_fraction =
        sphere_centre_fraction.value_or(default_sphere_centre_fraction(material.atomic_number));
    c.heating_efficiency =
        heating_efficiency.value_or(sphere_heating_efficiency(c.sphere_centre_fraction));
    return c;
  }
} // namespace ebweld
