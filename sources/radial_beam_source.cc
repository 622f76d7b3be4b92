#include "sources/radial_beam_source.h"

#include <cmath>

namespace ebweld
{
  namespace
  {
    const double four_ln2 = 4. * std::log(2.);
  }

  double gaussian_surface_density_per_m2(const double r_squared_m2, const double diameter_m)
  {
    const double d2 = diameter_m * diameter_m;
    return four_ln2 / (M_PI * d2) * std::exp(-four_ln2 * r_squared_m2 / d2);
  }

  double gaussian_support_radius_m(const double diameter_m)
  {
    return diameter_m * std::sqrt(std::log(1e12) / four_ln2);
  }

  RadialBeamSource::RadialBeamSource(const BeamContext &beam, const double efficiency,
                                     std::unique_ptr<DepthProfile> profile)
      : absorbed_power_W_(efficiency * beam.beam_power_W())
      , efficiency_(efficiency)
      , diameter_m_(beam.diameter_m)
      , profile_(std::move(profile))
      , bulk_depth_m_(profile_->bulk_depth_m())
  {
  }

  void RadialBeamSource::add_volumetric_density(const std::vector<dealii::Point<3>> &points,
                                                std::vector<double>                 &density) const
  {
    for (std::size_t i = 0; i < points.size(); ++i)
      {
        const auto  &p = points[i];
        const double f = profile_->value(p[2]);
        if (f > 0.)
          density[i] += absorbed_power_W_ * f *
                        gaussian_surface_density_per_m2(p[0] * p[0] + p[1] * p[1], diameter_m_);
      }
  }

  dealii::BoundingBox<3> RadialBeamSource::support_box_m() const
  {
    const double r = gaussian_support_radius_m(diameter_m_);
    return dealii::BoundingBox<3>(
        {dealii::Point<3>(-r, -r, 0.), dealii::Point<3>(r, r, profile_->max_depth_m())});
  }

  dealii::Tensor<1, 3> RadialBeamSource::feature_length_m() const
  {
    const double         sigma = diameter_m_ / std::sqrt(2. * four_ln2);
    dealii::Tensor<1, 3> length;
    length[0] = length[1] = sigma;
    length[2]             = profile_->feature_length_m();
    return length;
  }

  nlohmann::ordered_json RadialBeamSource::describe() const
  {
    nlohmann::ordered_json d     = profile_->describe();
    d["model"]                   = name();
    d["efficiency"]              = efficiency_;
    d["absorbed_power_W"]        = absorbed_power_W_;
    d["beam_diameter_fwhm_m"]    = diameter_m_;
    d["mean_deposition_depth_m"] = profile_->mean_depth_m();
    return d;
  }
} // namespace ebweld
