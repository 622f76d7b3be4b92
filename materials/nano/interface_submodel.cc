#include "materials/nano/interface_submodel.h"

#include "materials/material_database.h"
#include "solver/base/input_error.h"
#include "solver/base/number_pattern.h"

namespace ebweld
{
  void declare_particle_parameters(dealii::ParameterHandler &prm)
  {
    using namespace dealii::Patterns;
    prm.enter_subsection("Particles");
    prm.declare_entry("Material", "Cu", Anything(),
                      "Particle material: a name in the material table (see Material/Name).");
    prm.declare_entry("Radius (nm)", "75", NumberPattern::positive(),
                      "Particle radius a [nm], > 0.");
    prm.declare_entry("Shell thickness (nm)", "0", ebweld::NumberPattern::at_least(0.),
                      "Surface shell (native oxide, capping layer) [nm], in [0, radius); the "
                      "neck-growth model reports when the metal cores touch through it.");
    prm.declare_entry("Initial relative density", "0.6", NumberPattern::in_range(1e-3, 1.),
                      "Relative density of the particle bed before heating [-], in (0, 1].");
    prm.leave_subsection();
  }

  ParticleContext parse_particles(const ParameterSection &parent, const MaterialDatabase &database)
  {
    const ParameterSection s(parent, "Particles");
    ParticleContext        p;
    p.material          = database.find(s.text("Material"), s.path("Material"));
    p.radius_m          = s.number("Radius (nm)") * 1e-9;
    p.shell_thickness_m = s.number("Shell thickness (nm)") * 1e-9;
    if (p.shell_thickness_m >= p.radius_m)
      throw_input_error(s.path("Shell thickness (nm)"), format_value(p.shell_thickness_m * 1e9),
                        "below the particle radius, " + format_value(p.radius_m * 1e9) + " nm");
    p.initial_relative_density = s.number("Initial relative density");
    return p;
  }

  SubmodelRegistry &SubmodelRegistry::instance()
  {
    static SubmodelRegistry registry;
    return registry;
  }

  void SubmodelRegistry::declare_parameters(dealii::ParameterHandler &prm) const
  {
    prm.enter_subsection("Interface submodels");
    declare_subsections(prm);
    prm.leave_subsection();
  }

  std::unique_ptr<InterfaceSubmodel>
  SubmodelRegistry::create_named(dealii::ParameterHandler &prm, const std::string &name,
                                 const ParticleContext &particles) const
  {
    const ParameterSection section(prm, "Interface submodels");
    return create(name, section, particles);
  }
} // namespace ebweld
