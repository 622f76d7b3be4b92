// melt_pool.png from every run (postproc/plot_melt_pool.py), through the
// real binary: the sections it is drawn from put the fusion line where the
// melt-pool report says it is, the same on 1 and 2 ranks; the picture can
// be switched off; the child process that draws it is bounded in time; and
// `ebweld optimize` draws its process window.

#include "solver/post/plot_script.h"
#include "tests/common/binary_runner.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>

using namespace ebweld::testing;
namespace fs = std::filesystem;

namespace
{
  // a small constant-property weld: the sampling, not the model, is under test
  const std::string coarse = " --set 'Mesh/Cells per beam diameter=8'"
                             " --set 'Mesh/Cells per deposition depth=8'"
                             " --set 'Material/Temperature-dependent properties=false'";

  Outcome run_in(const std::string &directory, const unsigned int ranks,
                 const std::string &settings = "")
  {
    fs::remove_all(directory);
    return run_clean("mpirun --allow-run-as-root --oversubscribe --bind-to none -np " +
                     std::to_string(ranks) + " " + EBWELD_BINARY + " run" + coarse + settings +
                     " --output-dir " + directory);
  }

  nlohmann::json read_json(const std::string &path)
  {
    return nlohmann::json::parse(std::ifstream(path));
  }

  bool is_png(const std::string &path)
  {
    std::ifstream in(path, std::ios::binary);
    char          signature[8] = {};
    in.read(signature, 8);
    return in && std::string(signature + 1, 3) == "PNG";
  }

  /// The samples of `section` at or above `level_K`: the largest first- and
  /// second-axis coordinates and the smallest first-axis coordinate [m].
  struct Extent
  {
    double first_low = INFINITY, first_high = -INFINITY, second_high = -INFINITY;
  };
  Extent extent_above(const nlohmann::json &section, const double level_K)
  {
    const auto first  = section["first_m"].get<std::vector<double>>();
    const auto second = section["second_m"].get<std::vector<double>>();
    const auto T      = section["temperature_K"].get<std::vector<double>>();
    Extent     e;
    for (std::size_t j = 0; j < second.size(); ++j)
      for (std::size_t k = 0; k < first.size(); ++k)
        if (T[j * first.size() + k] >= level_K)
          {
            e.first_low   = std::min(e.first_low, first[k]);
            e.first_high  = std::max(e.first_high, first[k]);
            e.second_high = std::max(e.second_high, second[j]);
          }
    return e;
  }

  double spacing(const nlohmann::json &section, const char *axis)
  {
    const auto values = section[axis].get<std::vector<double>>();
    return values[1] - values[0];
  }
} // namespace

BOOST_AUTO_TEST_CASE(the_picture_shows_the_reported_melt_pool)
{
  std::vector<nlohmann::json> sections;
  for (const unsigned int ranks : {1u, 2u})
    {
      const std::string directory = "/tmp/ebweld_picture_" + std::to_string(ranks);
      const Outcome     run       = run_in(directory, ranks);
      BOOST_TEST_MESSAGE(run.output);
      BOOST_REQUIRE_EQUAL(run.exit_code, 0);
      BOOST_TEST(is_png(directory + "/melt_pool.png"));
      BOOST_TEST(fs::file_size(directory + "/melt_pool.png") > 20000u);
      const auto summary = read_json(directory + "/summary.json");
      const auto d       = read_json(directory + "/melt_pool_sections.json");
      BOOST_REQUIRE(summary["melted"].get<bool>());
      const double T_m     = d["solidus_temperature_K"];
      const double depth_m = summary["melt_depth_m"];
      const double half_m  = summary["melt_half_width_m"];
      const double front_m = summary["melt_front_xi_m"];
      const double rear_m  = summary["melt_rear_xi_m"];
      const auto  &top     = d["top_surface"];
      const auto  &cross   = d["cross_section"];
      const auto  &along   = d["longitudinal"];
      const double slack   = 1e-3 * depth_m; // the reported extents' interpolation
      BOOST_TEST(cross["fixed_m"].get<double>() <= front_m);
      BOOST_TEST(cross["fixed_m"].get<double>() >= rear_m);
      // the widest section: its surface samples reach the reported half-width
      const Extent c = extent_above(cross, T_m);
      BOOST_TEST(c.first_high <= half_m + slack);
      BOOST_TEST(c.first_high >= half_m - spacing(cross, "first_m") - slack);
      // the top surface: no sample is wider, front and rear within a sample
      const Extent t = extent_above(top, T_m);
      BOOST_TEST(t.second_high <= half_m + slack);
      BOOST_TEST(t.second_high >= half_m - spacing(top, "second_m") - slack);
      BOOST_TEST(t.first_high <= front_m + spacing(top, "first_m"));
      BOOST_TEST(t.first_low >= rear_m - spacing(top, "first_m"));
      BOOST_TEST(t.first_low <= rear_m + spacing(top, "first_m"));
      // the longitudinal section under the path: never deeper than reported
      const Extent l = extent_above(along, T_m);
      BOOST_TEST(l.second_high <= depth_m + slack);
      BOOST_TEST(l.second_high >= 0.9 * depth_m);
      sections.push_back(d);
    }
  // the gathered samples do not depend on how the mesh is distributed
  for (const char *name : {"top_surface", "longitudinal", "cross_section"})
    {
      const auto one = sections[0][name]["temperature_K"].get<std::vector<double>>();
      const auto two = sections[1][name]["temperature_K"].get<std::vector<double>>();
      BOOST_REQUIRE_EQUAL(one.size(), two.size());
      double worst_K = 0.;
      for (std::size_t i = 0; i < one.size(); ++i)
        worst_K = std::max(worst_K, std::abs(one[i] - two[i]));
      BOOST_TEST(worst_K <= 0.011, name << ": 1 and 2 ranks differ by " << worst_K << " K");
    }
}

BOOST_AUTO_TEST_CASE(no_melt_still_leaves_a_picture_and_the_switch_turns_it_off)
{
  const std::string cold = "/tmp/ebweld_picture_cold";
  const Outcome     run  = run_in(cold, 1, " --set 'Beam/Current (A)=0.002'");
  BOOST_REQUIRE_EQUAL(run.exit_code, 0);
  BOOST_TEST(is_png(cold + "/melt_pool.png"));
  const auto d = read_json(cold + "/melt_pool_sections.json");
  BOOST_TEST(!d["melted"].get<bool>());
  // the cross-section is the hottest one, behind the beam
  BOOST_TEST(d["cross_section"]["fixed_m"].get<double>() < 0.);

  const std::string off   = "/tmp/ebweld_picture_off";
  const Outcome     quiet = run_in(off, 1, " --set 'Output/Write picture=false'");
  BOOST_REQUIRE_EQUAL(quiet.exit_code, 0);
  BOOST_TEST(fs::exists(off + "/summary.json"));
  BOOST_TEST(!fs::exists(off + "/melt_pool.png"));
  BOOST_TEST(!fs::exists(off + "/melt_pool_sections.json"));
}

BOOST_AUTO_TEST_CASE(a_plot_script_that_fails_or_hangs_is_reported)
{
  const std::string broken = "/tmp/ebweld_picture_broken.py";
  std::ofstream(broken) << "import sys\nsys.exit(3)\n";
  BOOST_TEST(ebweld::run_plot_script(broken, {}, 60.) == "exited with status 3");
  const std::string stuck = "/tmp/ebweld_picture_stuck.py";
  std::ofstream(stuck) << "import time\ntime.sleep(600)\n";
  BOOST_TEST(ebweld::run_plot_script(stuck, {}, 0.5) == "stopped after 0.5 s");
  // a script stopped while it writes its picture removes the temporary file
  const std::string folder = "/tmp/ebweld_picture_stopped";
  fs::remove_all(folder);
  fs::create_directories(folder);
  const std::string saving = folder + "/saving.py";
  std::ofstream(saving) << "import os, sys, tempfile, time\n"
                        << "sys.path.insert(0, '" << EBWELD_SOURCE_DIR << "/postproc')\n"
                        << "import plot_common\n"
                        << "descriptor, temporary = tempfile.mkstemp(suffix='.tmp.png', dir='"
                        << folder << "')\n"
                        << "try:\n    time.sleep(600)\n"
                        << "except BaseException:\n    os.unlink(temporary)\n    raise\n";
  BOOST_TEST(ebweld::run_plot_script(saving, {}, 1.) == "stopped after 1 s");
  for (const auto &entry : fs::directory_iterator(folder))
    BOOST_TEST(entry.path().filename() == "saving.py", entry.path());
  const std::string fine = "/tmp/ebweld_picture_fine.py";
  std::ofstream(fine) << "print('to /dev/null')\n";
  BOOST_TEST(ebweld::run_plot_script(fine, {}, 60.).empty());
}

BOOST_AUTO_TEST_CASE(optimize_draws_its_process_window)
{
  const std::string directory = "/tmp/ebweld_picture_optimize";
  fs::remove_all(directory);
  fs::create_directories(directory);
  std::ofstream(directory + "/optimise.prm")
      << "subsection Material\n  set Temperature-dependent properties = false\nend\n"
         "subsection Mesh\n  set Cells per beam diameter = 4\n"
         "  set Cells per deposition depth = 4\nend\n"
         "subsection Optimisation\n  set Target melt depth (um) = 2.5\n"
         "  set Peclet numbers = 10, 100\n  set Penetration ratios = 1, 2, 3\n"
         "  set Cross sections = 100:2\nend\n";
  const Outcome run = run_clean(std::string(EBWELD_BINARY) + " optimize " + directory +
                                "/optimise.prm --output-dir " + directory);
  BOOST_TEST_MESSAGE(run.output);
  BOOST_REQUIRE_EQUAL(run.exit_code, 0);
  for (const char *picture : {"process_window.png", "heat_input.png", "cross_section_Pe100_R2.png"})
    BOOST_TEST(is_png(directory + "/" + picture), picture);
}
