#pragma once
// Prescribed temperature protocols for standalone submodel runs (`ebweld
// nano`), as in in situ TEM heating experiments: an isothermal hold, a ramp
// (then a hold), a staircase of steps, or a table read from a CSV file.

#include "materials/nano/thermal_history.h"

#include <deal.II/base/parameter_handler.h>

namespace ebweld
{
  class ParameterSection;

  /// Declares subsection "Temperature protocol" in the current subsection.
  void declare_temperature_protocol(dealii::ParameterHandler &prm);

  struct TemperatureProtocol
  {
    ThermalHistory history;
    /// spacing of the reported states [s]
    double output_interval_s;
  };

  /// Builds the protocol from "Temperature protocol" below `parent`; throws
  /// InputError (for example for a protocol that goes below 0 K).
  TemperatureProtocol parse_temperature_protocol(const ParameterSection &parent);
} // namespace ebweld
