#include "sources/depth_profile.h"

#include <boost/math/quadrature/gauss_kronrod.hpp>

namespace ebweld
{
  double DepthProfile::mean_depth_m() const
  {
    // Integrate on [0, 1] in s = z / z_max: adaptive Gauss-Kronrod copes
    // with the steep KO tail near z = R.
    const double z_max      = max_depth_m();
    const auto first_moment = [&](const double s) { return s * z_max * value(s * z_max) * z_max; };
    return boost::math::quadrature::gauss_kronrod<double, 61>::integrate(first_moment, 0., 1., 15,
                                                                         1e-12);
  }

  double DepthProfile::deposited_above(const double depth_m) const
  {
    return boost::math::quadrature::gauss_kronrod<double, 61>::integrate(
        [&](const double z) { return value(z); }, 0., depth_m, 10, 1e-9);
  }

  double DepthProfile::bulk_depth_m() const
  {
    double low = 0., high = max_depth_m();
    for (int i = 0; i < 30; ++i) // bisection to 1e-9 of the support
      {
        const double middle                            = 0.5 * (low + high);
        (deposited_above(middle) < 0.999 ? low : high) = middle;
      }
    return high;
  }
} // namespace ebweld
