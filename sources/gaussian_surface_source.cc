// Gaussian surface flux (laser-like, docs/PHYSICS.md 2.3): eta V I G(r) [W/m^2]
// into the top surface z = 0.

#include "solver/base/parameter_section.h"
#include "sources/radial_beam_source.h"
#include "sources/source_registry.h"

#include <cmath>

namespace ebweld
{
  class GaussianSurfaceSource final : public HeatSource
  {
  public:
    GaussianSurfaceSource(const ParameterSection &, const BeamContext &beam,
                          const double efficiency)
        : absorbed_power_W_(efficiency * beam.beam_power_W())
        , efficiency_(efficiency)
        , diameter_m_(beam.diameter_m)
    {
    }

    std::string name() const override { return "Gaussian surface"; }
    double      absorbed_power_W() const override { return absorbed_power_W_; }
    bool        has_surface_flux() const override { return true; }

    void add_volumetric_density(const std::vector<dealii::Point<3>> &,
                                std::vector<double> &) const override
    {
    }

    void add_surface_flux(const std::vector<dealii::Point<3>> &points,
                          std::vector<double>                 &flux) const override
    {
      for (std::size_t i = 0; i < points.size(); ++i)
        flux[i] += absorbed_power_W_ *
                   gaussian_surface_density_per_m2(
                       points[i][0] * points[i][0] + points[i][1] * points[i][1], diameter_m_);
    }

    dealii::BoundingBox<3> support_box_m() const override
    {
      const double r = gaussian_support_radius_m(diameter_m_);
      return dealii::BoundingBox<3>({dealii::Point<3>(-r, -r, 0.), dealii::Point<3>(r, r, 0.)});
    }

    dealii::Tensor<1, 3> feature_length_m() const override
    {
      const double         sigma = diameter_m_ / std::sqrt(8. * std::log(2.));
      dealii::Tensor<1, 3> length;
      length[0] = length[1] = length[2] = sigma;
      return length;
    }

    nlohmann::ordered_json describe() const override
    {
      return {{"model", name()},
              {"efficiency", efficiency_},
              {"absorbed_power_W", absorbed_power_W_},
              {"beam_diameter_fwhm_m", diameter_m_}};
    }

    static void declare_parameters(dealii::ParameterHandler &) {}

  private:
    double absorbed_power_W_;
    double efficiency_;
    double diameter_m_;
  };

  EBWELD_REGISTER_HEAT_SOURCE(GaussianSurfaceSource, "Gaussian surface",
                              "surface flux, Gaussian in r (laser-like)")
} // namespace ebweld
