#include "solver/studies/results_table.h"

#include "solver/base/atomic_file.h"
#include "solver/base/file_lock.h"
#include "solver/post/result_quantities.h"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace ebweld
{
  namespace
  {
    std::vector<std::string> read_lines(const std::string &path)
    {
      std::ifstream            in(path);
      std::vector<std::string> lines;
      std::string              line;
      while (std::getline(in, line))
        if (!line.empty())
          lines.push_back(line);
      return lines;
    }

    std::string json_value_text(const nlohmann::ordered_json &value)
    {
      if (value.is_null())
        return "";
      if (value.is_string())
        return value.get<std::string>();
      if (value.is_number_float())
        {
          std::ostringstream out;
          out.precision(12);
          out << value.get<double>();
          return out.str();
        }
      if (value.is_array())
        {
          std::string joined;
          for (const auto &item : value)
            joined += (joined.empty() ? "" : " | ") + json_value_text(item);
          return joined;
        }
      return value.dump();
    }
  } // namespace

  std::string csv_field(const std::string &text)
  {
    if (text.find_first_of(",\"\n") == std::string::npos)
      return text;
    std::string quoted = "\"";
    for (const char c : text)
      {
        if (c == '"')
          quoted += '"';
        quoted += c == '\n' ? ' ' : c;
      }
    return quoted + "\"";
  }

  std::vector<std::string> split_quoted_csv(const std::string &line)
  {
    std::vector<std::string> fields(1);
    bool                     quoted = false;
    for (std::size_t i = 0; i < line.size(); ++i)
      {
        const char c = line[i];
        if (quoted && c == '"' && i + 1 < line.size() && line[i + 1] == '"')
          fields.back() += line[++i];
        else if (c == '"')
          quoted = !quoted;
        else if (c == ',' && !quoted)
          fields.emplace_back();
        else
          fields.back() += c;
      }
    return fields;
  }

  const std::vector<std::string> &ResultsTable::summary_columns()
  {
    // case_id, status and error identify the row and come first
    static const std::vector<std::string> columns = [] {
      std::vector<std::string> keys = result_keys(study_results);
      keys.erase(std::remove_if(keys.begin(), keys.end(),
                                [](const std::string &key) {
                                  return key == "case_id" || key == "status" || key == "error";
                                }),
                 keys.end());
      return keys;
    }();
    return columns;
  }

  ResultsTable::ResultsTable(std::string path, std::vector<std::string> parameters)
      : path_(std::move(path))
      , parameters_(std::move(parameters))
  {
  }

  std::string ResultsTable::header() const
  {
    std::string header = "case_id,status,error";
    for (const auto &p : parameters_)
      header += "," + csv_field(p);
    for (const auto &c : summary_columns())
      header += "," + c;
    return header;
  }

  std::set<std::string> ResultsTable::completed_case_ids() const
  {
    std::set<std::string> ids;
    const auto            lines = read_lines(path_);
    for (std::size_t i = 1; i < lines.size(); ++i)
      ids.insert(split_quoted_csv(lines[i]).front());
    return ids;
  }

  std::pair<unsigned int, unsigned int> ResultsTable::counts() const
  {
    const auto   lines = read_lines(path_);
    unsigned int rows = 0, failed = 0;
    for (std::size_t i = 1; i < lines.size(); ++i)
      {
        ++rows;
        const auto fields = split_quoted_csv(lines[i]);
        if (fields.size() > 1 && fields[1] == "failed")
          ++failed;
      }
    return {rows, failed};
  }

  void ResultsTable::append(const std::string                                      &case_id,
                            const std::vector<std::pair<std::string, std::string>> &inputs,
                            const std::string &status, const std::string &error,
                            const nlohmann::ordered_json &summary) const
  {
    std::string row = csv_field(case_id) + "," + status + "," + csv_field(error);
    for (const auto &input : inputs)
      row += "," + csv_field(input.second);
    for (const auto &column : summary_columns())
      row += "," + csv_field(summary.contains(column) ? json_value_text(summary[column]) : "");

    const FileLock lock(path_ + ".lock");
    const auto     lines = read_lines(path_);
    write_file_atomically(path_, [&](std::ostream &out) {
      if (lines.empty())
        out << header() << "\n";
      for (const auto &line : lines)
        out << line << "\n";
      out << row << "\n";
    });
  }
} // namespace ebweld
