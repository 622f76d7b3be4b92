#pragma once
// Inputs that a case reads but does not use, because another input switches
// them off: the interface filler's values with Interface filler/Joint =
// none, a depth-dose file with a Kanaya-Okayama depth profile other than
// table, the settings of a heat source not in Heat sources/Active. A user
// who set one expected it to act; the case warns, listing them, instead of
// ignoring them silently. Only values that differ from their defaults count.
// The subsections of the other commands are ignored by ebweld run alike.

#include <deal.II/base/parameter_handler.h>

#include <string>
#include <vector>

namespace ebweld
{
  /// One warning per switch that leaves inputs of `prm` unused.
  std::vector<std::string> ignored_input_warnings(const dealii::ParameterHandler &prm);

  /// One warning per subsection of another command (Study, Optimisation,
  /// Nano) with values set in `prm`, which ebweld run does not read: a user
  /// who runs a study's file solves its base case only.
  std::vector<std::string> other_command_warnings(const dealii::ParameterHandler &prm);
} // namespace ebweld
