// No-conduction limit (docs/PHYSICS.md 3): as k -> 0 the material only carries
// the deposited heat downstream, rho c_p U dT/dxi = -q, so along y = 0 at
// the depth of peak deposition
//   T - T0 = eta P f(z) sqrt(4 ln2 / pi) / (2 rho c_p U d) erfc(2 sqrt(ln2) xi / d).
// Si with k = 0.1, 0.01, 0.001 W/m/K at U = 9.65 m/s (Pe = 1.6e3, 1.6e4,
// 1.6e5 with d = 10 um): the solution must approach the formula as k
// decreases, within 2 % (of the peak rise) at k = 0.01.

#include "solver/post/field_probes.h"
#include "sources/ko_transmission_profile.h"
#include "tests/common/case_fixture.h"

#include <boost/test/unit_test.hpp>

#include <cmath>

using namespace ebweld;

namespace
{
  constexpr double d = 10e-6, U = 9.65, rho_cp = 2330. * 712.;

  /// Largest deviation from the erfc formula on the surface centreline,
  /// relative to its peak, for conductivity k.
  double deviation_from_no_conduction_limit(const double k)
  {
    const auto setup = testing::make_setup(
        {"Material/Name=Si-low-k", "Material/Custom/Name=Si-low-k",
         "Material/Custom/Thermal conductivity (W/m/K)=" + std::to_string(k),
         "Material/Custom/Density (kg/m^3)=2330", "Material/Custom/Heat capacity (J/kg/K)=712",
         "Material/Custom/Melting temperature (K)=1687",
         "Material/Custom/Boiling temperature (K)=3538", "Material/Custom/Atomic number=14",
         "Material/Custom/Atomic mass (g/mol)=28.09", "Beam/Travel speed (m/s)=9.65",
         "Mesh/Length ahead of beam (um)=20", "Mesh/Length behind beam (um)=30",
         "Mesh/Half-width (um)=20", "Mesh/Depth (um)=8"});
    BOOST_TEST_MESSAGE("k = " << k << " W/m/K: Pe = " << setup->peclet_number());
    // KO transmission in Si deposits most at the surface: f decreases from z = 0
    const KOTransmissionProfile f(setup->beam_context.electron_range_m,
                                  setup->beam_context.ko_gamma);
    BOOST_TEST(f.value(0.) > f.value(0.01 * setup->beam_context.electron_range_m));

    const auto   solved    = testing::solve_quietly(*setup, MPI_COMM_WORLD);
    const auto   line      = nodal_line(*solved.problem, 0, dealii::Point<3>(0., 0., 0.));
    const double amplitude = setup->absorbed_power_W() * f.value(0.) *
                             std::sqrt(4. * std::log(2.) / M_PI) / (2. * rho_cp * U * d);
    double worst = 0.;
    for (const auto &[xi, rise] : line)
      if (xi > -3. * d && xi < 2. * d)
        {
          const double exact = amplitude * std::erfc(2. * std::sqrt(std::log(2.)) * xi / d);
          worst              = std::max(worst, std::abs(rise - exact) / (2. * amplitude));
        }
    BOOST_TEST_MESSAGE("  largest deviation from the erfc formula: " << worst);
    return worst;
  }
} // namespace

BOOST_AUTO_TEST_CASE(approaches_erfc_profile_as_conductivity_vanishes)
{
  const double e1 = deviation_from_no_conduction_limit(0.1);
  const double e2 = deviation_from_no_conduction_limit(0.01);
  const double e3 = deviation_from_no_conduction_limit(0.001);
  BOOST_TEST(e2 < 0.02);
  BOOST_TEST(e2 < e1);
  // at k = 0.001 conduction is negligible; the rest is discretisation error
  BOOST_TEST(e3 <= e2 + 1e-3);
}
