#include "solver/base/parameter_section.h"

#include "solver/base/input_error.h"

namespace ebweld
{
  ParameterSection::ParameterSection(dealii::ParameterHandler &prm,
                                     const std::string        &name)
    : prm_(prm)
    , path_(name)
  {
    prm_.enter_subsection(name);
  }

  ParameterSection::ParameterSection(const ParameterSection &parent,
                                     const std::string      &name)
    : prm_(parent.prm_)
    , path_(parent.path_ + "/" + name)
  {
    prm_.enter_subsection(name);
  }

  ParameterSection::~ParameterSection()
  {
    prm_.leave_subsection();
  }

  std::string ParameterSection::path(const std::string &entry) const
  {
    return path_ + "/" + entry;
  }

  std::string ParameterSection::text(const std::string &entry) const
  {
    return prm_.get(entry);
  }

  bool ParameterSection::flag(const std::string &entry) const
  {
    return prm_.get_bool(entry);
  }

  double ParameterSection::number(const std::string &entry) const
  {
    return prm_.get_double(entry);
  }

  double ParameterSection::positive(const std::string &entry) const
  {
    const double value = number(entry);
    require_positive(path(entry), value);
    return value;
  }

  double ParameterSection::in_range(const std::string &entry,
                                    const double       lower,
                                    const double       upper) const
  {
    const double value = number(entry);
    require_in_range(path(entry), value, lower, upper);
    return value;
  }

  std::optional<double>
  ParameterSection::keyword_or_number(const std::string &entry,
                                      const std::string &keyword,
                                      const double       lower,
                                      const double       upper) const
  {
    const std::string value = text(entry);
    if (value == keyword)
      return std::nullopt;
    const std::string allowed = "'" + keyword + "' or a number in [" +
                                format_value(lower) + ", " +
                                format_value(upper) + "]";
    std::size_t used = 0;
    double      number_value;
    try
      {
        number_value = std::stod(value, &used);
      }
    catch (const std::exception &)
      {
        throw_input_error(path(entry), value, allowed);
      }
    if (value.find_first_not_of(" \t", used) != std::string::npos ||
        !(number_value >= lower && number_value <= upper))
      throw_input_error(path(entry), value, allowed);
    return number_value;
  }

  const dealii::Patterns::Anything &auto_or_number_pattern()
  {
    static const dealii::Patterns::Anything pattern;
    return pattern;
  }
} // namespace ebweld
