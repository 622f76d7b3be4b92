#include "materials/material_parameters.h"

#include "materials/material_database.h"
#include "solver/base/input_error.h"
#include "solver/base/number_pattern.h"
#include "solver/base/parameter_section.h"

namespace ebweld
{
  namespace
  {
    struct PropertyEntry
    {
      const char *name;
      const char *doc;
      double Material::*member;
    };

    const PropertyEntry property_entries[] = {
        {"Thermal conductivity (W/m/K)", "k [W/m/K], > 0", &Material::conductivity_W_per_mK},
        {"Density (kg/m^3)", "rho [kg/m^3], > 0", &Material::density_kg_per_m3},
        {"Heat capacity (J/kg/K)", "c_p [J/kg/K], > 0", &Material::heat_capacity_J_per_kgK},
        {"Melting temperature (K)", "T_m [K], > 0", &Material::melting_temperature_K},
        {"Boiling temperature (K)", "T_boil [K], >= T_m", &Material::boiling_temperature_K},
        {"Atomic number", "Z (mean for compounds) [-], in [1, 118]", &Material::atomic_number},
        {"Atomic mass (g/mol)", "A [g/mol], > 0", &Material::atomic_mass_g_per_mol}};
    /// Custom constants left at 0 from the property file at 300 K.
    void fill_constants_from(const ThermalProperties &p, Material &m)
    {
      const double T = 300., no_smoothing = 0.;
      const auto   fill = [](double &value, const double from_file) {
        if (value == 0.)
          value = from_file;
      };
      fill(m.conductivity_W_per_mK, p.conductivity_W_per_mK(T, no_smoothing));
      fill(m.density_kg_per_m3, p.density_kg_per_m3(T, no_smoothing));
      fill(m.heat_capacity_J_per_kgK, p.heat_capacity_J_per_kgK(T, no_smoothing));
      fill(m.melting_temperature_K, p.solidus_K);
      fill(m.boiling_temperature_K, p.boiling_temperature_K);
    }
  } // namespace

  void declare_material_parameters(dealii::ParameterHandler &prm)
  {
    prm.enter_subsection("Material");
    prm.declare_entry("Name", "Si", dealii::Patterns::Anything(),
                      "Material of the workpiece: a name in the material "
                      "table (shipped: Si, Au, Ta, Cu, Ag, W, Ti-6Al-4V, SS316L, "
                      "IN625, IN718) or the name given in subsection Custom.");
    prm.declare_entry("Temperature-dependent properties", "true", dealii::Patterns::Bool(),
                      "true: k(T), c_p(T), melting with latent heat and the surface losses "
                      "of the material's property file, solved by Newton's method "
                      "(docs/PHYSICS.md 6; Q1 only, not yet with ebweld optimize or an "
                      "interface filler). false: the constant properties at 300 K of "
                      "the material table and one linear solve (the seed paper's model).");
    prm.declare_entry("Melting range smoothing (K)", "auto",
                      NumberPattern::in_range(0.1, 500.).or_keyword("auto"),
                      "Narrowest melting range [K]: a pure element's jump in liquid "
                      "fraction at T_m (or an alloy's range narrower than this) is spread "
                      "over this width around it, so that the mesh resolves it and Newton "
                      "converges. 'auto': the temperature change across a mesh cell at the "
                      "fusion line of the linear predictor, at least 10 K and at most "
                      "0.15 (T_m - T0) (it narrows as the mesh is refined). The melt pool is still "
                      "reported at the "
                      "solidus; the width used is reported as melting_smoothing_K.");
    prm.declare_entry("Database file", "", dealii::Patterns::Anything(),
                      "CSV material table to use instead of the shipped "
                      "materials/materials.csv (same columns). Empty: the "
                      "shipped table.");
    prm.enter_subsection("Custom");
    prm.declare_entry("Name", "", dealii::Patterns::Anything(),
                      "Name of a material defined here (empty: none). "
                      "Select it with Material/Name.");
    for (const auto &entry : property_entries)
      // 0: not given; a defined material needs each > 0 (Material::validate)
      prm.declare_entry(entry.name, "0", NumberPattern::at_least(0.), entry.doc);
    prm.declare_entry("Property file", "", dealii::Patterns::Anything(),
                      "CSV of temperature-dependent properties of this material "
                      "(format: docs/MATERIALS.md; empty: none). Conductivity, density, "
                      "heat capacity, melting and boiling temperature left at 0 above "
                      "are then taken from it at 300 K.");
    prm.leave_subsection();
    prm.leave_subsection();
  }

  MaterialDatabase parse_material_database(dealii::ParameterHandler &prm)
  {
    ParameterSection  section(prm, "Material");
    const std::string file = section.text("Database file");
    MaterialDatabase  database =
        MaterialDatabase::from_csv(file.empty() ? MaterialDatabase::shipped_table_path() : file);
    {
      ParameterSection custom(section, "Custom");
      Material         m;
      m.name = custom.text("Name");
      if (!m.name.empty())
        {
          if (database.contains(m.name))
            throw_input_error(custom.path("Name"), m.name,
                              "a name not in the material table (it would shadow the "
                              "table's " +
                                  m.name + ")");
          for (const auto &entry : property_entries)
            m.*(entry.member) = custom.number(entry.name);
          if (const std::string file = custom.text("Property file"); !file.empty())
            {
              const auto thermal = std::make_shared<const ThermalProperties>(
                  read_thermal_properties(file, custom.path("Property file")));
              fill_constants_from(*thermal, m);
              m.thermal = thermal;
            }
          m.validate("Material/Custom");
          database.add(m);
        }
    }
    return database;
  }

  Material parse_material(dealii::ParameterHandler &prm)
  {
    const MaterialDatabase database = parse_material_database(prm);
    ParameterSection       section(prm, "Material");
    return database.find(section.text("Name"), section.path("Name"));
  }
} // namespace ebweld

namespace ebweld
{
  MaterialModelSettings parse_material_model(dealii::ParameterHandler &prm)
  {
    ParameterSection      section(prm, "Material");
    MaterialModelSettings settings;
    settings.temperature_dependent = section.flag("Temperature-dependent properties");
    settings.melting_smoothing_K   = section.auto_or_number("Melting range smoothing (K)");
    return settings;
  }
} // namespace ebweld
