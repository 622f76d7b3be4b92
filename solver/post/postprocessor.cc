#include "solver/post/postprocessor.h"

#include "solver/base/input_error.h"
#include "solver/base/parameter_section.h"
#include "solver/case/solve_case.h"

#include <deal.II/base/utilities.h>

#include <algorithm>

namespace ebweld
{
  PostprocessContext::PostprocessContext(const CaseSetup &setup, const HeatProblem &problem,
                                         const double deposited_W, const OutputOptions &options,
                                         std::ostream &log, CaseResults &results,
                                         const SolutionExtension *extension)
      : setup(setup)
      , problem(problem)
      , deposited_W(deposited_W)
      , options(options)
      , log(log)
      , results(results)
      , fields(field_output_data(setup))
      , extension_(extension)
  {
  }

  double PostprocessContext::melt_rise_K() const
  {
    return setup.solidus_K() - setup.boundary.initial_temperature_K;
  }

  const MeltPool &PostprocessContext::melt_pool()
  {
    if (!melt_pool_)
      melt_pool_ = measure_melt_pool(problem, melt_rise_K());
    return *melt_pool_;
  }

  const EnergyBalance &PostprocessContext::energy_balance()
  {
    if (!energy_balance_)
      energy_balance_ = compute_energy_balance(problem, fixed_temperature_faces(),
                                               setup.absorbed_power_W(), deposited_W);
    return *energy_balance_;
  }

  PostprocessorRegistry &PostprocessorRegistry::instance()
  {
    static PostprocessorRegistry registry;
    return registry;
  }

  bool PostprocessorRegistry::add(const std::string &name, const std::string &description,
                                  const int position, Create create)
  {
    entries_[name] = {description, position, std::move(create)};
    return true;
  }

  std::vector<std::string> PostprocessorRegistry::names() const
  {
    std::vector<std::string> names;
    for (const auto &entry : entries_)
      names.push_back(entry.first);
    std::sort(names.begin(), names.end(), [this](const std::string &a, const std::string &b) {
      return entries_.at(a).position < entries_.at(b).position;
    });
    return names;
  }

  void PostprocessorRegistry::declare_parameters(dealii::ParameterHandler &prm) const
  {
    std::string pattern, docs;
    for (const auto &name : names())
      {
        pattern += (pattern.empty() ? "" : "|") + name;
        docs += "\n  " + name + ": " + entries_.at(name).description;
      }
    prm.enter_subsection("Output");
    prm.declare_entry("Postprocessors", "default", dealii::Patterns::Anything(),
                      "Comma-separated list of what is measured and written after the solve, "
                      "in this order; 'default': all of them. Write fields, Write profiles and "
                      "Write picture = false leave out fields, line profiles and the melt "
                      "pool picture. Available:" +
                          docs);
    prm.leave_subsection();
  }

  std::vector<std::string> PostprocessorRegistry::parse_active(dealii::ParameterHandler &prm) const
  {
    ParameterSection         s(prm, "Output");
    const std::string        text = dealii::Utilities::trim(s.text("Postprocessors"));
    std::vector<std::string> active =
        text == "default" ? names() : dealii::Utilities::split_string_list(text);
    for (const auto &name : active)
      if (entries_.count(name) == 0)
        {
          std::string known;
          for (const auto &registered : names())
            known += (known.empty() ? "" : ", ") + registered;
          throw_input_error(s.path("Postprocessors"), name, "'default' or a list of: " + known);
        }
    require_unique(s.path("Postprocessors"), text, active);
    const auto drop = [&active](const std::string &name) {
      active.erase(std::remove(active.begin(), active.end(), name), active.end());
    };
    if (!s.flag("Write fields"))
      drop("fields");
    if (!s.flag("Write profiles"))
      drop("line profiles");
    if (!s.flag("Write picture"))
      drop("melt pool picture");
    return active;
  }

  std::vector<std::unique_ptr<Postprocessor>>
  PostprocessorRegistry::create(const std::vector<std::string> &names) const
  {
    std::vector<std::unique_ptr<Postprocessor>> postprocessors;
    for (const auto &name : names)
      postprocessors.push_back(entries_.at(name).create());
    return postprocessors;
  }
} // namespace ebweld
