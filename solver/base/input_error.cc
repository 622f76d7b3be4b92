#include "solver/base/input_error.h"

#include <deal.II/base/utilities.h>

#include <cmath>
#include <set>
#include <sstream>

namespace ebweld
{
  std::string format_value(const double value, const int precision)
  {
    std::ostringstream out;
    out.precision(precision);
    out << value;
    return out.str();
  }

  std::string printable(const std::string &text)
  {
    std::string shown;
    for (const char c : text)
      {
        const auto byte = static_cast<unsigned char>(c);
        if ((byte < 0x20 && c != '\n' && c != '\t') || byte == 0x7f)
          {
            const char *hex = "0123456789abcdef";
            shown += std::string("\\x") + hex[byte >> 4] + hex[byte & 0xf];
          }
        else
          shown += c;
      }
    return shown;
  }

  void throw_input_error(const std::string &parameter, const std::string &value,
                         const std::string &allowed)
  {
    throw InputError(parameter + " = " + value + " is invalid: must be " + allowed + ".");
  }

  void require_positive(const std::string &parameter, const double value)
  {
    if (!(value > 0.) || !std::isfinite(value))
      throw_input_error(parameter, format_value(value), "a finite number > 0");
  }

  void require_in_range(const std::string &parameter, const double value, const double lower,
                        const double upper)
  {
    if (!(value >= lower && value <= upper))
      throw_input_error(parameter, format_value(value),
                        "in [" + format_value(lower) + ", " + format_value(upper) + "]");
  }

  void require_unique(const std::string &parameter, const std::string &value,
                      const std::vector<std::string> &items)
  {
    std::set<std::string> seen;
    for (const auto &item : items)
      if (!seen.insert(dealii::Utilities::trim(item)).second)
        throw_input_error(parameter, value,
                          "a list without repeats ('" + dealii::Utilities::trim(item) +
                              "' appears more than once)");
  }
} // namespace ebweld
