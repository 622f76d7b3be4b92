// Kanaya-Okayama volumetric electron-beam source (docs/PHYSICS.md 2.1):
// q = eta_h V I G(r) f_KO(z) with a selectable depth profile.

#include "solver/base/parameter_section.h"
#include "sources/diffusion_sphere_profile.h"
#include "sources/ko_transmission_profile.h"
#include "sources/radial_beam_source.h"
#include "sources/source_registry.h"
#include "sources/tabulated_depth_profile.h"

namespace ebweld
{
  namespace
  {
    std::unique_ptr<DepthProfile> make_profile(const ParameterSection &section,
                                               const BeamContext      &beam)
    {
      const std::string kind = section.text("Depth profile");
      if (kind == "sphere")
        return std::make_unique<DiffusionSphereProfile>(beam.electron_range_m,
                                                        beam.sphere_centre_fraction);
      if (kind == "table")
        return std::make_unique<TabulatedDepthProfile>(section.text("Depth-dose file"),
                                                       section.path("Depth-dose file"));
      return std::make_unique<KOTransmissionProfile>(beam.electron_range_m, beam.ko_gamma);
    }
  } // namespace

  class KanayaOkayamaSource final : public RadialBeamSource
  {
  public:
    KanayaOkayamaSource(const ParameterSection &section, const BeamContext &beam,
                        const double efficiency)
        : RadialBeamSource(beam, efficiency, make_profile(section, beam))
    {
    }

    std::string name() const override { return "Kanaya-Okayama"; }

    static void declare_parameters(dealii::ParameterHandler &prm)
    {
      prm.declare_entry("Depth profile", "transmission",
                        dealii::Patterns::Selection("transmission|sphere|table"),
                        "Depth profile f(z): 'transmission' (KO transmitted energy flux, "
                        "default), 'sphere' (uniform diffusion sphere centred at x_c = "
                        "f R, f = Beam/Diffusion sphere centre fraction), 'table' (read "
                        "from Depth-dose file).");
      prm.declare_entry("Depth-dose file", "", dealii::Patterns::Anything(),
                        "For Depth profile = table: file of lines "
                        "'depth_um, relative_dose' (e.g. a Monte Carlo "
                        "export), normalised on load.");
    }
  };

  EBWELD_REGISTER_HEAT_SOURCE(KanayaOkayamaSource, "Kanaya-Okayama",
                              "volumetric EB source, Gaussian in r, KO depth profile")
} // namespace ebweld
