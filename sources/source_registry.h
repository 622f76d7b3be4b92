#pragma once
// Run-time selection of heat sources (docs/DESIGN.md 2). Each model file ends with
// EBWELD_REGISTER_HEAT_SOURCE; the input pattern of "Heat sources/Active",
// the parameter subsections and the docs all come from this registry.

#include "solver/base/model_registry.h"
#include "sources/heat_source.h"

#include <deal.II/base/parameter_handler.h>

namespace ebweld
{
  /// The heat-source models; each is created from its own subsection of
  /// "Heat sources" with the beam and the model's absorbed fraction
  /// ("Efficiency", or the beam's heating efficiency if auto).
  class SourceRegistry : public ModelRegistry<HeatSource, BeamContext, double>
  {
  public:
    static SourceRegistry &instance();

    /// Declares "Heat sources" with "Active" and one subsection per model.
    void declare_parameters(dealii::ParameterHandler &prm) const;

    /// Builds the active sources (at least one).
    std::vector<std::unique_ptr<HeatSource>> create_active(dealii::ParameterHandler &prm,
                                                           const BeamContext        &beam) const;
  };
} // namespace ebweld

/// Registers Model (constructible from (section, beam, efficiency), with a
/// static declare_parameters(ParameterHandler&)) under `name`.
#define EBWELD_REGISTER_HEAT_SOURCE(Model, name, description)                            \
  namespace                                                                              \
  {                                                                                      \
    const bool Model##_registered = ::ebweld::SourceRegistry::instance().add(            \
        name, description, &Model::declare_parameters,                                   \
        [](const ::ebweld::ParameterSection &section, const ::ebweld::BeamContext &beam, \
           const double efficiency) -> std::unique_ptr<::ebweld::HeatSource> {           \
          return std::make_unique<Model>(section, beam, efficiency);                     \
        });                                                                              \
  }
