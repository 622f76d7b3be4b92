// Two-way coupling of the heat solve to the interface filler (docs/PHYSICS.md
// 5.6): a filler that conducts like the bulk leaves the solution unchanged;
// the fixed point of the shipped case converges and changes the weld; the
// streamline histories agree with the nodal field they are sampled from.

#include "solver/filler/interface_coupling.h"
#include "tests/common/case_fixture.h"

#include <boost/test/unit_test.hpp>

#include <cmath>

using namespace ebweld;
using namespace ebweld::testing;

namespace
{
  /// A coarser default mesh keeps the test quick; the physics is the same.
  /// The coupling solves with constant bulk properties.
  const std::vector<std::string> coarse = {"Mesh/Cells per beam diameter=10",
                                           "Mesh/Cells per deposition depth=10",
                                           "Material/Temperature-dependent properties=false"};

  nlohmann::ordered_json run_with_filler(std::vector<std::string> overrides,
                                         const std::string       &file = "")
  {
    overrides.insert(overrides.end(), coarse.begin(), coarse.end());
    dealii::ParameterHandler prm;
    read_input(prm, file, overrides);
    const CaseSetup setup(prm);
    const auto      filler = parse_filler(prm, setup.extents.depth_m, setup.extents.side_m);
    OutputOptions   options;
    options.write_fields = options.write_profiles = options.write_summary = false;
    std::ostream quiet(nullptr);
    return run_case(setup, MPI_COMM_WORLD, options, quiet, filler ? &*filler : nullptr);
  }
} // namespace

BOOST_AUTO_TEST_CASE(filler_conducting_like_the_bulk_changes_nothing)
{
  const auto plain = run_with_filler({});
  for (const std::string joint : {"butt", "lap"})
    {
      // Si particles whose bed conducts like solid Si (loose-bed ratio 1)
      const auto  coupled   = run_with_filler({"Interface filler/Joint=" + joint,
                                               "Interface filler/Particles/Material=Si",
                                               "Interface filler/Loose-bed conductivity ratio=1"});
      const auto &interface = coupled["interface"];
      BOOST_TEST(interface["converged"].get<bool>());
      BOOST_TEST(interface["coupling_iterations"].get<int>() == 2);
      for (const char *key : {"melt_depth_m", "peak_temperature_K", "melt_length_m"})
        BOOST_TEST(coupled[key].get<double>() == plain[key].get<double>(),
                   boost::test_tools::tolerance(1e-10));
      // across the interface (down a butt joint, sideways along a lap
      // joint) the streamlines get cooler
      double previous = 1e300;
      for (const auto &T : interface["peak_temperature_K"])
        {
          BOOST_TEST(T.get<double>() <= previous * (1. + 1e-12));
          previous = T.get<double>();
        }
      BOOST_TEST(interface["peak_temperature_K"].front().get<double>() <=
                 plain["peak_temperature_K"].get<double>());
    }
}

BOOST_AUTO_TEST_CASE(fixed_point_converges_on_the_shipped_case)
{
  const auto plain = run_with_filler({});
  const auto coupled =
      run_with_filler({}, EBWELD_SOURCE_DIR "/cases/nano_weld_coupled/coupled.prm");
  const auto &interface = coupled["interface"];
  const auto &history   = interface["iteration_history"];
  BOOST_TEST_MESSAGE("coupling: " << history.dump());
  BOOST_TEST(interface["converged"].get<bool>());
  BOOST_TEST(history.size() >= 3u);
  const auto &last = history.back();
  BOOST_TEST(last["depth_change"].get<double>() < 1e-3);
  BOOST_TEST(last["state_change"].get<double>() < 1e-3);
  // the changes shrink: a contraction, not a lucky stop
  BOOST_TEST(history[history.size() - 1]["depth_change"].get<double>() <
             history[1]["depth_change"].get<double>());
  // a loose, then sintered filler changes the weld measurably
  const double depth = coupled["melt_depth_m"], plain_depth = plain["melt_depth_m"];
  BOOST_TEST(std::abs(depth / plain_depth - 1.) > 0.01);
  // the filler melted at the surface is dense, and the sintered bed conducts
  // far better than the loose one it started as
  BOOST_TEST(interface["final_relative_density"].front().get<double>() == 1.);
  BOOST_TEST(interface["final_melted"].front().get<double>() == 1.);
  BOOST_TEST(last["mean_filler_conductivity_W_per_mK"].get<double>() >
             10. * history[0]["mean_filler_conductivity_W_per_mK"].get<double>());
  // the energy balance still holds with the varying conductivity
  BOOST_TEST(coupled["energy_balance_relative_error"].get<double>() < 1e-2);
}

BOOST_AUTO_TEST_CASE(streamline_histories_match_the_field)
{
  const auto coupled =
      run_with_filler({"Interface filler/Joint=butt", "Interface filler/Coupling=one-way",
                       "Interface filler/Submodels=neck growth"});
  const auto &interface = coupled["interface"];
  // the first streamline runs along the surface centreline: its peak is the
  // peak surface temperature (both from the same nodal values)
  BOOST_TEST(interface["points_m"].front().get<double>() == 0.);
  BOOST_TEST(interface["peak_temperature_K"].front().get<double>() ==
                 coupled["peak_surface_temperature_K"].get<double>(),
             boost::test_tools::tolerance(1e-9));
  // the hottest streamline spends time above T_m / 2 of the particles
  BOOST_TEST(interface["time_above_threshold_s"].front().get<double>() > 0.);
}
