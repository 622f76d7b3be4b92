#pragma once
// The allowed values of a numeric input entry, declared with the entry:
// a number (or a whole number) within bounds that may be open or closed,
// optionally or a keyword such as "auto". deal.II checks every value read
// from a file or --set against it, and --print-parameters shows it, so the
// range a user sees is the range the code enforces and parse code reads
// the value without checking the same bound again.
//
//   prm.declare_entry("Current (A)", "0.0056", NumberPattern::positive(), "...");
//   prm.declare_entry("Heating efficiency", "auto",
//                     NumberPattern::in_range(1e-6, 1.).or_keyword("auto"), "...");

#include <deal.II/base/patterns.h>

#include <limits>
#include <memory>
#include <string>

namespace ebweld
{
  class NumberPattern : public dealii::Patterns::PatternBase
  {
  public:
    /// (0, inf)
    static NumberPattern positive();
    /// [lower, inf)
    static NumberPattern at_least(double lower);
    /// [lower, upper]
    static NumberPattern in_range(double lower, double upper);
    /// A whole number in [lower, upper].
    static NumberPattern whole(double lower, double upper);

    /// The same, or `keyword` (which then stands for "no value").
    NumberPattern or_keyword(const std::string &keyword) const;

    bool match(const std::string &text) const override;
    /// "[Number > 0]", "[auto or Number in [1e-06, 1]]", ...
    std::string description(OutputStyle style = Machine) const override;
    std::unique_ptr<dealii::Patterns::PatternBase> clone() const override;

    /// What an error message says is allowed: "a number > 0", "'auto' or a
    /// number in [1e-06, 1]".
    std::string allowed() const;

    /// A description() of a NumberPattern turned back into allowed(); the
    /// text itself for any other pattern.
    static std::string allowed_from_description(const std::string &description);

  private:
    double      lower_      = -std::numeric_limits<double>::max();
    double      upper_      = std::numeric_limits<double>::max();
    bool        lower_open_ = false;
    bool        whole_      = false;
    std::string keyword_;

    /// "> 0", "in [1, 2]", ">= 0", "" (any finite number)
    std::string range_text() const;
  };
} // namespace ebweld
