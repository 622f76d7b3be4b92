#include "sources/depth_profile.h"

#include <boost/math/quadrature/gauss_kronrod.hpp>

namespace ebweld
{
  double DepthProfile::mean_depth_m() const
  {
    // Integrate on [0, 1] in s = z / z_max: adaptive Gauss-Kronrod copes
    // with the steep KO tail near z = R.
    const double z_max = max_depth_m();
    const auto   first_moment = [&](const double s) {
      return s * z_max * value(s * z_max) * z_max;
    };
    return boost::math::quadrature::gauss_kronrod<double, 61>::integrate(
      first_moment, 0., 1., 15, 1e-12);
  }
} // namespace ebweld
