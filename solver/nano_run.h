#pragma once
// Standalone submodel runs (`ebweld nano`): one interface submodel against a
// prescribed temperature protocol, for calibration against in situ TEM
// heating experiments. Input section "Nano" (submodel, particles,
// protocol); the submodel's own parameters are in "Interface submodels".

#include <deal.II/base/parameter_handler.h>

#include <nlohmann/json.hpp>

#include <ostream>

namespace ebweld
{
  void declare_nano_parameters(dealii::ParameterHandler &prm);

  /// Runs the selected submodel; writes state.csv, one CSV per table of
  /// the model and summary.json into `output_directory` (if not empty).
  /// Returns the summary. Throws InputError for bad input.
  nlohmann::ordered_json run_nano(dealii::ParameterHandler &prm,
                                  const std::string        &output_directory,
                                  std::ostream             &log);
} // namespace ebweld
