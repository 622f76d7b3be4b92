#include "solver/studies/study_plan.h"

#include "solver/base/csv_lines.h"
#include "solver/base/input_error.h"
#include "solver/base/number_pattern.h"
#include "solver/base/parameter_section.h"

#include <deal.II/base/utilities.h>

#include <cmath>
#include <sstream>

namespace ebweld
{
  namespace
  {
    const char *grid_help = "'Section/Name: values; Section/Name: values', values as "
                            "'a, b, c', 'linear(a, b, n)' or 'log(a, b, n)'";
    // values of one axis: far more than any study can solve
    constexpr double max_axis_values = 100000.;
  } // namespace

  std::string StudyCase::id() const
  {
    std::string id;
    for (const auto &[path, value] : overrides)
      id += (id.empty() ? "" : ";") + path + "=" + value;
    return id;
  }

  std::vector<std::string> grid_axis_values(const std::string &spec, const std::string &where)
  {
    const std::string text = dealii::Utilities::trim(spec);
    for (const std::string kind : {"linear", "log"})
      if (text.rfind(kind + "(", 0) == 0)
        {
          if (text.back() != ')')
            throw_input_error(where, text, kind + "(first, last, count)");
          const auto args = dealii::Utilities::split_string_list(
              text.substr(kind.size() + 1, text.size() - kind.size() - 2), ',');
          if (args.size() != 3 || !is_csv_number(args[0]) || !is_csv_number(args[1]) ||
              !is_csv_number(args[2]))
            throw_input_error(where, text, kind + "(first, last, count) with three numbers");
          const double first = std::stod(args[0]), last = std::stod(args[1]);
          const double count_value = std::stod(args[2]);
          if (!(count_value >= 1. && count_value <= max_axis_values) ||
              count_value != std::floor(count_value))
            throw_input_error(where, text,
                              "a whole count in [1, " + format_value(max_axis_values) + "]");
          const int count = static_cast<int>(count_value);
          if (count == 1 && first != last)
            throw_input_error(where, text, "a count >= 2 (or 1 with first = last)");
          if (kind == "log" && !(first > 0. && last > 0.))
            throw_input_error(where, text, "log(first, last, count) with first, last > 0");
          std::vector<std::string> values;
          for (int i = 0; i < count; ++i)
            {
              const double t = count == 1 ? 0. : double(i) / (count - 1);
              values.push_back(format_value(kind == "log" ? first * std::pow(last / first, t)
                                                          : first + t * (last - first),
                                            10));
            }
          require_unique(where, text, values);
          return values;
        }
    const auto values = dealii::Utilities::split_string_list(text, ',');
    if (values.empty())
      throw_input_error(where, text, "a non-empty list of values");
    // a repeated value would be solved once and labelled twice
    require_unique(where, text, values);
    return values;
  }

  namespace
  {
    void refuse_above_maximum(const ParameterSection &section, const std::string &where,
                              const double n_cases)
    {
      const double maximum = section.number("Maximum cases");
      if (n_cases > maximum)
        throw_input_error(where, format_value(n_cases) + " cases",
                          "at most " + section.path("Maximum cases") + " = " +
                              format_value(maximum));
    }
  } // namespace

  void StudyPlan::declare_parameters(dealii::ParameterHandler &prm)
  {
    prm.enter_subsection("Study");
    prm.declare_entry(
        "Grid", "", dealii::Patterns::Anything(),
        std::string("Parameters to vary as a cartesian product: ") + grid_help +
            ". Example: 'Beam/Peclet number: 10, 100; Beam/Voltage (kV): log(10, 40, 4)'.");
    prm.declare_entry("Table file", "", dealii::Patterns::Anything(),
                      "CSV file of explicit cases instead of a grid: the header names the "
                      "parameters ('Section/Name'), each row gives one case's values.");
    prm.declare_entry("Maximum cases", "10000", NumberPattern::whole(1, 10000000),
                      "Most cases a study accepts [-], in [1, 1e7]: a larger grid or table "
                      "is refused before any case runs.");
    prm.declare_entry("Results file", "results.csv", dealii::Patterns::Anything(),
                      "Results table, one row per case, in the output directory: a file "
                      "name without '/'.");
    prm.leave_subsection();
  }

  StudyPlan StudyPlan::parse(dealii::ParameterHandler &prm)
  {
    ParameterSection  section(prm, "Study");
    StudyPlan         plan;
    const std::string grid  = dealii::Utilities::trim(section.text("Grid"));
    const std::string table = dealii::Utilities::trim(section.text("Table file"));
    plan.results_file       = section.text("Results file");
    // written in the output folder, never beside or above it
    if (plan.results_file.empty() || plan.results_file.find('/') != std::string::npos ||
        plan.results_file == "." || plan.results_file == "..")
      throw_input_error(section.path("Results file"), "'" + plan.results_file + "'",
                        "a file name without '/' (the table is written in the output folder)");
    if (grid.empty() == table.empty())
      throw_input_error(section.path("Grid") + " and " + section.path("Table file"),
                        "'" + grid + "' and '" + table + "'", "exactly one of the two set");

    std::vector<std::vector<std::string>> rows;
    if (!grid.empty())
      {
        std::vector<std::vector<std::string>> axes;
        for (const auto &axis : dealii::Utilities::split_string_list(grid, ';'))
          {
            const auto colon = axis.rfind(':');
            if (colon == std::string::npos)
              throw_input_error(section.path("Grid"), axis, grid_help);
            plan.parameters.push_back(dealii::Utilities::trim(axis.substr(0, colon)));
            axes.push_back(grid_axis_values(axis.substr(colon + 1), section.path("Grid")));
          }
        require_unique(section.path("Grid"), grid, plan.parameters);
        double n_cases = 1.;
        for (const auto &axis : axes)
          n_cases *= double(axis.size());
        refuse_above_maximum(section, section.path("Grid"), n_cases);
        rows = {{}};
        for (const auto &axis : axes)
          {
            std::vector<std::vector<std::string>> extended;
            for (const auto &row : rows)
              for (const auto &value : axis)
                {
                  extended.push_back(row);
                  extended.back().push_back(value);
                }
            rows = std::move(extended);
          }
      }
    else
      {
        const auto lines = read_csv_lines(table, section.path("Table file"),
                                          "a header of parameter paths and rows of values");
        if (lines.size() < 2)
          throw_input_error(section.path("Table file"), table, "a header and at least one case");
        for (const auto &name : lines.front().fields)
          plan.parameters.push_back(dealii::Utilities::trim(name));
        require_unique(section.path("Table file") + " header", table, plan.parameters);
        refuse_above_maximum(section, section.path("Table file"), double(lines.size() - 1));
        for (std::size_t i = 1; i < lines.size(); ++i)
          {
            if (lines[i].fields.size() != plan.parameters.size())
              throw InputError(lines[i].where + ": expected " +
                               std::to_string(plan.parameters.size()) + " values, found " +
                               std::to_string(lines[i].fields.size()));
            std::vector<std::string> row;
            for (const auto &value : lines[i].fields)
              row.push_back(dealii::Utilities::trim(value));
            rows.push_back(row);
          }
      }
    for (unsigned int i = 0; i < rows.size(); ++i)
      {
        StudyCase c;
        c.index = i;
        for (std::size_t p = 0; p < plan.parameters.size(); ++p)
          c.overrides.emplace_back(plan.parameters[p], rows[i][p]);
        plan.cases.push_back(c);
      }
    return plan;
  }
} // namespace ebweld
