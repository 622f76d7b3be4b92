#pragma once
// Kanaya-Okayama diffusion-sphere depth profile (docs/PHYSICS.md 2.1): uniform
// deposition in a sphere of radius r_s = R - x_c centred at depth x_c; the
// profile is the sphere's slice area, truncated at the surface and
// normalised over z >= 0.

#include "sources/depth_profile.h"

namespace ebweld
{
  class DiffusionSphereProfile final : public DepthProfile
  {
  public:
    DiffusionSphereProfile(double range_m, double centre_fraction);
    double                 value(double depth_m) const override;
    double                 max_depth_m() const override { return centre_m_ + radius_m_; }
    double                 feature_length_m() const override { return radius_m_ / 4.; }
    nlohmann::ordered_json describe() const override;

  private:
    double centre_m_;
    double radius_m_;
    /// 1 / integral of (r_s^2 - (z - x_c)^2) over the part with z >= 0
    double normalisation_;
  };
} // namespace ebweld
