#include "solver/base/parameter_tree.h"

#include <nlohmann/json.hpp>

#include <sstream>

namespace ebweld
{
  namespace
  {
    /// A name of ParameterHandler's JSON output with its mangling undone.
    std::string demangled(const std::string &name)
    {
      std::string plain;
      for (std::size_t i = 0; i < name.size(); ++i)
        if (name[i] == '_' && i + 2 < name.size())
          {
            plain += static_cast<char>(std::stoi(name.substr(i + 1, 2), nullptr, 16));
            i += 2;
          }
        else
          plain += name[i];
      return plain;
    }

    /// An entry of the JSON tree holds its value and its default; a
    /// subsection holds entries and subsections.
    bool is_entry(const nlohmann::ordered_json &node)
    {
      return node.is_object() && node.contains("value") && node["value"].is_string();
    }

    nlohmann::ordered_json json_tree(const dealii::ParameterHandler &prm)
    {
      std::ostringstream json;
      prm.print_parameters(json, dealii::ParameterHandler::JSON);
      return nlohmann::ordered_json::parse(json.str());
    }

    void collect(const nlohmann::ordered_json &node, const std::string &prefix,
                 std::vector<ParameterEntry> &entries)
    {
      for (const auto &[name, child] : node.items())
        if (is_entry(child))
          entries.push_back({prefix + demangled(name), child["value"].get<std::string>(),
                             child.value("default_value", child["value"].get<std::string>())});
        else if (child.is_object())
          collect(child, prefix + demangled(name) + "/", entries);
    }
  } // namespace

  std::vector<ParameterEntry> parameter_entries(const dealii::ParameterHandler &prm)
  {
    std::vector<ParameterEntry> entries;
    collect(json_tree(prm), "", entries);
    return entries;
  }
} // namespace ebweld
