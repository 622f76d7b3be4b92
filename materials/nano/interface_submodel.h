#pragma once
// A nanoscale submodel of the weld-interface filler (docs/PHYSICS.md 5): it
// integrates a state (neck ratio, mixing index, conversion, ...) over an
// arbitrary thermal history T(t). The same objects serve the standalone
// `ebweld nano` runs against prescribed protocols and the coupled runs
// along the material streamlines of the heat solve. Models register by
// name (EBWELD_REGISTER_SUBMODEL), like the heat sources.

#include "materials/material_database.h"
#include "materials/nano/thermal_history.h"
#include "solver/base/csv_table.h"
#include "solver/base/model_registry.h"

#include <nlohmann/json.hpp>

#include <map>

namespace ebweld
{
  /// The filler particles a submodel acts on.
  struct ParticleContext
  {
    Material material;
    /// particle radius a [m]
    double radius_m = 0.;
    /// relative density of the particle bed before heating [-]
    double initial_relative_density = 0.6;
    /// thickness of a surface shell (oxide, capping layer) [m], 0 if none
    double shell_thickness_m = 0.;
  };

  /// Declares the "Particles" entries in the current subsection.
  void declare_particle_parameters(dealii::ParameterHandler &prm);
  /// Parses "Particles" below `parent`; throws InputError.
  ParticleContext parse_particles(const ParameterSection &parent, const MaterialDatabase &database);

  struct SubmodelResult
  {
    /// state at each requested time, in the order of state_names()
    std::vector<std::vector<double>> states;
    /// model-specific results (SI units)
    nlohmann::ordered_json summary = nlohmann::ordered_json::object();
    /// further tables, written as <name>.csv
    std::map<std::string, CsvTable> tables;
  };

  class InterfaceSubmodel
  {
  public:
    virtual ~InterfaceSubmodel() = default;
    /// Names of the state variables, with units where they have one.
    virtual std::vector<std::string> state_names() const = 0;
    /// Integrates the state over `history`, reporting it at `times_s`
    /// (ascending, from the start of the history).
    virtual SubmodelResult evolve(const ThermalHistory      &history,
                                  const std::vector<double> &times_s) const = 0;
  };

  class SubmodelRegistry : public ModelRegistry<InterfaceSubmodel, ParticleContext>
  {
  public:
    static SubmodelRegistry &instance();
    /// Declares "Interface submodels" with one subsection per model.
    void declare_parameters(dealii::ParameterHandler &prm) const;
    /// Builds model `name` from "Interface submodels/<name>".
    std::unique_ptr<InterfaceSubmodel> create_named(dealii::ParameterHandler &prm,
                                                    const std::string        &name,
                                                    const ParticleContext    &particles) const;
  };
} // namespace ebweld

/// Registers Model (constructible from (section, particles), with a static
/// declare_parameters(ParameterHandler&)) under `name`.
#define EBWELD_REGISTER_SUBMODEL(Model, name, description)                                        \
  namespace                                                                                       \
  {                                                                                               \
    const bool Model##_registered = ::ebweld::SubmodelRegistry::instance().add(                   \
        name, description, &Model::declare_parameters,                                            \
        [](const ::ebweld::ParameterSection &section, const ::ebweld::ParticleContext &particles) \
            -> std::unique_ptr<::ebweld::InterfaceSubmodel> {                                     \
          return std::make_unique<Model>(section, particles);                                     \
        });                                                                                       \
  }
