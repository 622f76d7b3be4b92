#include "solver/base/csv_lines.h"

#include "solver/base/input_error.h"

#include <fstream>
#include <sstream>

namespace ebweld
{
  std::vector<CsvLine> read_csv_lines(const std::string &path, const std::string &parameter,
                                      const std::string &expected)
  {
    std::ifstream in(path);
    if (!in)
      throw_input_error(parameter, path, "a readable file of " + expected);
    std::vector<CsvLine> lines;
    std::string          line;
    unsigned int         line_number = 0;
    while (std::getline(in, line))
      {
        ++line_number;
        if (line.empty() || line[0] == '#' || line.find_first_not_of(" \t\r") == std::string::npos)
          continue;
        CsvLine           data{path + ":" + std::to_string(line_number), line_number, {}};
        std::stringstream fields(line);
        std::string       field;
        while (std::getline(fields, field, ','))
          data.fields.push_back(field);
        lines.push_back(std::move(data));
      }
    return lines;
  }

  bool is_csv_number(const std::string &text)
  {
    std::size_t used = 0;
    try
      {
        std::stod(text, &used);
      }
    catch (const std::exception &)
      {
        return false;
      }
    return text.find_first_not_of(" \t\r", used) == std::string::npos;
  }

  double parse_csv_number(const std::string &text, const std::string &where)
  {
    if (!is_csv_number(text))
      throw InputError(where + ": '" + text + "' is not a number");
    return std::stod(text);
  }
} // namespace ebweld
