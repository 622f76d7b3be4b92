#include "solver/base/csv_table.h"

#include "solver/base/atomic_file.h"

#include <algorithm>
#include <iomanip>
#include <stdexcept>

namespace ebweld
{
  std::size_t CsvTable::column(const std::string &name) const
  {
    const auto it = std::find(columns.begin(), columns.end(), name);
    if (it == columns.end())
      throw std::out_of_range("no column '" + name + "' in the table");
    return it - columns.begin();
  }

  void write_csv_atomically(const std::string &path, const CsvTable &table)
  {
    write_file_atomically(path, [&](std::ostream &out) {
      for (std::size_t c = 0; c < table.columns.size(); ++c)
        out << (c ? "," : "") << table.columns[c];
      out << "\n" << std::setprecision(10);
      for (const auto &row : table.rows)
        {
          for (std::size_t c = 0; c < row.size(); ++c)
            out << (c ? "," : "") << row[c];
          out << "\n";
        }
    });
  }
} // namespace ebweld
