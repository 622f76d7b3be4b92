#include "sources/source_registry.h"

#include "solver/input_error.h"
#include "solver/parameter_section.h"

namespace ebweld
{
  SourceRegistry &SourceRegistry::instance()
  {
    static SourceRegistry registry;
    return registry;
  }

  bool SourceRegistry::add(const std::string &name,
                           const std::string &description,
                           Declare            declare,
                           Create             create)
  {
    entries_[name] = {description, std::move(declare), std::move(create)};
    return true;
  }

  void SourceRegistry::declare_parameters(dealii::ParameterHandler &prm) const
  {
    std::string names, docs;
    for (const auto &[name, entry] : entries_)
      {
        names += (names.empty() ? "" : "|") + name;
        docs += "\n  " + name + ": " + entry.description;
      }
    prm.enter_subsection("Heat sources");
    prm.declare_entry("Active",
                      "Kanaya-Okayama",
                      dealii::Patterns::MultipleSelection(names),
                      "Comma-separated list of heat sources; their "
                      "densities are summed. Available:" + docs);
    for (const auto &[name, entry] : entries_)
      {
        prm.enter_subsection(name);
        prm.declare_entry("Efficiency",
                          "auto",
                          auto_or_number_pattern(),
                          "Fraction of the beam power V I absorbed by the "
                          "solid from this source [-], in (0, 1]. 'auto': "
                          "the beam's heating efficiency (Beam/Heating "
                          "efficiency).");
        entry.declare(prm);
        prm.leave_subsection();
      }
    prm.leave_subsection();
  }

  std::vector<std::unique_ptr<HeatSource>>
  SourceRegistry::create_active(dealii::ParameterHandler &prm,
                                const BeamContext        &beam) const
  {
    ParameterSection                          section(prm, "Heat sources");
    std::vector<std::unique_ptr<HeatSource>> sources;
    const auto names = dealii::Utilities::split_string_list(section.text("Active"));
    if (names.empty())
      throw_input_error(section.path("Active"), "", "at least one heat source");
    for (const auto &name : names)
      {
        ParameterSection model_section(section, name);
        const double efficiency =
          model_section.auto_or_number("Efficiency", 1e-6, 1.)
            .value_or(beam.heating_efficiency);
        sources.push_back(entries_.at(name).create(model_section, beam, efficiency));
      }
    return sources;
  }
} // namespace ebweld
