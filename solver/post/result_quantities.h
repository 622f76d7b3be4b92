#pragma once
// Every quantity ebweld reports, named once: its key (the SI unit is part
// of the name), unit, meaning, what computes it and the tables it appears
// in. summary.json, a study's results.csv, the optimiser's tables, the
// outputs table of docs/OUTPUTS.md and the screen report (screen_text) all take their names from here, and
// CaseResults refuses a key that is not listed, so a new quantity is one
// entry in result_quantities.cc.

#include <string>
#include <vector>

namespace ebweld
{
  /// The tables a quantity appears in (bit flags).
  enum ResultTable : unsigned int
  {
    case_summary      = 1u << 0, ///< summary.json of `ebweld run`
    study_results     = 1u << 1, ///< results.csv of `ebweld study`
    optimiser_points  = 1u << 2, ///< optimisation.csv and optimum.csv
    optimiser_summary = 1u << 3, ///< summary.json of `ebweld optimize`
  };

  struct ResultQuantity
  {
    std::string key;
    /// SI unit, "-" for a number without one, "" for text, lists and objects
    std::string unit;
    std::string description;
    /// the part of ebweld that computes it (a postprocessor's name, "solve", ...)
    std::string  computed_by;
    unsigned int tables = 0;
  };

  /// Every reported quantity, in the order of summary.json.
  const std::vector<ResultQuantity> &result_quantities();

  /// The quantity named `key`; throws std::logic_error if there is none.
  const ResultQuantity &result_quantity(const std::string &key);

  /// Keys of the quantities of `table`, in registry order.
  std::vector<std::string> result_keys(ResultTable table);

  /// How the screen report shows a quantity: its key without the unit,
  /// spaced, then the value and its unit, lengths in um ("melt depth
  /// 2.5069 um"), with 5 significant digits.
  std::string screen_text(const std::string &key, double value);

  /// The registry as the Markdown table of docs/OUTPUTS.md.
  std::string result_quantities_markdown();
} // namespace ebweld
