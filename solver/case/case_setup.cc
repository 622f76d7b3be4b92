#include "solver/case/case_setup.h"

#include "materials/material_parameters.h"
#include "solver/base/input_error.h"
#include "solver/base/number_pattern.h"
#include "solver/base/parameter_section.h"
#include "solver/case/ignored_inputs.h"
#include "sources/source_registry.h"

#include <cmath>

namespace ebweld
{
  using namespace dealii;

  namespace
  {
    /// Throws InputError naming Discretisation/Streamline stabilisation
    /// when plain Galerkin meets a largest cell Peclet number U h_xi / (2
    /// alpha) at which its linear system does not converge.
    void check_galerkin_cell_peclet(const double max_cell_peclet)
    {
      // Plain Galerkin's matrix loses diagonal dominance as the cell Peclet
      // number grows, and beyond this the 3-D cases do not converge (the
      // default case, constant properties: solved at 12 in 33 BiCGStab
      // iterations with BoomerAMG, diverged at 20 with BiCGStab and GMRES
      // alike; a 1-D layer in tests/fe still solves at 312 with Jacobi)
      constexpr double max_galerkin_cell_peclet = 15.;
      if (max_cell_peclet > max_galerkin_cell_peclet)
        throw_input_error("Discretisation/Streamline stabilisation", "false",
                          "true on this mesh, whose largest cell Peclet number is " +
                              format_value(max_cell_peclet, 3) +
                              ": plain Galerkin solves only up to about " +
                              format_value(max_galerkin_cell_peclet) +
                              " (refine Mesh/Cells per beam diameter or Mesh/Grading ratio, or "
                              "lower the speed)");
    }
  } // namespace

  void declare_case_parameters(ParameterHandler &prm)
  {
    BeamSettings::declare_parameters(prm);
    declare_material_parameters(prm);
    SourceRegistry::instance().declare_parameters(prm);
    MeshSettings::declare_parameters(prm);
    LinearSolverSettings::declare_parameters(prm);
    NonlinearSolverSettings::declare_parameters(prm);
    ResourceSettings::declare_parameters(prm);

    prm.enter_subsection("Surface losses");
    prm.declare_entry("Radiation", "true", Patterns::Bool(),
                      "With temperature-dependent properties: radiation eps sigma "
                      "(T^4 - T_amb^4) from the top surface, eps from the material's "
                      "property file.");
    prm.declare_entry("Evaporation", "true", Patterns::Bool(),
                      "With temperature-dependent properties: evaporative cooling by the "
                      "Hertz-Knudsen-Langmuir flux (docs/PHYSICS.md 6.3) where the "
                      "material's property file has evaporation data.");
    prm.declare_entry("Ambient pressure (Pa)", "0", NumberPattern::in_range(0., 1e7),
                      "Pressure above the surface [Pa]: the net evaporation flux is "
                      "driven by p_sat(T) minus it; 0: vacuum (electron-beam chambers).");
    prm.declare_entry("Recondensed fraction", "0.18", NumberPattern::in_range(0., 0.99),
                      "Fraction of the evaporated flux that returns to the surface [-]; "
                      "0.18 for strong evaporation into vacuum (Anisimov 1968).");
    prm.leave_subsection();

    prm.enter_subsection("Boundary");
    prm.declare_entry("Initial temperature (K)", "300", NumberPattern::in_range(1., 1e4),
                      "T0 [K], in [1, 1e4]: temperature of the incoming material and "
                      "of the inflow, side and bottom faces.");
    prm.declare_entry("Top convection coefficient (W/m^2/K)", "0",
                      NumberPattern::in_range(0., 1e12),
                      "h [W/m^2/K], >= 0, of convective loss h (T - T_amb) "
                      "from the top surface; 0: adiabatic top.");
    prm.declare_entry("Ambient temperature (K)", "300", NumberPattern::in_range(1., 1e4),
                      "T_amb [K], in [1, 1e4], of the top-surface convection.");
    prm.leave_subsection();

    prm.enter_subsection("Discretisation");
    prm.declare_entry("Element degree", "1", NumberPattern::whole(1, 2),
                      "Polynomial degree of the continuous Lagrange elements, 1 or 2.");
    prm.declare_entry("Streamline stabilisation", "true", Patterns::Bool(),
                      "SUPG stabilisation of the advection term; plain Galerkin (false) "
                      "oscillates at cell Peclet numbers above 1 and is refused above 15, "
                      "where its linear system no longer converges.");
    prm.leave_subsection();

    prm.enter_subsection("Output");
    prm.declare_entry("Directory", "output", Patterns::Anything(),
                      "Directory for summary.json, fields and profiles "
                      "(created if missing); --output-dir overrides it.");
    prm.declare_entry("Write fields", "true", Patterns::Bool(),
                      "Write temperature, source density, melted indicator "
                      "and MPI rank as .pvtu/.vtu with a .pvd index.");
    prm.declare_entry("Write profiles", "true", Patterns::Bool(),
                      "Write CSV line profiles of the temperature.");
    prm.declare_entry("Write picture", "true", Patterns::Bool(),
                      "Draw melt_pool.png (top surface, longitudinal section and "
                      "cross-section with the fusion line) from melt_pool_sections.json; "
                      "needs python3-matplotlib, skipped with a note without it.");
    prm.declare_entry("Catalyst interval", "1", NumberPattern::whole(1, 1000000),
                      "With --catalyst: hand every N-th output point (coupling iteration, "
                      "study case) to the pipelines, in [1, 1000000]; a run's final state "
                      "is always handed over.");
    prm.leave_subsection();
  }

  CaseSetup::CaseSetup(ParameterHandler &prm)
      : material(parse_material(prm))
      , beam(BeamSettings::parse(prm))
      , beam_context(beam.context(material))
      , sources(SourceRegistry::instance().create_active(prm, beam_context))
      , mesh(MeshSettings::parse(prm))
      , linear_solver(LinearSolverSettings::parse(prm))
      , resources(ResourceSettings::parse(prm))
  {
    {
      ParameterSection s(prm, "Boundary");
      boundary.initial_temperature_K    = s.number("Initial temperature (K)");
      boundary.top_convection_W_per_m2K = s.number("Top convection coefficient (W/m^2/K)");
      boundary.ambient_temperature_K    = s.number("Ambient temperature (K)");
    }
    {
      ParameterSection s(prm, "Discretisation");
      discretisation.degree = static_cast<unsigned int>(s.number("Element degree"));
      discretisation.streamline_stabilisation = s.flag("Streamline stabilisation");
    }
    {
      ParameterSection s(prm, "Output");
      output.directory         = s.text("Directory");
      output.write_fields      = s.flag("Write fields");
      output.write_profiles    = s.flag("Write profiles");
      output.write_picture     = s.flag("Write picture");
      output.catalyst_interval = s.number("Catalyst interval");
    }
    material_model = parse_material_model(prm);
    SurfaceLossSettings surface_loss_settings;
    {
      ParameterSection s(prm, "Surface losses");
      surface_loss_settings.radiation            = s.flag("Radiation");
      surface_loss_settings.evaporation          = s.flag("Evaporation");
      surface_loss_settings.ambient_pressure_Pa  = s.number("Ambient pressure (Pa)");
      surface_loss_settings.recondensed_fraction = s.number("Recondensed fraction");
    }
    nonlinear_solver = NonlinearSolverSettings::parse(prm);
    if (material_model.temperature_dependent)
      set_up_temperature_dependence(surface_loss_settings);
    if (boundary.initial_temperature_K >= material.melting_temperature_K)
      throw_input_error("Boundary/Initial temperature (K)",
                        format_value(boundary.initial_temperature_K),
                        "below the melting temperature of " + material.name + " (" +
                            format_value(material.melting_temperature_K) + " K)");

    speed_m_per_s               = beam.travel_speed_m_per_s(material);
    scales.beam_diameter_m      = beam.diameter_m;
    scales.diffusivity_m2_per_s = material.diffusivity_m2_per_s();
    scales.speed_m_per_s        = speed_m_per_s;
    for (const auto &source : sources)
      {
        scales.deposition_depth_m =
            std::max(scales.deposition_depth_m, source->deposition_depth_m());
        scales.bulk_depth_m = std::max(scales.bulk_depth_m, source->bulk_depth_m());
      }
    // the pool's size follows the mean conductivity up to the fusion line:
    // the Kirchhoff variable Phi(T_s) = k_mean (T_s - T0) is what a point
    // source's far field fixes (docs/PHYSICS.md 6.1)
    const double melt_conductivity_W_per_mK =
        temperature_dependent() ? kirchhoff_map->mean_conductivity_W_per_mK(solidus_K())
                                : material.conductivity_W_per_mK;
    scales.melt_length_estimate_m =
        absorbed_power_W() /
        (2. * M_PI * melt_conductivity_W_per_mK * (solidus_K() - boundary.initial_temperature_K)) *
        latent_lengthening();
    extents  = choose_extents(mesh, scales);
    warnings = extent_warnings(extents, scales);
    for (auto &warning : ignored_input_warnings(prm))
      warnings.push_back(std::move(warning));
    try
      {
        mesh_plan = plan_half_brick(mesh, extents, scales);
      }
    catch (const InputError &e)
      {
        std::string inputs;
        for (const auto &input : mesh_inputs())
          inputs += "; " + input;
        throw InputError(e.what() + std::string(". The mesh was sized by ") + inputs.substr(2));
      }
    // the assembly checks the operator's own number; this estimate lets
    // --validate refuse the same cases before any mesh exists
    if (!discretisation.streamline_stabilisation)
      check_galerkin_cell_peclet(speed_m_per_s * mesh_plan.coarsest_cell_m()[0] /
                                 (2. * discretisation.degree * scales.diffusivity_m2_per_s));
  }

  std::string CaseSetup::active_source_names() const
  {
    std::string names;
    for (const auto &source : sources)
      names += (names.empty() ? "" : ", ") + source->name();
    return names;
  }

  std::vector<std::string> CaseSetup::mesh_inputs() const
  {
    std::vector<std::string> inputs = {
        "Beam/Diameter FWHM (um) = " + format_value(beam.diameter_m * 1e6),
        "Mesh/Cells per beam diameter = " + format_value(mesh.cells_per_diameter)};
    if (mesh.depth_cell_size_m)
      inputs.push_back("Mesh/Depth cell size (um) = " +
                       format_value(*mesh.depth_cell_size_m * 1e6));
    else
      inputs.push_back("Mesh/Cells per deposition depth = " + format_value(mesh.cells_per_depth) +
                       " (deposition depth " + format_value(scales.deposition_depth_m * 1e6) +
                       " um, from Heat sources/Active = " + active_source_names() + ")");
    inputs.push_back("Mesh/Grading ratio = " + format_value(mesh.grading_ratio));
    inputs.push_back("Mesh/Global refinements = " + std::to_string(mesh.refinements));
    const DomainExtents &e = extents;
    inputs.push_back("a domain of " + format_value((e.ahead_m + e.behind_m) * 1e6) + " x " +
                     format_value(e.side_m * 1e6) + " x " + format_value(e.depth_m * 1e6) +
                     " um (Mesh/Length ahead, Length behind, Half-width, Depth; 'auto' sizes "
                     "them from alpha/U = " +
                     format_value(scales.diffusivity_m2_per_s / speed_m_per_s * 1e6) + " um (" +
                     (beam.speed_m_per_s
                          ? "Beam/Travel speed (m/s) = " + format_value(*beam.speed_m_per_s)
                          : "Beam/Peclet number = " + format_value(beam.peclet_number)) +
                     ") and the melt-pool length estimate " +
                     format_value(scales.melt_length_estimate_m * 1e6) + " um)");
    return inputs;
  }

  void CaseSetup::set_up_temperature_dependence(const SurfaceLossSettings &surface_loss_settings)
  {
    const std::string switch_name = "Material/Temperature-dependent properties";
    if (!material.thermal)
      throw_input_error(switch_name, "true",
                        "false for " + material.name +
                            ", which has no temperature-dependent data (or give one with "
                            "Material/Custom/Property file)");
    if (discretisation.degree != 1)
      throw_input_error("Discretisation/Element degree", std::to_string(discretisation.degree),
                        "1 with " + switch_name + " = true");
    const ThermalProperties &p = *material.thermal;
    if (boundary.initial_temperature_K >= p.solidus_K)
      throw_input_error(
          "Boundary/Initial temperature (K)", format_value(boundary.initial_temperature_K),
          "below the solidus of " + material.name + " (" + format_value(p.solidus_K) + " K)");
    // tabulated far beyond boiling: above the table the properties are
    // held at its last values (a warning says when a solution gets there)
    const double hottest_K = std::max(p.liquidus_K, p.boiling_temperature_K);
    kirchhoff_map          = std::make_shared<const KirchhoffMap>(
        p, boundary.initial_temperature_K, material_model.smoothing_or_floor_K(), 3. * hottest_K);
    surface_losses.convection_W_per_m2K  = boundary.top_convection_W_per_m2K;
    surface_losses.ambient_temperature_K = boundary.ambient_temperature_K;
    surface_losses.emissivity            = surface_loss_settings.radiation ? p.emissivity : 0.;
    if (surface_loss_settings.evaporation && p.evaporates())
      {
        auto &e                             = surface_losses.evaporation;
        e.boiling_temperature_K             = p.boiling_temperature_K;
        e.latent_heat_vaporisation_J_per_kg = p.latent_heat_vaporisation_J_per_kg;
        e.molar_mass_kg_per_mol             = p.molar_mass_kg_per_mol;
        e.recondensed_fraction              = surface_loss_settings.recondensed_fraction;
        e.ambient_pressure_Pa               = surface_loss_settings.ambient_pressure_Pa;
      }
  }

  double CaseSetup::latent_lengthening() const
  {
    if (!temperature_dependent())
      return 1.;
    // The latent heat set free where the wake solidifies keeps it at the
    // solidus for longer than conduction alone would: Si's pool at 10.5 mA
    // (default mesh) reached 1.6 times the estimate, the square root of
    // the total over the sensible enthalpy at the solidus (2.5 for Si).
    // The extent check warns when a pool is longer still.
    const ThermalProperties &p     = *material.thermal;
    const double             T_low = p.melting_range_K(material_model.smoothing_or_floor_K()).first;
    const double             sensible_J_per_kg = kirchhoff_map->enthalpy_rise_K(T_low) *
                                     kirchhoff_map->reference_heat_capacity_J_per_m3K() /
                                     p.density_kg_per_m3(boundary.initial_temperature_K, 0.);
    return std::sqrt(1. + p.latent_heat_fusion_J_per_kg / sensible_J_per_kg);
  }

  double CaseSetup::solidus_K() const
  {
    return temperature_dependent() ? material.thermal->solidus_K : material.melting_temperature_K;
  }

  double CaseSetup::liquidus_K() const
  {
    return temperature_dependent() ? material.thermal->liquidus_K : material.melting_temperature_K;
  }

  double CaseSetup::absorbed_power_W() const
  {
    double power = 0.;
    for (const auto &source : sources)
      power += source->absorbed_power_W();
    return power;
  }

  double CaseSetup::peclet_number() const
  {
    return speed_m_per_s * beam.diameter_m / material.diffusivity_m2_per_s();
  }

  std::vector<const HeatSource *> CaseSetup::source_pointers() const
  {
    std::vector<const HeatSource *> pointers;
    for (const auto &source : sources)
      pointers.push_back(source.get());
    return pointers;
  }
} // namespace ebweld
