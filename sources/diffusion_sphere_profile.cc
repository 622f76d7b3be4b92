#include "sources/diffusion_sphere_profile.h"

#include <algorithm>

namespace ebweld
{
  DiffusionSphereProfile::DiffusionSphereProfile(const double range_m, const double centre_fraction)
      : centre_m_(centre_fraction * range_m)
      , radius_m_(range_m - centre_fraction * range_m)
  {
    // Antiderivative of r^2 - u^2 in u = z - x_c.
    const auto primitive = [&](const double u) {
      return radius_m_ * radius_m_ * u - u * u * u / 3.;
    };
    const double u_low = std::max(-radius_m_, -centre_m_);
    normalisation_     = 1. / (primitive(radius_m_) - primitive(u_low));
  }

  double DiffusionSphereProfile::value(const double depth_m) const
  {
    if (depth_m < 0.)
      return 0.;
    const double u = depth_m - centre_m_;
    return std::max(0., radius_m_ * radius_m_ - u * u) * normalisation_;
  }

  nlohmann::ordered_json DiffusionSphereProfile::describe() const
  {
    return {{"depth_profile", "diffusion sphere"},
            {"sphere_centre_depth_m", centre_m_},
            {"sphere_radius_m", radius_m_}};
  }
} // namespace ebweld
