#include "solver/base/number_pattern.h"

#include "solver/base/input_error.h"

#include <deal.II/base/utilities.h>

#include <cmath>

namespace ebweld
{
  namespace
  {
    const std::string number_word = "Number", whole_word = "Whole number";
  }

  NumberPattern NumberPattern::positive()
  {
    NumberPattern p;
    p.lower_      = 0.;
    p.lower_open_ = true;
    return p;
  }

  NumberPattern NumberPattern::at_least(const double lower)
  {
    NumberPattern p;
    p.lower_ = lower;
    return p;
  }

  NumberPattern NumberPattern::in_range(const double lower, const double upper)
  {
    NumberPattern p;
    p.lower_ = lower;
    p.upper_ = upper;
    return p;
  }

  NumberPattern NumberPattern::whole(const double lower, const double upper)
  {
    NumberPattern p = in_range(lower, upper);
    p.whole_        = true;
    return p;
  }

  NumberPattern NumberPattern::or_keyword(const std::string &keyword) const
  {
    NumberPattern p = *this;
    p.keyword_      = keyword;
    return p;
  }

  bool NumberPattern::match(const std::string &text) const
  {
    const std::string value = dealii::Utilities::trim(text);
    if (!keyword_.empty() && value == keyword_)
      return true;
    std::size_t used = 0;
    double      number;
    try
      {
        number = std::stod(value, &used);
      }
    catch (const std::exception &)
      {
        return false;
      }
    if (used != value.size() || !std::isfinite(number))
      return false;
    if (whole_ && number != std::floor(number))
      return false;
    const bool above = lower_open_ ? number > lower_ : number >= lower_;
    return above && number <= upper_;
  }

  std::string NumberPattern::range_text() const
  {
    const bool bounded_above = upper_ < std::numeric_limits<double>::max();
    if (lower_open_)
      return "> " + format_value(lower_);
    if (bounded_above)
      return "in [" + format_value(lower_) + ", " + format_value(upper_) + "]";
    if (lower_ > -std::numeric_limits<double>::max())
      return ">= " + format_value(lower_);
    return "";
  }

  std::string NumberPattern::description(const OutputStyle) const
  {
    const std::string kind  = whole_ ? whole_word : number_word;
    const std::string range = range_text();
    return "[" + (keyword_.empty() ? "" : keyword_ + " or ") + kind +
           (range.empty() ? "" : " " + range) + "]";
  }

  std::unique_ptr<dealii::Patterns::PatternBase> NumberPattern::clone() const
  {
    return std::make_unique<NumberPattern>(*this);
  }

  std::string NumberPattern::allowed() const
  {
    const std::string kind  = whole_ ? "a whole number" : "a number";
    const std::string range = range_text();
    return (keyword_.empty() ? "" : "'" + keyword_ + "' or ") + kind +
           (range.empty() ? "" : " " + range);
  }

  std::string NumberPattern::allowed_from_description(const std::string &description)
  {
    // "[auto or Number in [1, 2]]" -> "'auto' or a number in [1, 2]"
    std::string text = dealii::Utilities::trim(description);
    if (text.size() < 2 || text.front() != '[' || text.back() != ']')
      return text;
    text = text.substr(1, text.size() - 2);
    std::string prefix;
    if (const auto at = text.find(" or "); at != std::string::npos)
      {
        prefix = "'" + text.substr(0, at) + "' or ";
        text   = text.substr(at + 4);
      }
    for (const auto &[word, phrase] : {std::pair<std::string, std::string>{number_word, "a number"},
                                       {whole_word, "a whole number"}})
      if (text.rfind(word, 0) == 0 && (text.size() == word.size() || text[word.size()] == ' '))
        return prefix + phrase + text.substr(word.size());
    return description;
  }
} // namespace ebweld
