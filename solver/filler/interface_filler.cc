#include "solver/filler/interface_filler.h"

#include "materials/material_parameters.h"
#include "solver/base/input_error.h"
#include "solver/base/number_pattern.h"
#include "solver/base/parameter_section.h"

#include <algorithm>

namespace ebweld
{
  using namespace dealii;

  void declare_filler_parameters(ParameterHandler &prm)
  {
    using namespace Patterns;
    const auto &registry = SubmodelRegistry::instance();
    prm.enter_subsection("Interface filler");
    prm.declare_entry("Joint", "none", Selection("none|butt|lap"),
                      "none: no filler; butt: a layer |y| < w about the joint plane y = 0 (the "
                      "symmetry plane); lap: a layer of thickness w at depth z_i.");
    prm.declare_entry("Layer width (um)", "1", NumberPattern::positive(),
                      "w [um], > 0: the half-width of a butt joint's layer, the thickness of a "
                      "lap joint's.");
    prm.declare_entry("Lap depth (um)", "2", NumberPattern::at_least(0.),
                      "z_i, depth of a lap joint's mid-plane [um], inside the domain.");
    declare_particle_parameters(prm);
    prm.declare_entry("Submodels", "neck growth", MultipleSelection(registry.pattern()),
                      "Submodels integrated along the interface streamlines (parameters in "
                      "Interface submodels/<name>). Two-way coupling needs neck growth.");
    prm.declare_entry("Points", "16", NumberPattern::whole(2, 1000),
                      "Streamlines across the interface (depths for a butt joint, lateral "
                      "positions for a lap joint), in [2, 1000].");
    prm.declare_entry("Extent (um)", "auto", NumberPattern::positive().or_keyword("auto"),
                      "How far across the interface the streamlines reach [um], > 0; auto: 1.5 "
                      "x the melt depth (butt) or half-width (lap) of the first solve.");
    prm.declare_entry("Threshold temperature (K)", "auto",
                      NumberPattern::in_range(1e-9, 1e6).or_keyword("auto"),
                      "Reported time above this temperature [K], > 0; auto: half the particle "
                      "material's melting point (the Tammann temperature).");
    prm.declare_entry("Coupling", "two-way", Selection("one-way|two-way"),
                      "one-way: the state from one thermal solve; two-way: the filler's "
                      "conductivity follows its state, iterated to a fixed point.");
    prm.declare_entry("Tolerance", "1e-3", NumberPattern::in_range(1e-12, 0.5),
                      "Two-way coupling stops when the melt depth and every state change by "
                      "less than this (relative) [-], in [1e-12, 0.5].");
    prm.declare_entry("Relaxation", "1", NumberPattern::in_range(1e-3, 1.),
                      "omega of k <- omega k_eff(state) + (1 - omega) k [-], in (0, 1].");
    prm.declare_entry("Maximum iterations", "20", NumberPattern::whole(1, 1000),
                      "Coupling iterations, in [1, 1000].");
    prm.declare_entry("Coordination number", "6", NumberPattern::positive(),
                      "Z of k_eff = k_particle clamp(Z rho x/(pi a), loose "
                      "ratio, 1) [-], > 0.");
    prm.declare_entry("Loose-bed conductivity ratio", "0.01", NumberPattern::in_range(1e-9, 1.),
                      "k_eff / k_particle of the unsintered bed [-], in (0, 1].");
    prm.leave_subsection();
  }

  std::optional<FillerSettings> parse_filler(ParameterHandler &prm, const double domain_depth_m,
                                             const double domain_half_width_m)
  {
    const MaterialDatabase database = parse_material_database(prm);
    FillerSettings         f;
    {
      const ParameterSection s(prm, "Interface filler");
      if (s.text("Joint") == "none")
        return std::nullopt;
      f.joint         = s.text("Joint") == "butt" ? JointType::butt : JointType::lap;
      f.layer_width_m = s.number("Layer width (um)") * 1e-6;
      const double limit_um =
          (f.joint == JointType::butt ? domain_half_width_m : domain_depth_m) * 1e6;
      require_in_range(s.path("Layer width (um)"), f.layer_width_m * 1e6, 1e-9, limit_um);
      if (f.joint == JointType::lap)
        {
          // the domain's depth is the case's: a check across parameters
          f.lap_depth_m = s.number("Lap depth (um)") * 1e-6;
          require_in_range(s.path("Lap depth (um)"), f.lap_depth_m * 1e6, 0., domain_depth_m * 1e6);
        }
      f.particles = parse_particles(s, database);
      f.submodels = Utilities::split_string_list(s.text("Submodels"));
      f.points    = s.number("Points");
      if (const auto extent = s.auto_or_number("Extent (um)"))
        {
          require_in_range(s.path("Extent (um)"), *extent, 0., limit_um);
          f.extent_m = *extent * 1e-6;
        }
      f.threshold_temperature_K = s.auto_or_number("Threshold temperature (K)")
                                      .value_or(0.5 * f.particles.material.melting_temperature_K);
      f.coupling  = s.text("Coupling") == "two-way" ? CouplingMode::two_way : CouplingMode::one_way;
      f.tolerance = s.number("Tolerance");
      f.relaxation               = s.number("Relaxation");
      f.max_iterations           = s.number("Maximum iterations");
      f.coordination_number      = s.number("Coordination number");
      f.loose_conductivity_ratio = s.number("Loose-bed conductivity ratio");
      if (f.submodels.empty())
        throw_input_error(s.path("Submodels"), "", "at least one submodel");
      if (f.coupling == CouplingMode::two_way &&
          std::find(f.submodels.begin(), f.submodels.end(), "neck growth") == f.submodels.end())
        throw_input_error(s.path("Submodels"), s.text("Submodels"),
                          "a list that includes 'neck growth' for two-way "
                          "coupling (k_eff depends "
                          "on the neck ratio and density)");
    }
    for (const auto &name : f.submodels)
      f.models.push_back(SubmodelRegistry::instance().create_named(prm, name, f.particles));
    return f;
  }

  double FillerSettings::layer_fraction(const Box &box) const
  {
    const unsigned int axis = joint == JointType::butt ? 1 : 2;
    const double       lo = box.low[axis], hi = box.high[axis];
    const double       layer_lo = joint == JointType::butt ? 0. : lap_depth_m - 0.5 * layer_width_m;
    const double       layer_hi =
        joint == JointType::butt ? layer_width_m : lap_depth_m + 0.5 * layer_width_m;
    return std::max(0., std::min(hi, layer_hi) - std::max(lo, layer_lo)) / (hi - lo);
  }

  double FillerSettings::conductivity_ratio(const double neck_ratio,
                                            const double relative_density) const
  {
    return std::clamp(coordination_number * relative_density * neck_ratio / M_PI,
                      loose_conductivity_ratio, 1.);
  }
} // namespace ebweld
