#include "materials/material_database.h"

#include "solver/input_error.h"

#include <fstream>
#include <sstream>

namespace ebweld
{
  namespace
  {
    std::vector<std::string> split_csv_line(const std::string &line)
    {
      std::vector<std::string> fields;
      std::stringstream        in(line);
      std::string              field;
      while (std::getline(in, field, ','))
        fields.push_back(field);
      return fields;
    }

    double parse_number(const std::string &text, const std::string &where)
    {
      std::size_t used = 0;
      double      value;
      try
        {
          value = std::stod(text, &used);
        }
      catch (const std::exception &)
        {
          used = 0;
        }
      if (used == 0 || text.find_first_not_of(" \t\r", used) != std::string::npos)
        throw InputError(where + ": '" + text + "' is not a number");
      return value;
    }
  } // namespace

  std::string MaterialDatabase::shipped_table_path()
  {
    return std::string(EBWELD_SOURCE_DIR) + "/materials/materials.csv";
  }

  MaterialDatabase MaterialDatabase::from_csv(const std::string &path)
  {
    std::ifstream in(path);
    if (!in)
      throw InputError("Material/Database file = " + path +
                       " is invalid: cannot open the file for reading.");
    MaterialDatabase database;
    std::string      line;
    unsigned int     line_number = 0;
    while (std::getline(in, line))
      {
        ++line_number;
        if (line.empty() || line[0] == '#' ||
            line.find_first_not_of(" \t\r") == std::string::npos)
          continue;
        const std::string where = path + ":" + std::to_string(line_number);
        const auto        fields = split_csv_line(line);
        if (fields.size() != 8)
          throw InputError(where + ": expected 8 comma-separated fields "
                                   "(name and 7 properties), found " +
                           std::to_string(fields.size()));
        Material m;
        m.name                    = fields[0];
        m.conductivity_W_per_mK   = parse_number(fields[1], where);
        m.density_kg_per_m3       = parse_number(fields[2], where);
        m.heat_capacity_J_per_kgK = parse_number(fields[3], where);
        m.melting_temperature_K   = parse_number(fields[4], where);
        m.boiling_temperature_K   = parse_number(fields[5], where);
        m.atomic_number           = parse_number(fields[6], where);
        m.atomic_mass_g_per_mol   = parse_number(fields[7], where);
        m.validate(where + " (" + m.name + ")");
        database.add(m);
      }
    return database;
  }

  void MaterialDatabase::add(const Material &material)
  {
    materials_[material.name] = material;
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
        throw_input_error(parameter,
                          name,
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
