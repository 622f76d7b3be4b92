#pragma once
// A beam whose surface power density is Gaussian in r (FWHM d) and whose
// depth profile f(z) is a DepthProfile: q = eta V I G(r) f(z). The
// Kanaya-Okayama and exponential-decay sources differ only in f(z).

#include "sources/depth_profile.h"
#include "sources/heat_source.h"

#include <memory>

namespace ebweld
{
  /// G(r) = (4 ln2 / (pi d^2)) exp(-4 ln2 r^2 / d^2) [1/m^2]
  double gaussian_surface_density_per_m2(double r_squared_m2, double diameter_m);

  /// Radius beyond which G(r) < 1e-12 G(0).
  double gaussian_support_radius_m(double diameter_m);

  class RadialBeamSource : public HeatSource
  {
  public:
    RadialBeamSource(const BeamContext &beam, double efficiency,
                     std::unique_ptr<DepthProfile> profile);

    double                 absorbed_power_W() const override { return absorbed_power_W_; }
    void                   add_volumetric_density(const std::vector<dealii::Point<3>> &points,
                                                  std::vector<double>                 &density) const override;
    dealii::BoundingBox<3> support_box_m() const override;
    dealii::Tensor<1, 3>   feature_length_m() const override;
    nlohmann::ordered_json describe() const override;
    double                 bulk_depth_m() const override { return bulk_depth_m_; }

    const DepthProfile &depth_profile() const { return *profile_; }

  private:
    double                        absorbed_power_W_;
    double                        efficiency_;
    double                        diameter_m_;
    std::unique_ptr<DepthProfile> profile_;
    double                        bulk_depth_m_;
  };
} // namespace ebweld
