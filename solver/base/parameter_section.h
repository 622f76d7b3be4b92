#pragma once
// Reads one subsection of a ParameterHandler and knows its full path, so
// that range errors name the parameter as the user writes it with --set
// ("Beam/Diameter FWHM (um)").

#include <deal.II/base/parameter_handler.h>

#include <optional>
#include <string>

namespace ebweld
{
  /// A value as ParameterHandler spells it, for declaring a struct's
  /// defaults as the entries' defaults.
  template <typename T>
  std::string parameter_text(const T value)
  {
    return dealii::Patterns::Tools::Convert<T>::to_string(value);
  }

  class ParameterSection
  {
  public:
    /// Enters subsection `name` (of `parent` if given) until destruction.
    ParameterSection(dealii::ParameterHandler &prm, const std::string &name);
    ParameterSection(const ParameterSection &parent, const std::string &name);
    ~ParameterSection();
    ParameterSection(const ParameterSection &)            = delete;
    ParameterSection &operator=(const ParameterSection &) = delete;

    /// "Section/Sub/entry"
    std::string path(const std::string &entry) const;

    std::string text(const std::string &entry) const;
    bool        flag(const std::string &entry) const;
    /// An entry declared with a NumberPattern: deal.II has checked its range.
    double number(const std::string &entry) const;
    /// `keyword` (e.g. "auto", "none") gives no value; otherwise the number
    /// (declared with NumberPattern(...).or_keyword(keyword)).
    std::optional<double> keyword_or_number(const std::string &entry,
                                            const std::string &keyword) const;
    std::optional<double> auto_or_number(const std::string &entry) const
    {
      return keyword_or_number(entry, "auto");
    }

    dealii::ParameterHandler &handler() const { return prm_; }

  private:
    dealii::ParameterHandler &prm_;
    std::string               path_;
  };
} // namespace ebweld
