#include "materials/property_curve.h"

#include <algorithm>

namespace ebweld
{
  PropertyCurve PropertyCurve::constant(const double value)
  {
    return table({{0., value}});
  }

  PropertyCurve PropertyCurve::table(std::vector<std::pair<double, double>> points_K_value)
  {
    PropertyCurve curve;
    curve.kind_   = points_K_value.empty() ? Kind::none : Kind::table;
    curve.points_ = std::move(points_K_value);
    return curve;
  }

  PropertyCurve PropertyCurve::polynomial(std::vector<double> coefficients)
  {
    PropertyCurve curve;
    curve.kind_ = coefficients.empty() ? Kind::none : Kind::polynomial;
    for (std::size_t i = 0; i < coefficients.size(); ++i)
      curve.points_.emplace_back(double(i), coefficients[i]);
    return curve;
  }

  double PropertyCurve::operator()(const double T) const
  {
    if (kind_ == Kind::polynomial)
      {
        // Horner, highest power first
        double value = 0.;
        for (auto c = points_.rbegin(); c != points_.rend(); ++c)
          value = value * T + c->second;
        return value;
      }
    if (points_.empty())
      return 0.;
    if (T <= points_.front().first)
      return points_.front().second;
    if (T >= points_.back().first)
      return points_.back().second;
    const auto   upper = std::upper_bound(points_.begin(), points_.end(), T,
                                          [](const double t, const auto &p) { return t < p.first; });
    const auto   lower = upper - 1;
    const double s     = (T - lower->first) / (upper->first - lower->first);
    return (1. - s) * lower->second + s * upper->second;
  }
} // namespace ebweld
