#pragma once
// Reading input files and --set overrides into a ParameterHandler, with
// deal.II's parse errors turned into InputError messages.

#include <deal.II/base/parameter_handler.h>

#include <string>
#include <vector>

namespace ebweld
{
  /// Parses an input file; throws InputError if it is missing or invalid.
  void parse_input_file(dealii::ParameterHandler &prm, const std::string &path);

  /// Applies "Section/Sub/Name=value". Entry names may contain '/' (units
  /// such as W/m/K), so every split of the path into subsections and name
  /// is tried. Throws InputError naming the override.
  void apply_override(dealii::ParameterHandler &prm, const std::string &assignment);

  /// Declares every input parameter (case, study, optimisation), parses
  /// `file` (if not empty) and applies the overrides.
  void read_input(dealii::ParameterHandler &prm, const std::string &file,
                  const std::vector<std::string> &overrides);

  /// Every parameter as "Section/Name = default  [allowed]  documentation".
  void print_parameter_reference(const dealii::ParameterHandler &prm, std::ostream &out);
} // namespace ebweld
