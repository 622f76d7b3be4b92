#pragma once
// The cases of a parameter study: the cartesian product of value lists
// ("Grid") or the rows of a CSV table ("Table file"). A case is a list of
// "Section/Name=value" overrides of the base input; its id is those
// overrides joined with ';', which is what results.csv records and what a
// resumed study compares.

#include <deal.II/base/parameter_handler.h>

#include <string>
#include <utility>
#include <vector>

namespace ebweld
{
  struct StudyCase
  {
    /// position in the full plan (stable across resumed runs)
    unsigned int                                     index = 0;
    std::vector<std::pair<std::string, std::string>> overrides;

    std::string id() const;
  };

  struct StudyPlan
  {
    /// parameter paths varied, in column order
    std::vector<std::string> parameters;
    std::vector<StudyCase>   cases;
    std::string              results_file = "results.csv";

    static void declare_parameters(dealii::ParameterHandler &prm);
    /// Throws InputError for a malformed grid or table.
    static StudyPlan parse(dealii::ParameterHandler &prm);
  };

  /// Values of one grid axis: "a, b, c", "linear(a, b, n)" or
  /// "log(a, b, n)". Throws InputError naming `where`.
  std::vector<std::string> grid_axis_values(const std::string &spec, const std::string &where);
} // namespace ebweld
