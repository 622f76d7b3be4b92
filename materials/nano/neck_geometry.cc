#include "materials/nano/neck_geometry.h"

#include <boost/math/tools/roots.hpp>

#include <cmath>
#include <stdexcept>

namespace ebweld
{
  double overlap_lens_volume_m3(const double a, const double h)
  {
    const double cap_height = a - h;
    return 2. * M_PI * cap_height * cap_height * (2. * a + h) / 3.;
  }

  double neck_collar_volume_m3(const double a, const double h, const double x)
  {
    // The sphere centred at distance h from the mid-plane has radius
    // sqrt(a^2 - (h - s)^2) at distance s from it; the collar fills the
    // cylinder where that radius is below x, i.e. for s < h - sqrt(a^2 - x^2).
    const double q = std::sqrt(std::max(a * a - x * x, 0.));
    if (h <= q)
      return 0.;
    const double one_side = M_PI * ((x * x - a * a) * (h - q) + (h * h * h - q * q * q) / 3.);
    return 2. * one_side;
  }

  double centre_distance_ratio(const double neck_ratio)
  {
    if (!(neck_ratio >= 0. && neck_ratio < 1.))
      throw std::domain_error("neck ratio outside [0, 1)");
    if (neck_ratio == 0.)
      return 1.;
    // Unit spheres: at h = 1 only the collar exists (f > 0); at
    // h = sqrt(1 - x^2) the collar is empty and the lens is not (f < 0).
    const auto f = [neck_ratio](const double h) {
      return neck_collar_volume_m3(1., h, neck_ratio) - overlap_lens_volume_m3(1., h);
    };
    std::uintmax_t iterations = 100;
    const auto     bracket    = boost::math::tools::toms748_solve(
               f, std::sqrt(1. - neck_ratio * neck_ratio), 1.,
               boost::math::tools::eps_tolerance<double>(50), iterations);
    return 0.5 * (bracket.first + bracket.second);
  }
} // namespace ebweld
