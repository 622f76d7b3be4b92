#pragma once
// Reading small comma-separated data files (material tables, depth-dose
// tables): blank lines and lines starting with '#' are skipped, and every
// error names the file and line.

#include <string>
#include <vector>

namespace ebweld
{
  struct CsvLine
  {
    /// "path:line" for messages
    std::string              where;
    unsigned int             line_number = 0;
    std::vector<std::string> fields;
  };

  /// The data lines of `path`. Throws InputError naming `parameter` and
  /// `expected` (what the file should hold) if the file cannot be read.
  std::vector<CsvLine> read_csv_lines(const std::string &path, const std::string &parameter,
                                      const std::string &expected);

  /// The number in `text` (surrounding blanks allowed); throws InputError
  /// naming `where` otherwise.
  double parse_csv_number(const std::string &text, const std::string &where);

  /// True if `text` holds a number.
  bool is_csv_number(const std::string &text);
} // namespace ebweld
