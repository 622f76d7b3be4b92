#pragma once
// What field files and Catalyst receive besides the temperature: T0 and T_m
// (for the melted indicator), the sources (for their density) and further
// cell fields, such as the interface filler's state.

#include "solver/base/box.h"
#include "solver/case/case_setup.h"

#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace ebweld
{
  struct FieldOutputData
  {
    /// ambient / initial temperature T0 [K]
    double                          initial_temperature_K = 300.;
    double                          melting_temperature_K = 0.;
    std::vector<const HeatSource *> sources;
    /// further cell data: name and value on a cell or piece of one
    std::vector<std::pair<std::string, std::function<double(const Box &)>>> cell_fields;
  };

  /// T0, T_m and the sources of `setup`.
  FieldOutputData field_output_data(const CaseSetup &setup);
} // namespace ebweld
