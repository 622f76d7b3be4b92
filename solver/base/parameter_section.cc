#include "solver/base/parameter_section.h"

#include "solver/base/input_error.h"

#include <deal.II/base/utilities.h>

namespace ebweld
{
  ParameterSection::ParameterSection(dealii::ParameterHandler &prm, const std::string &name)
      : prm_(prm)
      , path_(name)
  {
    prm_.enter_subsection(name);
  }

  ParameterSection::ParameterSection(const ParameterSection &parent, const std::string &name)
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

  std::optional<double> ParameterSection::keyword_or_number(const std::string &entry,
                                                            const std::string &keyword) const
  {
    if (dealii::Utilities::trim(text(entry)) == keyword)
      return std::nullopt;
    return number(entry);
  }
} // namespace ebweld
