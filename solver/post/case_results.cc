#include "solver/post/case_results.h"

#include "solver/post/result_quantities.h"

namespace ebweld
{
  void CaseResults::set(const std::string &key, nlohmann::ordered_json value)
  {
    result_quantity(key); // throws for an unregistered key
    values_[key] = std::move(value);
  }

  nlohmann::ordered_json CaseResults::summary(const unsigned int table) const
  {
    nlohmann::ordered_json summary = nlohmann::ordered_json::object();
    for (const auto &quantity : result_quantities())
      if ((quantity.tables & table) == 0)
        continue;
      else if (quantity.key == "warnings")
        summary["warnings"] = warnings;
      else if (has(quantity.key))
        summary[quantity.key] = values_.at(quantity.key);
    return summary;
  }

  std::string CaseResults::report(const std::vector<std::string> &keys) const
  {
    std::string text;
    for (const auto &key : keys)
      if (has(key) && at(key).is_number())
        text += (text.empty() ? "" : ", ") + screen_text(key, at(key).get<double>());
    return text;
  }

  nlohmann::ordered_json select(const nlohmann::ordered_json   &summary,
                                const std::vector<std::string> &keys)
  {
    nlohmann::ordered_json selected = nlohmann::ordered_json::object();
    for (const auto &key : keys)
      selected[key] = summary.contains(key) ? summary.at(key) : nlohmann::ordered_json(nullptr);
    return selected;
  }
} // namespace ebweld
