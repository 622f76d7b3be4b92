#pragma once
// The material table shipped with the program (materials/materials.csv,
// with temperature-dependent data in materials/data/<name>.csv),
// extendable by materials defined in the input file.

#include "materials/material.h"

#include <map>
#include <string>
#include <vector>

namespace ebweld
{
  class MaterialDatabase
  {
  public:
    /// Reads a CSV file with the columns of materials/materials.csv.
    /// Lines starting with '#' are comments. Throws InputError on a missing
    /// file, a malformed line or an out-of-range property.
    static MaterialDatabase from_csv(const std::string &path);

    /// Path of the table shipped with the program.
    static std::string shipped_table_path();

    /// Where the temperature-dependent data of material `name` of `table`
    /// is looked for: data/<name>.csv in the table's folder.
    static std::string property_file_path(const std::string &table, const std::string &name);

    /// Throws InputError if a material of that name is known already.
    void add(const Material &material);
    bool contains(const std::string &name) const;

    /// Throws InputError listing the known names if `name` is unknown.
    const Material &find(const std::string &name, const std::string &parameter) const;

    std::vector<std::string> names() const;

  private:
    std::map<std::string, Material> materials_;
  };
} // namespace ebweld
