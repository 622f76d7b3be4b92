#pragma once
// Errors in user input. Every message names the parameter, the offending
// value and the allowed range, so that the user can fix the input file
// without reading the source.

#include <stdexcept>
#include <string>
#include <vector>

namespace ebweld
{
  /// Bad input: a parameter out of range, an unknown name, a missing file.
  class InputError : public std::runtime_error
  {
  public:
    using std::runtime_error::runtime_error;
  };

  /// Formats a value with `precision` significant digits (17 round-trips
  /// a double exactly, for --set values).
  std::string format_value(double value, int precision = 12);

  /// `text` with control bytes (ESC, BEL, ...) written as "\xNN": an input
  /// echoed in a message cannot drive the user's terminal.
  std::string printable(const std::string &text);

  /// Throws InputError "<parameter> = <value> is invalid: must be <allowed>".
  [[noreturn]] void throw_input_error(const std::string &parameter, const std::string &value,
                                      const std::string &allowed);

  /// Throws unless value > 0.
  void require_positive(const std::string &parameter, double value);

  /// Throws unless lower <= value <= upper.
  void require_in_range(const std::string &parameter, double value, double lower, double upper);

  /// Throws unless every one of `items` (what `parameter` = `value` lists,
  /// trimmed) appears once: a repeated entry would be used twice or hide
  /// another, silently. The message names the repeated entry.
  void require_unique(const std::string &parameter, const std::string &value,
                      const std::vector<std::string> &items);
} // namespace ebweld
