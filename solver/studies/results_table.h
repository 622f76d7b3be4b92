#pragma once
// results.csv of a study: one row per finished case (inputs, status, error
// message and every scalar of summary.json). Rows are appended by
// rewriting the file to a temporary and renaming it, under an exclusive
// lock, so several rank groups can append and a killed study never leaves
// a half-written row.

#include <nlohmann/json.hpp>

#include <set>
#include <string>
#include <vector>

namespace ebweld
{
  class ResultsTable
  {
  public:
    /// `parameters` are the varied inputs, written after id, status, error.
    ResultsTable(std::string path, std::vector<std::string> parameters);

    /// Case ids already in the file (none if it does not exist).
    std::set<std::string> completed_case_ids() const;

    /// Number of rows and of failed rows in the file.
    std::pair<unsigned int, unsigned int> counts() const;

    /// Appends one case atomically. `summary` may be empty (failed case).
    void append(const std::string                                      &case_id,
                const std::vector<std::pair<std::string, std::string>> &inputs,
                const std::string &status, const std::string &error,
                const nlohmann::ordered_json &summary) const;

    /// The summary keys written as columns.
    static const std::vector<std::string> &summary_columns();

    const std::string &path() const { return path_; }

  private:
    std::string              path_;
    std::vector<std::string> parameters_;
    std::string              header() const;
  };

  /// A CSV field, quoted if it holds a comma, quote or newline.
  std::string csv_field(const std::string &text);

  /// Splits one CSV line into fields, honouring quotes.
  std::vector<std::string> split_quoted_csv(const std::string &line);
} // namespace ebweld
