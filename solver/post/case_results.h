#pragma once
// The results of one case as the solve and the postprocessors fill them in:
// every key must be a registered result quantity (result_quantities.h), and
// summary() lists them in the registry's order, the warnings last.

#include <nlohmann/json.hpp>

#include <map>
#include <string>
#include <vector>

namespace ebweld
{
  class CaseResults
  {
  public:
    /// Sets quantity `key`; throws std::logic_error if it is not registered.
    void set(const std::string &key, nlohmann::ordered_json value);

    bool has(const std::string &key) const { return values_.count(key) != 0; }
    const nlohmann::ordered_json &at(const std::string &key) const { return values_.at(key); }

    /// The screen report of `keys` that are set and numeric, joined by ", "
    /// ("melt depth 2.5069 um, melt half width 4.1691 um").
    std::string report(const std::vector<std::string> &keys) const;

    /// Everything that makes the result doubtful, in the order found.
    std::vector<std::string> warnings;

    /// The quantities of `table` (a ResultTable), as its summary.json
    /// holds them.
    nlohmann::ordered_json summary(unsigned int table = 1u /* case_summary */) const;

  private:
    std::map<std::string, nlohmann::ordered_json> values_;
  };

  /// `summary`'s values of `keys` in that order (null where missing).
  nlohmann::ordered_json select(const nlohmann::ordered_json   &summary,
                                const std::vector<std::string> &keys);
} // namespace ebweld
