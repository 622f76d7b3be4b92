#include "materials/material_database.h"

#include "solver/base/csv_lines.h"
#include "solver/base/input_error.h"

#include <filesystem>

namespace ebweld
{
  std::string MaterialDatabase::shipped_table_path()
  {
    return std::string(EBWELD_SOURCE_DIR) + "/materials/materials.csv";
  }

  std::string MaterialDatabase::property_file_path(const std::string &table,
                                                   const std::string &name)
  {
    return (std::filesystem::path(table).parent_path() / "data" / (name + ".csv")).string();
  }

  namespace
  {
    /// The temperature-dependent data of `name` kept beside a table, if
    /// there is any.
    std::shared_ptr<const ThermalProperties> property_file_beside(const std::string &table,
                                                                  const std::string &name)
    {
      const std::string file = MaterialDatabase::property_file_path(table, name);
      if (!std::filesystem::exists(file))
        return nullptr;
      return std::make_shared<const ThermalProperties>(
          read_thermal_properties(file, "Material/Database file"));
    }
  } // namespace

  MaterialDatabase MaterialDatabase::from_csv(const std::string &path)
  {
    MaterialDatabase database;
    for (const auto &line :
         read_csv_lines(path, "Material/Database file", "material rows (name and 7 properties)"))
      {
        const std::string &where  = line.where;
        const auto        &fields = line.fields;
        if (fields.size() != 8)
          throw InputError(where +
                           ": expected 8 comma-separated fields "
                           "(name and 7 properties), found " +
                           std::to_string(fields.size()));
        Material m;
        m.name                    = fields[0];
        m.conductivity_W_per_mK   = parse_csv_number(fields[1], where);
        m.density_kg_per_m3       = parse_csv_number(fields[2], where);
        m.heat_capacity_J_per_kgK = parse_csv_number(fields[3], where);
        m.melting_temperature_K   = parse_csv_number(fields[4], where);
        m.boiling_temperature_K   = parse_csv_number(fields[5], where);
        m.atomic_number           = parse_csv_number(fields[6], where);
        m.atomic_mass_g_per_mol   = parse_csv_number(fields[7], where);
        m.validate(where + " (" + m.name + ")");
        if (database.materials_.count(m.name))
          throw InputError(where + ": material " + m.name + " is listed twice");
        m.thermal = property_file_beside(path, m.name);
        database.add(m);
      }
    return database;
  }

  void MaterialDatabase::add(const Material &material)
  {
    if (!materials_.emplace(material.name, material).second)
      throw InputError("material " + material.name + " is defined twice");
  }

  bool MaterialDatabase::contains(const std::string &name) const
  {
    return materials_.count(name) != 0;
  }

  const Material &MaterialDatabase::find(const std::string &name,
                                         const std::string &parameter) const
  {
    const auto it = materials_.find(name);
    if (it == materials_.end())
      {
        std::string known;
        for (const auto &n : names())
          known += (known.empty() ? "" : ", ") + n;
        throw_input_error(parameter, name,
                          "one of the known materials (" + known +
                              ") or a material defined in "
                              "subsection Material/Custom");
      }
    return it->second;
  }

  std::vector<std::string> MaterialDatabase::names() const
  {
    std::vector<std::string> result;
    for (const auto &entry : materials_)
      result.push_back(entry.first);
    return result;
  }
} // namespace ebweld
