// Exponential-decay volumetric electron-beam source (docs/PHYSICS.md 2.2):
// q = eta_h V I G(r) exp(-z/delta)/delta. By default delta is the mean
// deposition depth of the KO transmission profile at the same voltage, so
// that the two sources compare like for like.

#include "solver/base/number_pattern.h"
#include "solver/base/parameter_section.h"
#include "sources/exponential_depth_profile.h"
#include "sources/ko_transmission_profile.h"
#include "sources/radial_beam_source.h"
#include "sources/source_registry.h"

namespace ebweld
{
  namespace
  {
    double penetration_depth_m(const ParameterSection &section, const BeamContext &beam)
    {
      const auto given_um = section.auto_or_number("Penetration depth (um)");
      if (given_um)
        return *given_um * 1e-6;
      return KOTransmissionProfile(beam.electron_range_m, beam.ko_gamma).mean_depth_m();
    }
  } // namespace

  class ExponentialDecaySource final : public RadialBeamSource
  {
  public:
    ExponentialDecaySource(const ParameterSection &section, const BeamContext &beam,
                           const double efficiency)
        : RadialBeamSource(
              beam, efficiency,
              std::make_unique<ExponentialDepthProfile>(penetration_depth_m(section, beam)))
        , delta_over_range_(depth_profile().mean_depth_m() / beam.electron_range_m)
    {
    }

    std::string name() const override { return "Exponential decay"; }

    nlohmann::ordered_json describe() const override
    {
      auto d                               = RadialBeamSource::describe();
      d["penetration_depth_over_ko_range"] = delta_over_range_;
      return d;
    }

    static void declare_parameters(dealii::ParameterHandler &prm)
    {
      prm.declare_entry("Penetration depth (um)", "auto",
                        NumberPattern::in_range(1e-4, 1e5).or_keyword("auto"),
                        "Electron penetration variable delta [um], in [1e-4, 1e5]. 'auto': "
                        "the mean deposition depth of the Kanaya-Okayama "
                        "transmission profile at the beam voltage.");
    }

  private:
    double delta_over_range_;
  };

  EBWELD_REGISTER_HEAT_SOURCE(ExponentialDecaySource, "Exponential decay",
                              "volumetric EB source, Gaussian in r, exp(-z/delta) in depth")
} // namespace ebweld
