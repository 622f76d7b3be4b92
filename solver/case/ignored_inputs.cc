#include "solver/case/ignored_inputs.h"

#include "solver/base/parameter_tree.h"

#include <algorithm>
#include <map>
#include <sstream>

namespace ebweld
{
  namespace
  {
    bool starts_with(const std::string &text, const std::string &prefix)
    {
      return text.compare(0, prefix.size(), prefix) == 0;
    }

    /// The entries of "Heat sources/Active", trimmed.
    std::vector<std::string> active_sources(const std::string &list)
    {
      std::vector<std::string> names;
      std::istringstream       in(list);
      for (std::string name; std::getline(in, name, ',');)
        {
          const auto first = name.find_first_not_of(" \t");
          const auto last  = name.find_last_not_of(" \t");
          if (first != std::string::npos)
            names.push_back(name.substr(first, last - first + 1));
        }
      return names;
    }

    /// "ignored: A = 1, B = 2 (because)" for the changed entries, or nothing.
    void warn_ignored(const std::vector<const ParameterEntry *> &entries,
                      const std::string &because, std::vector<std::string> &warnings)
    {
      if (entries.empty())
        return;
      std::string listed;
      for (const auto *entry : entries)
        listed += (listed.empty() ? "" : ", ") + entry->path + " = " + entry->value;
      warnings.push_back("ignored: " + listed + " (" + because + ")");
    }
  } // namespace

  std::vector<std::string> ignored_input_warnings(const dealii::ParameterHandler &prm)
  {
    const std::vector<ParameterEntry>  entries = parameter_entries(prm);
    std::map<std::string, std::string> value;
    for (const auto &entry : entries)
      value[entry.path] = entry.value;

    std::vector<const ParameterEntry *> filler, sources, depth_dose;
    const auto                          active = active_sources(value["Heat sources/Active"]);
    for (const auto &entry : entries)
      {
        if (!entry.changed())
          continue;
        if (value["Interface filler/Joint"] == "none" &&
            starts_with(entry.path, "Interface filler/") && entry.path != "Interface filler/Joint")
          filler.push_back(&entry);
        const std::string heat_sources = "Heat sources/";
        const auto        model_end    = entry.path.find('/', heat_sources.size());
        if (starts_with(entry.path, heat_sources) && model_end != std::string::npos)
          {
            const std::string model =
                entry.path.substr(heat_sources.size(), model_end - heat_sources.size());
            if (std::find(active.begin(), active.end(), model) == active.end())
              sources.push_back(&entry);
            else if (entry.path == "Heat sources/Kanaya-Okayama/Depth-dose file" &&
                     value["Heat sources/Kanaya-Okayama/Depth profile"] != "table")
              depth_dose.push_back(&entry);
          }
      }
    std::vector<std::string> warnings;
    warn_ignored(filler, "Interface filler/Joint = none", warnings);
    warn_ignored(sources, "not in Heat sources/Active = " + value["Heat sources/Active"], warnings);
    warn_ignored(depth_dose,
                 "Heat sources/Kanaya-Okayama/Depth profile = " +
                     value["Heat sources/Kanaya-Okayama/Depth profile"] + ", not table",
                 warnings);
    return warnings;
  }

  std::vector<std::string> other_command_warnings(const dealii::ParameterHandler &prm)
  {
    const std::pair<std::string, std::string> readers[] = {
        {"Study/", "ebweld study"}, {"Optimisation/", "ebweld optimize"}, {"Nano/", "ebweld nano"}};
    const std::vector<ParameterEntry> entries = parameter_entries(prm);
    std::vector<std::string>          warnings;
    for (const auto &[section, command] : readers)
      {
        std::vector<const ParameterEntry *> set;
        for (const auto &entry : entries)
          if (entry.changed() && starts_with(entry.path, section))
            set.push_back(&entry);
        warn_ignored(set, "ebweld run solves the base case; " + command + " reads them", warnings);
      }
    return warnings;
  }
} // namespace ebweld
