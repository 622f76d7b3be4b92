#pragma once
// A small numeric table written as CSV (header line, then one row per
// record), atomically, for state histories and per-point results.

#include <string>
#include <vector>

namespace ebweld
{
  struct CsvTable
  {
    /// column names, with units ("time_s", "neck_ratio")
    std::vector<std::string>         columns;
    std::vector<std::vector<double>> rows;

    /// Index of `column`; throws std::out_of_range if absent.
    std::size_t column(const std::string &name) const;
  };

  /// Writes `table` to `path` through a temporary file.
  void write_csv_atomically(const std::string &path, const CsvTable &table);
} // namespace ebweld
