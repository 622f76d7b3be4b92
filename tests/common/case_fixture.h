#pragma once
// Helpers for tests that run whole cases: build a setup from --set style
// overrides of the defaults and solve it without writing files.

#include "solver/case/case_setup.h"
#include "solver/case/solve_case.h"
#include "solver/commands/parameter_overrides.h"
#include "solver/run/run_case.h"

#include <deal.II/base/parameter_handler.h>

#include <memory>
#include <sstream>
#include <string>
#include <vector>

namespace ebweld::testing
{
  /// A number written with full precision, for --set values.
  inline std::string number(const double value)
  {
    std::ostringstream out;
    out.precision(17);
    out << value;
    return out.str();
  }

  /// A setup from the defaults with `overrides`; the seed paper's
  /// constant-property model and beam current (5.6 mA) unless an override
  /// asks for Material/Temperature-dependent properties = true or
  /// another current.
  inline std::unique_ptr<CaseSetup> make_setup(const std::vector<std::string> &overrides)
  {
    dealii::ParameterHandler prm;
    declare_case_parameters(prm);
    apply_override(prm, "Material/Temperature-dependent properties=false");
    apply_override(prm, "Beam/Current (A)=0.0056");
    for (const auto &assignment : overrides)
      apply_override(prm, assignment);
    return std::make_unique<CaseSetup>(prm);
  }

  /// Runs the case and returns summary.json's content; writes nothing.
  inline nlohmann::ordered_json summarise_quietly(const CaseSetup &setup, MPI_Comm comm)
  {
    OutputOptions options;
    options.write_fields   = false;
    options.write_profiles = false;
    options.write_summary  = false;
    std::ostream quiet(nullptr);
    return run_case(setup, comm, options, quiet);
  }

  inline SolvedCase solve_quietly(const CaseSetup &setup, MPI_Comm comm)
  {
    std::ostream quiet(nullptr);
    return solve_case(setup, comm, quiet);
  }
} // namespace ebweld::testing
