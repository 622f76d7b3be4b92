// Goldak double-ellipsoid source (arc and macro EB welding, docs/PHYSICS.md 2.3):
//   q = 6 sqrt(3) f Q / (a b c pi sqrt(pi)) exp(-3 x^2/a^2 - 3 y^2/b^2 - 3 z^2/c^2)
// with a = a_f, f = f_f ahead of the beam (x >= 0) and a = a_r, f = 2 - f_f
// behind; integrated over the solid (z >= 0) it gives Q = eta V I.

#include "solver/base/number_pattern.h"
#include "solver/base/parameter_section.h"
#include "sources/heat_source.h"
#include "sources/source_registry.h"

#include <cmath>

namespace ebweld
{
  class GoldakSource final : public HeatSource
  {
  public:
    GoldakSource(const ParameterSection &section, const BeamContext &beam, const double efficiency)
        : absorbed_power_W_(efficiency * beam.beam_power_W())
        , efficiency_(efficiency)
        , front_m_(section.number("Front semi-axis (um)") * 1e-6)
        , rear_m_(section.number("Rear semi-axis (um)") * 1e-6)
        , half_width_m_(section.number("Half-width (um)") * 1e-6)
        , depth_m_(section.number("Depth (um)") * 1e-6)
        , front_fraction_(section.number("Front fraction"))
    {
    }

    std::string name() const override { return "Goldak double ellipsoid"; }
    double      absorbed_power_W() const override { return absorbed_power_W_; }

    void add_volumetric_density(const std::vector<dealii::Point<3>> &points,
                                std::vector<double>                 &density) const override
    {
      const double norm = 6. * std::sqrt(3.) * absorbed_power_W_ /
                          (half_width_m_ * depth_m_ * M_PI * std::sqrt(M_PI));
      for (std::size_t i = 0; i < points.size(); ++i)
        {
          const auto  &p        = points[i];
          const bool   ahead    = p[0] >= 0.;
          const double a        = ahead ? front_m_ : rear_m_;
          const double fraction = ahead ? front_fraction_ : 2. - front_fraction_;
          if (p[2] < 0.)
            continue;
          density[i] += norm * fraction / a *
                        std::exp(-3. * (p[0] * p[0] / (a * a) +
                                        p[1] * p[1] / (half_width_m_ * half_width_m_) +
                                        p[2] * p[2] / (depth_m_ * depth_m_)));
        }
    }

    dealii::BoundingBox<3> support_box_m() const override
    {
      const double s = std::sqrt(std::log(1e12) / 3.); // exp(-3 s^2) = 1e-12
      return dealii::BoundingBox<3>(
          {dealii::Point<3>(-s * rear_m_, -s * half_width_m_, 0.),
           dealii::Point<3>(s * front_m_, s * half_width_m_, s * depth_m_)});
    }

    dealii::Tensor<1, 3> feature_length_m() const override
    {
      dealii::Tensor<1, 3> length;
      length[0] = std::min(front_m_, rear_m_) / 2.;
      length[1] = half_width_m_ / 2.;
      length[2] = depth_m_ / 2.;
      return length;
    }

    nlohmann::ordered_json describe() const override
    {
      return {{"model", name()},
              {"efficiency", efficiency_},
              {"absorbed_power_W", absorbed_power_W_},
              {"front_semi_axis_m", front_m_},
              {"rear_semi_axis_m", rear_m_},
              {"half_width_m", half_width_m_},
              {"depth_m", depth_m_},
              {"front_fraction", front_fraction_}};
    }

    static void declare_parameters(dealii::ParameterHandler &prm)
    {
      prm.declare_entry("Front semi-axis (um)", "5", NumberPattern::in_range(1e-3, 1e5),
                        "Semi-axis a_f ahead of the beam [um], in [0.001, 1e5].");
      prm.declare_entry("Rear semi-axis (um)", "20", NumberPattern::in_range(1e-3, 1e5),
                        "Semi-axis a_r behind the beam [um], in [0.001, 1e5].");
      prm.declare_entry("Half-width (um)", "5", NumberPattern::in_range(1e-3, 1e5),
                        "Semi-axis b across the weld [um], in [0.001, 1e5].");
      prm.declare_entry("Depth (um)", "5", NumberPattern::in_range(1e-3, 1e5),
                        "Semi-axis c into the depth [um], in [0.001, 1e5].");
      prm.declare_entry("Front fraction", "0.6", NumberPattern::in_range(0., 2.),
                        "Fraction f_f of the front ellipsoid [-], in [0, 2]; "
                        "the rear one gets 2 - f_f.");
    }

  private:
    double absorbed_power_W_;
    double efficiency_;
    double front_m_;
    double rear_m_;
    double half_width_m_;
    double depth_m_;
    double front_fraction_;
  };

  EBWELD_REGISTER_HEAT_SOURCE(GoldakSource, "Goldak double ellipsoid",
                              "volumetric double-ellipsoid source (arc, macro EBW)")
} // namespace ebweld
