// The temperature-dependent solve (docs/PHYSICS.md 6) against what it must
// reproduce exactly or in a limit:
// - constant properties: the linear solution, without a Newton step;
// - constant diffusivity k / (rho c_p), no latent heat: the Kirchhoff
//   transform of the linear solution, T = Phi^-1(k0 theta_lin) (6.6);
// - no conduction, with latent heat: the enthalpy follows the integrated
//   source along the centreline and T its inverse (6.5);
// - Newton's convergence is quadratic on real silicon, and at Pe 10 near
//   the first melt it converges without continuation (the AMG floor of
//   kirchhoff_jacobian.cc);
// - evaporation keeps the energy balance and saturates the surface
//   temperature while the constant-property one grows linearly;
// - the target-depth current of the root find, re-solved, gives the
//   target depth;
// - the melt depth converges under mesh refinement.

#include "solver/post/field_probes.h"
#include "sources/ko_transmission_profile.h"
#include "tests/common/case_fixture.h"

#include <deal.II/base/mpi.h>

#include <boost/test/unit_test.hpp>

#include <cmath>
#include <fstream>

using namespace ebweld;

namespace
{
  /// A coarse mesh: the equations, not the resolution, are under test.
  const std::vector<std::string> coarse = {"Mesh/Cells per beam diameter=8",
                                           "Mesh/Cells per deposition depth=8",
                                           "Output/Write fields=false"};

  /// Writes a property file (one per rank: ranks may not share a path
  /// while one writes it) and returns the overrides of a custom material
  /// "Test" that uses it, with the temperature-dependent model on.
  std::vector<std::string> custom_material(const std::string &name, const std::string &rows)
  {
    const auto path = "/tmp/ebweld_test_" + name + "_" +
                      std::to_string(dealii::Utilities::MPI::this_mpi_process(MPI_COMM_WORLD)) +
                      ".csv";
    std::ofstream(path) << rows;
    std::vector<std::string> overrides = {"Material/Name=Test",
                                          "Material/Custom/Name=Test",
                                          "Material/Custom/Property file=" + path,
                                          "Material/Custom/Atomic number=14",
                                          "Material/Custom/Atomic mass (g/mol)=28.09",
                                          "Material/Custom/Boiling temperature (K)=3538",
                                          "Material/Temperature-dependent properties=true"};
    overrides.insert(overrides.end(), coarse.begin(), coarse.end());
    return overrides;
  }

  std::vector<std::string> with(std::vector<std::string>        overrides,
                                const std::vector<std::string> &more)
  {
    overrides.insert(overrides.end(), more.begin(), more.end());
    return overrides;
  }

  double max_over_ranks(const double value)
  {
    return dealii::Utilities::MPI::max(value, MPI_COMM_WORLD);
  }

  const std::string silicon_constants = "k_solid_W_per_mK,148\n"
                                        "cp_solid_J_per_kgK,712\n"
                                        "rho_solid_kg_per_m3,2330\n"
                                        "solidus_K,1687\n"
                                        "liquidus_K,1687\n";
} // namespace

BOOST_AUTO_TEST_CASE(constant_properties_give_the_linear_solution)
{
  const auto nonlinear_overrides = custom_material("constant", silicon_constants);
  const auto nonlinear           = testing::make_setup(nonlinear_overrides);
  const auto linear              = testing::make_setup(
                   with(nonlinear_overrides, {"Material/Temperature-dependent properties=false"}));
  const auto a = testing::solve_quietly(*nonlinear, MPI_COMM_WORLD);
  const auto b = testing::solve_quietly(*linear, MPI_COMM_WORLD);
  BOOST_REQUIRE(a.problem->nonlinear());
  BOOST_TEST(a.problem->nonlinear()->newton_iterations <= 1u);
  const auto rise_nl = a.problem->owned_rise(), rise_lin = b.problem->owned_rise();
  BOOST_REQUIRE(rise_nl.size() == rise_lin.size());
  double difference = 0., peak = 0.;
  for (std::size_t i = 0; i < rise_nl.size(); ++i)
    {
      difference = std::max(difference, std::abs(rise_nl[i] - rise_lin[i]));
      peak       = std::max(peak, std::abs(rise_lin[i]));
    }
  const double relative = max_over_ranks(difference) / max_over_ranks(peak);
  BOOST_TEST_MESSAGE("constant properties: max |T_nonlinear - T_linear| / max theta = "
                     << relative << ", Newton iterations "
                     << a.problem->nonlinear()->newton_iterations);
  BOOST_TEST(relative < 1e-10);
}

BOOST_AUTO_TEST_CASE(constant_diffusivity_is_the_kirchhoff_transform_of_the_linear_solution)
{
  // k = k0 (1 + beta (T - T0)) and c_p in proportion: alpha constant,
  // Phi(T) = k0 ((T - T0) + beta (T - T0)^2 / 2)
  const double k0 = 148., c0 = 712., beta = -2e-4, T0 = 300.;
  const auto   polynomial = [&](const double scale) {
    return std::to_string(scale * (1. - beta * T0)) + "," + std::to_string(scale * beta);
  };
  const std::string rows = "k_solid_W_per_mK,poly," + polynomial(k0) +
                           "\ncp_solid_J_per_kgK,poly," + polynomial(c0) +
                           "\nrho_solid_kg_per_m3,2330\nsolidus_K,1687\nliquidus_K,1687\n";
  // one domain for both (the automatic one follows the mean conductivity)
  const auto overrides =
      with(custom_material("kirchhoff", rows),
           {"Mesh/Length ahead of beam (um)=20", "Mesh/Length behind beam (um)=150",
            "Mesh/Half-width (um)=40", "Mesh/Depth (um)=30"});
  const auto nonlinear = testing::make_setup(overrides);
  const auto linear =
      testing::make_setup(with(overrides, {"Material/Temperature-dependent properties=false"}));
  const auto a       = testing::solve_quietly(*nonlinear, MPI_COMM_WORLD);
  const auto b       = testing::solve_quietly(*linear, MPI_COMM_WORLD);
  const auto rise_nl = a.problem->owned_rise(), rise_lin = b.problem->owned_rise();
  BOOST_REQUIRE(rise_nl.size() == rise_lin.size());
  double error = 0., peak = 0., peak_change = 0.;
  for (std::size_t i = 0; i < rise_nl.size(); ++i)
    {
      // Phi(T) = k0 theta_lin, solved for T - T0
      const double theta = (-1. + std::sqrt(1. + 2. * beta * rise_lin[i])) / beta;
      error              = std::max(error, std::abs(rise_nl[i] - theta));
      peak               = std::max(peak, theta);
      peak_change        = std::max(peak_change, std::abs(rise_nl[i] - rise_lin[i]));
    }
  const double relative = max_over_ranks(error) / max_over_ranks(peak);
  BOOST_TEST_MESSAGE("constant diffusivity: max |T - Phi^-1(k0 theta_lin)| / max theta = "
                     << relative << " (the nonlinearity moves T by up to "
                     << max_over_ranks(peak_change) << " K)");
  // the property tables are interpolated linearly on a 0.5 K grid
  BOOST_TEST(relative < 1e-5);
  BOOST_TEST(max_over_ranks(peak_change) > 100.); // the test is not trivial
}

BOOST_AUTO_TEST_CASE(without_conduction_the_enthalpy_follows_the_source)
{
  // k -> 0 with latent heat: rho0 U dh/dxi = -q, so on the centreline at
  // the surface h(T) = eta P f(0) sqrt(4 ln2 / pi) / (2 rho0 U d) erfc(2 sqrt(ln2) xi / d)
  const double      d = 10e-6, U = 9.65, rho = 2330., c = 712., L = 1.787e6, T0 = 300.;
  const std::string rows = "k_solid_W_per_mK,0.01\ncp_solid_J_per_kgK,712\n"
                           "rho_solid_kg_per_m3,2330\nsolidus_K,1687\nliquidus_K,1687\n"
                           "latent_heat_fusion_J_per_kg,1.787e6\n";
  const auto        overrides =
      with(custom_material("no_conduction", rows),
           {"Beam/Travel speed (m/s)=9.65", "Beam/Current (A)=0.0004",
            "Mesh/Length ahead of beam (um)=20", "Mesh/Length behind beam (um)=30",
            "Mesh/Half-width (um)=20", "Mesh/Depth (um)=8", "Mesh/Cells per beam diameter=10"});
  const auto                  setup = testing::make_setup(overrides);
  const KOTransmissionProfile f(setup->beam_context.electron_range_m, setup->beam_context.ko_gamma);
  const double                amplitude = setup->absorbed_power_W() * f.value(0.) *
                           std::sqrt(4. * std::log(2.) / M_PI) / (2. * rho * U * d);
  const auto &props     = *setup->material.thermal;
  double      smoothing = 0.; // the solve's (auto: from the mesh)
  // h(T) by its definition, inverted by bisection
  const auto enthalpy = [&](const double T) {
    return c * (T - T0) + L * props.liquid_fraction(T, smoothing);
  };
  const auto temperature_of = [&](const double h) {
    double low = T0, high = T0 + h / c + 1.;
    for (int i = 0; i < 200; ++i)
      (enthalpy(0.5 * (low + high)) < h ? low : high) = 0.5 * (low + high);
    return 0.5 * (low + high);
  };
  BOOST_TEST(2. * amplitude > 1.5 * L); // the line crosses the melting range

  const auto solved = testing::solve_quietly(*setup, MPI_COMM_WORLD);
  smoothing         = solved.problem->nonlinear()->melting_smoothing_K;
  BOOST_TEST_MESSAGE("no conduction: peak enthalpy " << 2. * amplitude << " J/kg, "
                                                     << "latent heat " << L << " J/kg, smoothing "
                                                     << smoothing << " K, peak T "
                                                     << temperature_of(2. * amplitude) << " K");
  const auto   line  = nodal_line(*solved.problem, 0, dealii::Point<3>(0., 0., 0.));
  const double peak  = temperature_of(2. * amplitude) - T0;
  double       worst = 0.;
  for (const auto &[xi, rise] : line)
    if (xi > -3. * d && xi < 2. * d)
      {
        const double h = amplitude * std::erfc(2. * std::sqrt(std::log(2.)) * xi / d);
        worst          = std::max(worst, std::abs(T0 + rise - temperature_of(h)) / peak);
      }
  BOOST_TEST_MESSAGE(
      "  largest deviation of T from the inverted enthalpy: " << worst << " of the peak rise");
  BOOST_TEST(worst < 0.02);
}

BOOST_AUTO_TEST_CASE(newton_converges_quadratically_on_silicon)
{
  const auto setup =
      testing::make_setup(with(coarse, {"Material/Temperature-dependent properties=true"}));
  const auto  solved = testing::solve_quietly(*setup, MPI_COMM_WORLD);
  const auto *state  = solved.problem->nonlinear();
  BOOST_REQUIRE(state);
  const auto &r = state->residual_history;
  std::string history;
  for (const double ratio : r)
    history += " " + std::to_string(ratio);
  BOOST_TEST_MESSAGE("silicon: Newton |R|/|F|:" << history);
  BOOST_TEST(state->newton_iterations <= 12u);
  BOOST_TEST(r.back() < setup->nonlinear_solver.relative_tolerance);
  // quadratic: once below 1e-2, each residual is at most ~ the square of the last
  bool quadratic_step = false;
  for (std::size_t k = 0; k + 1 < r.size(); ++k)
    if (r[k] < 1e-2 && r[k + 1] < 10. * r[k] * r[k])
      quadratic_step = true;
  BOOST_TEST(quadratic_step);
}

BOOST_AUTO_TEST_CASE(newton_converges_at_low_peclet_near_the_first_melt)
{
  // where the pool first appears at Pe 10 the Jacobian's diffusion nearly
  // vanishes in the melting range; without the floor on the AMG matrix's
  // du/dtheta_h its linear solves diverged here at every power level
  const auto summary = testing::summarise_quietly(
      *testing::make_setup(
          with(coarse, {"Material/Temperature-dependent properties=true", "Beam/Voltage (kV)=17.38",
                        "Beam/Current (A)=0.0006", "Beam/Peclet number=10"})),
      MPI_COMM_WORLD);
  BOOST_TEST_MESSAGE("Pe 10, first melt: " << summary["nonlinear_iterations"] << " Newton steps, "
                                           << summary["continuation_steps"] << " levels, "
                                           << summary["linear_iterations"] << " Krylov its");
  BOOST_TEST(int(summary["continuation_steps"]) == 1);
  BOOST_TEST(int(summary["nonlinear_iterations"]) <= 8);
  BOOST_TEST(double(summary["energy_balance_relative_error"]) < 0.01);
}

BOOST_AUTO_TEST_CASE(evaporation_saturates_the_surface_temperature)
{
  // silicon without latent heat and with evaporation; a wide Gaussian
  // surface source at Pe 10, at 1, 2 and 4 times a current that brings the
  // constant-property surface to about 1.2 T_b
  const std::string   rows      = silicon_constants + "boiling_temperature_K,3538\n"
                                                      "latent_heat_vaporisation_J_per_kg,1.278e7\n"
                                                      "molar_mass_kg_per_mol,0.028086\nemissivity,1\n";
  const auto          overrides = with(custom_material("evaporation", rows),
                                       {"Heat sources/Active=Gaussian surface", "Beam/Peclet number=10",
                                        "Beam/Diameter FWHM (um)=50"});
  const double        T_b       = 3538.;
  std::vector<double> surface_K, linear_surface_K;
  for (const double current_A : {0.0065, 0.013, 0.026})
    {
      const auto case_overrides =
          with(overrides, {"Beam/Current (A)=" + testing::number(current_A)});
      const auto nonlinear =
          testing::summarise_quietly(*testing::make_setup(case_overrides), MPI_COMM_WORLD);
      const auto linear = testing::summarise_quietly(
          *testing::make_setup(
              with(case_overrides, {"Material/Temperature-dependent properties=false"})),
          MPI_COMM_WORLD);
      surface_K.push_back(nonlinear["peak_surface_temperature_K"].get<double>());
      linear_surface_K.push_back(linear["peak_surface_temperature_K"].get<double>());
      const double balance    = nonlinear["energy_balance_relative_error"].get<double>();
      const double evaporated = nonlinear["evaporated_power_W"].get<double>() /
                                nonlinear["absorbed_power_W"].get<double>();
      BOOST_TEST_MESSAGE("I = " << current_A << " A: peak surface T " << surface_K.back()
                                << " K (constant properties " << linear_surface_K.back()
                                << " K), evaporated " << 100. * evaporated
                                << " % of the power, energy balance " << balance);
      BOOST_TEST(balance < 0.01);
      BOOST_TEST(evaporated > 0.);
    }
  // the constant-property rise doubles with the current (each doubling
  // adds twice the last increment); with evaporation, whose flux grows
  // exponentially with T, each doubling adds less than the last
  BOOST_TEST(linear_surface_K[2] > 4. * T_b);
  BOOST_TEST((surface_K[2] - surface_K[1]) < 0.8 * (surface_K[1] - surface_K[0]));
  BOOST_TEST(surface_K[2] < 2. * T_b);
  BOOST_TEST(surface_K[2] < 0.5 * linear_surface_K[2]);
}

BOOST_AUTO_TEST_CASE(target_depth_current_gives_the_target_depth)
{
  // real silicon at 8 mA melts 1.9 um deep; ask for 2.2 um
  const double target_um = 2.2;
  const auto   base =
      with(coarse, {"Material/Temperature-dependent properties=true", "Beam/Current (A)=0.008"});
  const auto search =
      testing::summarise_quietly(*testing::make_setup(with(base, {"Beam/Target melt depth (um)=" +
                                                                  testing::number(target_um)})),
                                 MPI_COMM_WORLD);
  BOOST_REQUIRE(search["current_for_target_depth_A"].is_number());
  const double current = search["current_for_target_depth_A"];
  BOOST_TEST_MESSAGE("target depth " << target_um << " um: " << current << " A after "
                                     << search["target_depth_search_solves"] << " solves");
  // the run itself still reports the input's current
  BOOST_TEST(double(search["melt_depth_m"]) < 0.95 * target_um * 1e-6);
  BOOST_TEST(current > 0.008);
  const auto again = testing::summarise_quietly(
      *testing::make_setup(with(base, {"Beam/Current (A)=" + testing::number(current)})),
      MPI_COMM_WORLD);
  BOOST_TEST(double(again["melt_depth_m"]) == target_um * 1e-6, boost::test_tools::tolerance(5e-3));
}

BOOST_AUTO_TEST_CASE(melt_depth_converges_under_mesh_refinement)
{
  // Ti-6Al-4V under a Gaussian surface source (cases/ti64_surface_evaporation)
  // with the melting range fixed, so that only the mesh changes
  std::vector<double> depths_m;
  for (const char *cells : {"4", "8", "16"})
    {
      const auto summary = testing::summarise_quietly(
          *testing::make_setup(
              {"Material/Name=Ti-6Al-4V", "Material/Temperature-dependent properties=true",
               "Material/Melting range smoothing (K)=100", "Beam/Voltage (kV)=60",
               "Beam/Current (A)=0.0006", "Beam/Diameter FWHM (um)=100",
               "Beam/Travel speed (m/s)=0.5", "Heat sources/Active=Gaussian surface",
               std::string("Mesh/Cells per beam diameter=") + cells,
               std::string("Mesh/Cells per deposition depth=") + cells}),
          MPI_COMM_WORLD);
      depths_m.push_back(summary["melt_depth_m"]);
      BOOST_TEST_MESSAGE(cells << " cells per diameter: " << summary["dofs"] << " DoFs, melt depth "
                               << depths_m.back() * 1e6 << " um");
    }
  const double coarse_change = std::abs(depths_m[1] - depths_m[0]);
  const double fine_change   = std::abs(depths_m[2] - depths_m[1]);
  // at least first order in h (halved each time), and settled to 0.5 %
  BOOST_TEST(fine_change < 0.5 * coarse_change);
  BOOST_TEST(fine_change < 5e-3 * depths_m[2]);
}
