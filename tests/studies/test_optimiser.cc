// Process optimisation (issue 3):
//  - the grid-bracketed Brent minimiser finds known minima of smooth
//    functions, and leaves a minimum at the grid edge unrefined;
//  - the current reported for the target depth, re-solved as an ordinary
//    case, gives the target melt depth within 1 %;
//  - reusing the operator and preconditioner gives the same answers as
//    re-assembling (relative difference below 1e-8);
//  - with automatic extents the melt pool of the target depth fits the
//    domain: at Pe 316 on the mesh sized for the input's current, at
//    Pe 1000 (eight times the power) after one re-solve on a longer mesh.

#include "solver/base/input_error.h"
#include "solver/studies/grid_minimiser.h"
#include "solver/studies/optimisation.h"
#include "solver/studies/study_plan.h"
#include "tests/common/case_fixture.h"

#include <boost/test/unit_test.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>

using namespace ebweld;

namespace
{
  std::vector<double> grid_values(const std::vector<double>           &grid,
                                  const std::function<double(double)> &f)
  {
    std::vector<double> v;
    for (const double x : grid)
      v.push_back(f(x));
    return v;
  }

  const std::vector<std::string> mesh_overrides = {"Mesh/Cells per beam diameter=8",
                                                   "Mesh/Cells per deposition depth=8",
                                                   "Mesh/Length behind beam (um)=80",
                                                   "Mesh/Length ahead of beam (um)=22",
                                                   "Mesh/Half-width (um)=40",
                                                   "Mesh/Depth (um)=30",
                                                   "Linear solver/Relative tolerance=1e-12"};

  OptimisationSettings settings(const bool reuse)
  {
    OptimisationSettings s;
    s.target_depth_m = 2.5e-6;
    s.peclet_numbers = {100.};
    s.ratios         = {1.5, 2., 3.};
    s.reuse_operator = reuse;
    return s;
  }
} // namespace

BOOST_AUTO_TEST_CASE(minimiser_finds_known_minima)
{
  const std::vector<double> grid = {0.5, 0.9375, 1.375, 1.8125, 2.25, 2.6875, 3.125, 3.5625, 4.};
  const auto                quadratic = [](double x) { return (x - 1.7) * (x - 1.7) + 0.3; };
  const auto                m1 = minimise_on_grid(quadratic, grid, grid_values(grid, quadratic));
  BOOST_TEST(m1.refined);
  BOOST_TEST(m1.argument == 1.7, boost::test_tools::tolerance(1e-4));
  BOOST_TEST(m1.value == 0.3, boost::test_tools::tolerance(1e-8));

  // x + 2/x: minimum 2 sqrt(2) at sqrt(2), not symmetric about it
  const auto skewed = [](double x) { return x + 2. / x; };
  const auto m2     = minimise_on_grid(skewed, grid, grid_values(grid, skewed));
  BOOST_TEST(m2.argument == std::sqrt(2.), boost::test_tools::tolerance(1e-4));

  // a minimum at the edge of the grid is reported as such
  const auto rising = [](double x) { return x; };
  const auto m3     = minimise_on_grid(rising, grid, grid_values(grid, rising));
  BOOST_TEST(!m3.refined);
  BOOST_TEST(m3.argument == 0.5);
}

namespace
{
  /// The default case with `base` overrides, then the sweep's own.
  CaseReader reader(const std::vector<std::string> &base)
  {
    return [base](const std::vector<std::string> &extra) {
      std::vector<std::string> overrides = base;
      overrides.insert(overrides.end(), extra.begin(), extra.end());
      return testing::make_setup(overrides);
    };
  }
} // namespace

BOOST_AUTO_TEST_CASE(grid_axis_specifications)
{
  BOOST_TEST(grid_axis_values("linear(0.5, 4, 9)", "x").size() == 9u);
  BOOST_TEST(std::stod(grid_axis_values("log(0.1, 1000, 5)", "x")[2]) == 10.,
             boost::test_tools::tolerance(1e-9));
  BOOST_CHECK_THROW(grid_axis_values("log(0, 10, 3)", "x"), InputError);
  BOOST_CHECK_THROW(grid_axis_values("linear(1, 2)", "x"), InputError);
}

BOOST_AUTO_TEST_CASE(reported_current_reproduces_target_depth)
{
  PecletSweep sweep(reader(mesh_overrides), settings(true), 100., MPI_COMM_WORLD);
  const auto  p = sweep.evaluate(2.);
  BOOST_TEST(p.status == "ok");
  BOOST_TEST(p.melt_depth_m == 2.5e-6, boost::test_tools::tolerance(1e-6));

  // re-solve as an ordinary case at the reported V, I and U
  std::vector<std::string> overrides = mesh_overrides;
  overrides.push_back("Beam/Voltage (kV)=" + testing::number(p.voltage_V * 1e-3));
  overrides.push_back("Beam/Current (A)=" + testing::number(p.current_A));
  overrides.push_back("Mesh/Depth cell size (um)=" + testing::number(2.5 / 8));
  const auto setup   = testing::make_setup(overrides);
  const auto summary = testing::summarise_quietly(*setup, MPI_COMM_WORLD);
  BOOST_TEST_MESSAGE("V " << p.voltage_V << " V, I " << p.current_A << " A: re-solved melt depth "
                          << summary["melt_depth_m"]);
  BOOST_TEST(summary["melt_depth_m"].get<double>() == 2.5e-6, boost::test_tools::tolerance(0.01));
}

BOOST_AUTO_TEST_CASE(operator_reuse_matches_reassembly)
{
  PecletSweep reused(reader(mesh_overrides), settings(true), 100., MPI_COMM_WORLD);
  PecletSweep rebuilt(reader(mesh_overrides), settings(false), 100., MPI_COMM_WORLD);
  for (const double ratio : {1.5, 3.})
    {
      const auto a = reused.evaluate(ratio);
      const auto b = rebuilt.evaluate(ratio);
      BOOST_TEST(a.current_A == b.current_A, boost::test_tools::tolerance(1e-8));
      BOOST_TEST(a.peak_surface_temperature_K == b.peak_surface_temperature_K,
                 boost::test_tools::tolerance(1e-8));
    }
}

BOOST_AUTO_TEST_CASE(melt_pool_fits_the_automatic_domain)
{
  const std::vector<std::string> coarse = {"Mesh/Cells per beam diameter=8",
                                           "Mesh/Cells per deposition depth=8"};
  OptimisationSettings           s      = settings(true);
  s.ratios                              = {2.};
  PecletSweep fits(reader(coarse), s, 316.2, MPI_COMM_WORLD);
  const auto  p316 = fits.evaluate(2.);
  BOOST_TEST_MESSAGE("Pe 316: " << fits.n_dofs() << " DoFs, note '" << p316.note << "'");
  BOOST_TEST(p316.status == "ok");
  BOOST_TEST(p316.note.empty());

  PecletSweep lengthened(reader(coarse), s, 1000., MPI_COMM_WORLD);
  const auto  p1000 = lengthened.evaluate(2.);
  BOOST_TEST_MESSAGE("Pe 1000: " << lengthened.n_dofs() << " DoFs, note '" << p1000.note << "'");
  BOOST_TEST(p1000.status == "ok");
  BOOST_TEST(p1000.note.rfind("re-solved on a mesh lengthened", 0) == 0u);
  BOOST_TEST(p1000.melt_depth_m == 2.5e-6, boost::test_tools::tolerance(0.01));
}
