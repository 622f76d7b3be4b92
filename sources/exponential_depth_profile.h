#pragma once
// Exponential-decay depth profile f(z) = exp(-z/delta)/delta (docs/PHYSICS.md 2.2).

#include "sources/depth_profile.h"

#include <cmath>

namespace ebweld
{
  class ExponentialDepthProfile final : public DepthProfile
  {
  public:
    explicit ExponentialDepthProfile(double penetration_depth_m)
        : delta_m_(penetration_depth_m)
    {
    }
    double value(double depth_m) const override
    {
      return depth_m < 0. ? 0. : std::exp(-depth_m / delta_m_) / delta_m_;
    }
    /// exp(-28) < 1e-12
    double max_depth_m() const override { return 28. * delta_m_; }
    double feature_length_m() const override { return delta_m_ / 2.; }
    double mean_depth_m() const override { return delta_m_; }
    double deposited_above(double depth_m) const override
    {
      return depth_m <= 0. ? 0. : 1. - std::exp(-depth_m / delta_m_);
    }
    nlohmann::ordered_json describe() const override
    {
      return {{"depth_profile", "exponential"}, {"penetration_depth_m", delta_m_}};
    }

  private:
    double delta_m_;
  };
} // namespace ebweld
