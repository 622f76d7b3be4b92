// The default case (Si, Kanaya-Okayama, Pe = 100, about 2.5 um deep):
//  - energy balance: the absorbed power leaves through the boundaries
//    within 1 %;
//  - the one-solve target-depth current (linearity, PHYSICS.md 1),
//    re-solved, gives the target melt depth within 1 %;
//  - the distributed solve equals a serial solve of the same case (relative
//    difference of melt depth and peak temperature below 1e-6).

#include "case_fixture.h"

#include <deal.II/base/mpi.h>

#include <boost/test/unit_test.hpp>

using namespace ebweld;

BOOST_AUTO_TEST_CASE(energy_balance_and_target_depth_current)
{
  const auto setup   = testing::make_setup({"Beam/Target melt depth (um)=2.5"});
  const auto summary = testing::summarise_quietly(*setup, MPI_COMM_WORLD);
  BOOST_TEST_MESSAGE("default case: " << summary.dump());
  BOOST_TEST(summary["melted"].get<bool>());
  BOOST_TEST(summary["melt_depth_m"].get<double>() == 2.5e-6, boost::test_tools::tolerance(0.05));
  BOOST_TEST(summary["energy_balance_relative_error"].get<double>() < 0.01);
  BOOST_TEST(summary["deposited_power_W"].get<double>() ==
               summary["absorbed_power_W"].get<double>(),
             boost::test_tools::tolerance(5e-3));

  const double current = summary["current_for_target_depth_A"].get<double>();
  const auto   resolve = testing::make_setup({"Beam/Current (A)=" + testing::number(current)});
  const auto   check   = testing::summarise_quietly(*resolve, MPI_COMM_WORLD);
  BOOST_TEST_MESSAGE("re-solved at " << current << " A: melt depth " << check["melt_depth_m"]);
  BOOST_TEST(check["melt_depth_m"].get<double>() == 2.5e-6, boost::test_tools::tolerance(0.01));
}

BOOST_AUTO_TEST_CASE(distributed_solve_equals_serial_solve)
{
  const auto setup    = testing::make_setup({});
  const auto parallel = testing::summarise_quietly(*setup, MPI_COMM_WORLD);
  const auto serial   = testing::summarise_quietly(*setup, MPI_COMM_SELF);
  for (const char *key : {"melt_depth_m", "peak_temperature_K", "melt_half_width_m", "melt_length_m"})
    {
      BOOST_TEST_MESSAGE(key << ": " << parallel[key] << " on " << parallel["mpi_ranks"]
                             << " rank(s), " << serial[key] << " on 1");
      BOOST_TEST(parallel[key].get<double>() == serial[key].get<double>(),
                 boost::test_tools::tolerance(1e-6));
    }
}
