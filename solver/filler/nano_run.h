#pragma once
// Standalone submodel runs (`ebweld nano`): one interface submodel against a
// prescribed temperature protocol, for calibration against in situ TEM
// heating experiments. Input section "Nano" (submodel, particles,
// protocol); the submodel's own parameters are in "Interface submodels".

#include "materials/nano/interface_submodel.h"
#include "materials/nano/temperature_protocol.h"

#include <deal.II/base/parameter_handler.h>

#include <nlohmann/json.hpp>

#include <memory>
#include <optional>
#include <ostream>
#include <string>

namespace ebweld
{
  void declare_nano_parameters(dealii::ParameterHandler &prm);

  /// A parsed `ebweld nano` input: the submodel, its particles and the
  /// temperature protocol.
  struct NanoRun
  {
    std::string                        submodel;
    ParticleContext                    particles;
    std::optional<TemperatureProtocol> protocol;
    std::unique_ptr<InterfaceSubmodel> model;
  };

  /// Parses and validates the Nano section; throws InputError.
  NanoRun parse_nano(dealii::ParameterHandler &prm);

  /// Runs the submodel; writes state.csv, one CSV per table of the model
  /// and summary.json into `output_directory` (if not empty). Returns the
  /// summary.
  nlohmann::ordered_json run_nano(const NanoRun &run, const std::string &output_directory,
                                  std::ostream &log);
} // namespace ebweld
