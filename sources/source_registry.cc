#include "sources/source_registry.h"

#include "solver/base/input_error.h"
#include "solver/base/number_pattern.h"
#include "solver/base/parameter_section.h"

namespace ebweld
{
  SourceRegistry &SourceRegistry::instance()
  {
    static SourceRegistry registry;
    return registry;
  }

  void SourceRegistry::declare_parameters(dealii::ParameterHandler &prm) const
  {
    prm.enter_subsection("Heat sources");
    prm.declare_entry("Active", "Kanaya-Okayama", dealii::Patterns::MultipleSelection(pattern()),
                      "Comma-separated list of heat sources; their "
                      "densities are summed. Available:" +
                          documentation());
    declare_subsections(prm, [](dealii::ParameterHandler &p) {
      p.declare_entry("Efficiency", "auto", NumberPattern::in_range(1e-6, 1.).or_keyword("auto"),
                      "Fraction of the beam power V I absorbed by the "
                      "solid from this source [-], in (0, 1]. 'auto': "
                      "the beam's heating efficiency (Beam/Heating "
                      "efficiency).");
    });
    prm.leave_subsection();
  }

  std::vector<std::unique_ptr<HeatSource>>
  SourceRegistry::create_active(dealii::ParameterHandler &prm, const BeamContext &beam) const
  {
    ParameterSection                         section(prm, "Heat sources");
    std::vector<std::unique_ptr<HeatSource>> sources;
    const auto names = dealii::Utilities::split_string_list(section.text("Active"));
    if (names.empty())
      throw_input_error(section.path("Active"), "", "at least one heat source");
    // a source listed twice would deposit its power twice
    require_unique(section.path("Active"), section.text("Active"), names);
    for (const auto &name : names)
      {
        const double efficiency = ParameterSection(section, name)
                                      .auto_or_number("Efficiency")
                                      .value_or(beam.heating_efficiency);
        sources.push_back(create(name, section, beam, efficiency));
      }
    return sources;
  }
} // namespace ebweld
