#include "materials/material_parameters.h"

#include "materials/material_database.h"
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
  } // namespace

  void declare_material_parameters(dealii::ParameterHandler &prm)
  {
    prm.enter_subsection("Material");
    prm.declare_entry("Name", "Si", dealii::Patterns::Anything(),
                      "Material of the workpiece: a name in the material "
                      "table (shipped: Si, Au, Ta, Cu, Ag, W) or the name "
                      "given in subsection Custom.");
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
          for (const auto &entry : property_entries)
            m.*(entry.member) = custom.number(entry.name);
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
