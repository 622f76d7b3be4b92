// Neck growth (docs/PHYSICS.md 5.1): isothermal integration reproduces each
// closed-form power law (exponent and prefactor), the rate follows the
// Arrhenius factor, a ramp matches the integrated rate, and the
// volume-conserving geometry shrinks the centre distance monotonically.

#include "materials/nano/neck_geometry.h"
#include "materials/nano/neck_growth.h"
#include "materials/nano/physical_constants.h"
#include "tests/common/submodel_fixture.h"

#include <boost/math/quadrature/gauss_kronrod.hpp>

#include <cmath>

using namespace ebweld;
using namespace ebweld::testing;
using Mechanism = NeckGrowth::Mechanism;

namespace
{
  const std::vector<std::pair<std::string, Mechanism>> mechanisms = {
      {"surface diffusion", Mechanism::surface_diffusion},
      {"grain-boundary diffusion", Mechanism::grain_boundary_diffusion},
      {"volume diffusion", Mechanism::volume_diffusion},
      {"viscous flow", Mechanism::viscous_flow}};

  std::unique_ptr<NeckGrowth> single_mechanism(const std::string &name,
                                               const bool         size_effect = false)
  {
    return make_submodel<NeckGrowth>(
        "neck growth", particles("Cu", 20e-9),
        {"Interface submodels/neck growth/Mechanisms=" + name,
         "Interface submodels/neck growth/Initial neck ratio=1e-6",
         "Interface submodels/neck growth/Size-dependent activation energy=" +
             std::string(size_effect ? "true" : "false")});
  }
} // namespace

BOOST_AUTO_TEST_CASE(isothermal_growth_follows_each_power_law)
{
  const double T = 700.;
  for (const auto &[name, mechanism] : mechanisms)
    {
      const auto         model = single_mechanism(name);
      const unsigned int n     = NeckGrowth::exponent(mechanism);
      const double       B     = model->power_law_rate(mechanism, T);
      // times at which the closed form gives x/a = 0.1 and 0.4
      const double t1 = std::pow(0.1, n) / B, t2 = std::pow(0.4, n) / B;
      const auto   result = model->evolve(isothermal(T, t2), {0., t1, t2});
      const double y1 = result.states[1][0], y2 = result.states[2][0];
      const double observed_exponent  = std::log(t2 / t1) / std::log(y2 / y1);
      const double observed_prefactor = std::pow(y2, n) / t2;
      BOOST_TEST_MESSAGE(name << ": n = " << observed_exponent << " (law " << n
                              << "), B = " << observed_prefactor << " 1/s (law " << B << ")");
      BOOST_TEST(observed_exponent == double(n), boost::test_tools::tolerance(1e-4));
      BOOST_TEST(observed_prefactor == B, boost::test_tools::tolerance(1e-4));
    }
}

BOOST_AUTO_TEST_CASE(prefactors_against_hand_computed_values)
{
  // Cu, a = 20 nm, grain-boundary diffusion at 700 K, bulk activation energy:
  // B = 96 gamma delta_b D_b Omega / (k_B T a^4)
  const double Omega = 63.55e-3 / (8960. * 6.02214076e23);
  const double dDb   = 5.12e-15 * std::exp(-105e3 / (8.314462618 * 700.));
  const double B     = 96. * 1.72 * dDb * Omega / (1.380649e-23 * 700. * std::pow(20e-9, 4));
  BOOST_TEST(single_mechanism("grain-boundary diffusion")
                     ->power_law_rate(Mechanism::grain_boundary_diffusion, 700.) == B,
             boost::test_tools::tolerance(1e-10));
  // viscous flow: B = 3 gamma / (2 eta a), eta = 1e-3 exp(150 kJ/mol / (R T))
  const double eta = 1e-3 * std::exp(150e3 / (8.314462618 * 700.));
  BOOST_TEST(single_mechanism("viscous flow")->power_law_rate(Mechanism::viscous_flow, 700.) ==
                 3. * 1.72 / (2. * eta * 20e-9),
             boost::test_tools::tolerance(1e-10));
}

BOOST_AUTO_TEST_CASE(rate_scales_with_the_arrhenius_factor)
{
  for (const bool size_effect : {false, true})
    for (const auto &[name, mechanism] : mechanisms)
      {
        if (mechanism == Mechanism::viscous_flow)
          continue;
        const auto   model = single_mechanism(name, size_effect);
        const double T1 = 600., T2 = 800.;
        // B ~ D(T) / T with D = D0 exp(-Q(a) / (R_g T))
        const double Q_bulk = mechanism == Mechanism::surface_diffusion          ? 205e3
                              : mechanism == Mechanism::grain_boundary_diffusion ? 105e3
                                                                                 : 207e3;
        const double Q      = model->activation_energy_J_per_mol(Q_bulk);
        const double expected =
            (T1 / T2) * std::exp(-Q / constants::gas_J_per_molK * (1. / T2 - 1. / T1));
        BOOST_TEST(model->power_law_rate(mechanism, T2) / model->power_law_rate(mechanism, T1) ==
                       expected,
                   boost::test_tools::tolerance(1e-10));
        BOOST_TEST((size_effect ? Q < Q_bulk : Q == Q_bulk)); // a 20 nm particle: lower Q
      }
}

BOOST_AUTO_TEST_CASE(ramp_matches_the_integrated_rate)
{
  // one mechanism: y^n = y0^n + int B(T(t)) dt exactly, for any T(t)
  const auto     model = single_mechanism("grain-boundary diffusion");
  const double   T0 = 350., T1 = 500., duration = 1.;
  ThermalHistory ramp({0., duration}, {T0, T1}, "ramp");
  const double   integral = boost::math::quadrature::gauss_kronrod<double, 61>::integrate(
      [&](const double t) {
        return model->power_law_rate(Mechanism::grain_boundary_diffusion, ramp.temperature_K(t));
      },
      0., duration, 15, 1e-12);
  const auto result = model->evolve(ramp, {0., duration});
  BOOST_TEST_MESSAGE("ramp: x/a = " << result.states[1][0] << ", closed form "
                                    << std::pow(std::pow(1e-6, 6) + integral, 1. / 6.));
  BOOST_REQUIRE(std::pow(integral, 1. / 6.) < 0.8);
  BOOST_TEST(result.states[1][0] == std::pow(std::pow(1e-6, 6) + integral, 1. / 6.),
             boost::test_tools::tolerance(1e-5));
}

BOOST_AUTO_TEST_CASE(centre_distance_shrinks_as_the_neck_grows)
{
  double previous = centre_distance_ratio(0.);
  BOOST_TEST(previous == 1.);
  for (double y = 0.02; y < 0.99; y += 0.02)
    {
      const double h = centre_distance_ratio(y);
      BOOST_TEST(h < previous);
      // the neck holds exactly the volume of the overlapping caps
      BOOST_TEST(neck_collar_volume_m3(1., h, y) == overlap_lens_volume_m3(1., h),
                 boost::test_tools::tolerance(1e-8));
      previous = h;
    }
  // small necks: the caps are small, h -> 1
  BOOST_TEST(centre_distance_ratio(0.01) > 0.9999);
  // the reported density follows rho0 (a/h)^3 along a growth history
  const auto model  = single_mechanism("grain-boundary diffusion");
  const auto hold   = isothermal(650., 1.);
  const auto result = model->evolve(hold, hold.output_times(0.01));
  for (std::size_t i = 1; i < result.states.size(); ++i)
    {
      BOOST_TEST(result.states[i][0] >= result.states[i - 1][0]);
      BOOST_TEST(result.states[i][2] >= result.states[i - 1][2]);
    }
}

BOOST_AUTO_TEST_CASE(particles_melt_above_their_size_dependent_melting_point)
{
  const auto   model = single_mechanism("surface diffusion", true);
  const double T_m   = model->particle_melting_point_K();
  BOOST_TEST(T_m < 1358.);
  BOOST_TEST(T_m > 1200.);
  const auto result = model->evolve(
      ThermalHistory({0., 1e-6, 2e-6}, {300., T_m + 50., 300.}, "pulse"), {0., 1e-6, 2e-6});
  BOOST_TEST(result.states[2][3] == 1.); // melted
  BOOST_TEST(result.states[2][2] == 1.); // fully dense
}

BOOST_AUTO_TEST_CASE(a_history_reaching_the_largest_times_stays_finite)
{
  // a table time near 1e308 once gave (600 - 300) K x 1e306 s = inf
  const ThermalHistory history({0., 1e308}, {300., 600.}, "table");
  BOOST_TEST(history.temperature_K(1e306) == 303., boost::test_tools::tolerance(1e-12));
  BOOST_TEST(history.temperature_K(5e307) == 450., boost::test_tools::tolerance(1e-12));
}
