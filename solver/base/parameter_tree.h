#pragma once
// The parameters of a ParameterHandler as data: each entry's path, value
// and default, read from deal.II's JSON output (whose names are mangled:
// every character but letters and digits written "_XX"). A study records
// the values (studies/study_folder.h); the ignored-input warnings compare
// them with the defaults (case/ignored_inputs.h).

#include <deal.II/base/parameter_handler.h>

#include <string>
#include <vector>

namespace ebweld
{
  struct ParameterEntry
  {
    /// "Section/Subsection/Name"
    std::string path;
    std::string value;
    std::string default_value;
    bool        changed() const { return value != default_value; }
  };

  /// Every entry of `prm`, in the order deal.II prints them.
  std::vector<ParameterEntry> parameter_entries(const dealii::ParameterHandler &prm);
} // namespace ebweld
