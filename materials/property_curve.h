#pragma once
// One thermophysical property as a function of temperature: a constant, a
// table of (T, value) points interpolated linearly (held constant beyond
// its ends), or a polynomial in T [K].

#include <utility>
#include <vector>

namespace ebweld
{
  class PropertyCurve
  {
  public:
    /// No data (empty()).
    PropertyCurve() = default;

    static PropertyCurve constant(double value);
    /// Points with strictly increasing temperatures (checked by the reader).
    static PropertyCurve table(std::vector<std::pair<double, double>> points_K_value);
    /// value = sum_i c_i T^i, T in K.
    static PropertyCurve polynomial(std::vector<double> coefficients);

    bool   empty() const { return kind_ == Kind::none; }
    double operator()(double temperature_K) const;

  private:
    enum class Kind
    {
      none,
      table,
      polynomial
    };
    Kind kind_ = Kind::none;
    /// table points, or (i, c_i) for a polynomial
    std::vector<std::pair<double, double>> points_;
  };
} // namespace ebweld
