#include "sources/ko_transmission_profile.h"

#include <cmath>

namespace ebweld
{
  KOTransmissionProfile::KOTransmissionProfile(const double range_m, const double gamma)
      : range_m_(range_m)
      , gamma_(gamma)
  {
  }

  double KOTransmissionProfile::value(const double depth_m) const
  {
    const double s = depth_m / range_m_;
    if (s < 0. || s >= 1.)
      return 0.;
    const double remaining = 1. - s;
    const double exponent  = gamma_ * s / remaining;
    if (exponent > 700.) // exp underflows long before the power blows up
      return 0.;
    return std::exp(-exponent) * std::pow(remaining, -0.4) * (0.6 + gamma_ / remaining) / range_m_;
  }

  double KOTransmissionProfile::deposited_above(const double depth_m) const
  {
    const double s = depth_m / range_m_;
    if (s <= 0.)
      return 0.;
    if (s >= 1.)
      return 1.;
    return 1. - std::exp(-gamma_ * s / (1. - s)) * std::pow(1. - s, 0.6);
  }

  double KOTransmissionProfile::feature_length_m() const
  {
    // f falls by e over about R / (1 + gamma) near the surface.
    return range_m_ / (4. * (1. + gamma_));
  }

  nlohmann::ordered_json KOTransmissionProfile::describe() const
  {
    return {
        {"depth_profile", "KO transmission"}, {"gamma", gamma_}, {"electron_range_m", range_m_}};
  }
} // namespace ebweld
