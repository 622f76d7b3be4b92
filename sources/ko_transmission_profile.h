#pragma once
// Default Kanaya-Okayama depth profile (docs/PHYSICS.md 2.1): energy flux of the
// transmitted electrons F(s) = exp(-gamma s/(1-s)) (1-s)^(3/5), s = z/R,
// deposited as f(z) = -dF/ds / R.

#include "sources/depth_profile.h"

namespace ebweld
{
  class KOTransmissionProfile final : public DepthProfile
  {
  public:
    KOTransmissionProfile(double range_m, double gamma);
    double value(double depth_m) const override;
    double max_depth_m() const override { return range_m_; }
    double feature_length_m() const override;
    /// 1 - F(z/R), F(s) = exp(-gamma s/(1-s)) (1-s)^(3/5)
    double                 deposited_above(double depth_m) const override;
    nlohmann::ordered_json describe() const override;

  private:
    double range_m_;
    double gamma_;
  };
} // namespace ebweld
