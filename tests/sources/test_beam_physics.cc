// Beam-matter physics of docs/PHYSICS.md 2.1 against hand-computed values:
// Kanaya-Okayama range, gamma, diffusion-sphere heating efficiency, and the
// depth profiles' normalisation, cumulative energy and mean depth.

#include "solver/base/input_error.h"
#include "sources/diffusion_sphere_profile.h"
#include "sources/electron_range.h"
#include "sources/exponential_depth_profile.h"
#include "sources/ko_transmission_profile.h"
#include "sources/tabulated_depth_profile.h"

#include <boost/math/quadrature/gauss_kronrod.hpp>
#include <boost/test/unit_test.hpp>

#include <cmath>
#include <cstdio>
#include <fstream>

using namespace ebweld;

namespace
{
  // Si (docs/PHYSICS.md 4)
  constexpr double Z_si = 14, A_si = 28.09, rho_si = 2330;

  double integral(const DepthProfile &f, double from, double to)
  {
    return boost::math::quadrature::gauss_kronrod<double, 61>::integrate(
        [&](double z) { return f.value(z); }, from, to, 15, 1e-13);
  }

  std::string write_table(const std::string &name, const std::string &content)
  {
    const std::string path = "/tmp/ebweld_test_" + name + ".csv";
    std::ofstream(path) << content;
    return path;
  }
} // namespace

BOOST_AUTO_TEST_CASE(kanaya_okayama_range_silicon_20kV)
{
  // 0.0276 * 28.09 * 20^1.67 / (14^0.889 * 2.33) um, by hand: 4.7415 um
  const double R = kanaya_okayama_range_m(20e3, Z_si, A_si, rho_si, false);
  BOOST_TEST(R * 1e6 == 4.74151544, boost::test_tools::tolerance(1e-8));
  // inverse
  BOOST_TEST(voltage_for_range_V(R, Z_si, A_si, rho_si, false) == 20e3,
             boost::test_tools::tolerance(1e-9));
}

BOOST_AUTO_TEST_CASE(relativistic_range_gold_100kV)
{
  // 2.76e-11 A E^(5/3) / (rho Z^(8/9)) (1 + 0.978e-6 E)^(5/3) / (1 + 1.957e-6 E)^(4/3) cm
  const double R = kanaya_okayama_range_m(100e3, 79, 196.97, 19300, true);
  BOOST_TEST(R * 1e6 == 11.49073899, boost::test_tools::tolerance(1e-8));
  // the relativistic correction shortens the range at 100 kV
  BOOST_TEST(R < kanaya_okayama_range_m(100e3, 79, 196.97, 19300, false));
}

BOOST_AUTO_TEST_CASE(heating_efficiency_from_diffusion_sphere)
{
  BOOST_TEST(kanaya_okayama_gamma(14) == 1.0862429, boost::test_tools::tolerance(1e-7));
  // docs/PHYSICS.md: eta_h = 0.995 for Si
  BOOST_TEST(sphere_heating_efficiency(default_sphere_centre_fraction(14)) == 0.99539737,
             boost::test_tools::tolerance(1e-7));
  // Au: gamma = 3.4429, cap of height 0.550 R above the surface: eta = 0.7117
  BOOST_TEST(sphere_heating_efficiency(default_sphere_centre_fraction(79)) == 0.71171287,
             boost::test_tools::tolerance(1e-7));
  // a sphere entirely below the surface loses nothing
  BOOST_TEST(sphere_heating_efficiency(0.6) == 1.0);
}

BOOST_AUTO_TEST_CASE(ko_transmission_profile_is_minus_dF_ds)
{
  const double                R = 4.7e-6, gamma = kanaya_okayama_gamma(14);
  const KOTransmissionProfile f(R, gamma);
  BOOST_TEST(integral(f, 0., R) == 1., boost::test_tools::tolerance(1e-10));
  // the energy deposited above z is F(0) - F(z/R) = 1 - exp(-g s/(1-s)) (1-s)^(3/5)
  for (const double s : {0.1, 0.3, 0.5, 0.8})
    {
      const double F = std::exp(-gamma * s / (1. - s)) * std::pow(1. - s, 0.6);
      BOOST_TEST(integral(f, 0., s * R) == 1. - F, boost::test_tools::tolerance(1e-10));
      BOOST_TEST(f.deposited_above(s * R) == integral(f, 0., s * R),
                 boost::test_tools::tolerance(1e-10));
    }
  // the mesh keeps fine cells down to the depth holding 99.9 % of the power
  BOOST_TEST(integral(f, 0., f.bulk_depth_m()) == 0.999, boost::test_tools::tolerance(1e-8));
  BOOST_TEST(f.value(-1e-9) == 0.);
  BOOST_TEST(f.value(R) == 0.);
  // f(0) = (3/5 + gamma) / R
  BOOST_TEST(f.value(0.) * R == 0.6 + gamma, boost::test_tools::tolerance(1e-12));
}

BOOST_AUTO_TEST_CASE(diffusion_sphere_profile)
{
  const double R = 2e-6;
  // Au: the sphere pokes out of the surface; the profile is normalised
  // over z >= 0
  const DiffusionSphereProfile f(R, default_sphere_centre_fraction(79));
  BOOST_TEST(integral(f, 0., R) == 1., boost::test_tools::tolerance(1e-10));
  BOOST_TEST(f.max_depth_m() == R, boost::test_tools::tolerance(1e-12));
  // a sphere fully below the surface is symmetric: mean depth at its centre
  BOOST_TEST(f.deposited_above(f.bulk_depth_m()) == 0.999, boost::test_tools::tolerance(1e-7));
  const DiffusionSphereProfile g(R, 0.6);
  BOOST_TEST(g.mean_depth_m() == 0.6 * R, boost::test_tools::tolerance(1e-9));
}

BOOST_AUTO_TEST_CASE(exponential_profile_mean_is_delta)
{
  const ExponentialDepthProfile f(1.5e-6);
  BOOST_TEST(integral(f, 0., f.max_depth_m()) == 1., boost::test_tools::tolerance(1e-10));
  BOOST_TEST(f.DepthProfile::mean_depth_m() == 1.5e-6, boost::test_tools::tolerance(1e-9));
}

BOOST_AUTO_TEST_CASE(tabulated_profile_normalises_and_rejects_bad_tables)
{
  // triangle from 0 to 2 um with peak 3 at 1 um: area 3 um -> normalised
  const TabulatedDepthProfile f(write_table("good", "depth_um,dose\n0,0\n1,3\n2,0\n"), "file");
  BOOST_TEST(integral(f, 0., 2e-6) == 1., boost::test_tools::tolerance(1e-9));
  BOOST_TEST(f.mean_depth_m() == 1e-6, boost::test_tools::tolerance(1e-12));
  BOOST_TEST(f.value(1e-6) == 1e6, boost::test_tools::tolerance(1e-12));

  BOOST_CHECK_THROW(TabulatedDepthProfile(write_table("neg", "-1,1\n0,2\n"), "file"), InputError);
  BOOST_CHECK_THROW(TabulatedDepthProfile(write_table("order", "0,1\n2,2\n1,2\n"), "file"),
                    InputError);
  BOOST_CHECK_THROW(TabulatedDepthProfile(write_table("dose", "0,1\n1,-2\n"), "file"), InputError);
  BOOST_CHECK_THROW(TabulatedDepthProfile("/nonexistent/table.csv", "file"), InputError);
}
