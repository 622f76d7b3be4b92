// Every reported quantity is named once, in solver/post/result_quantities.cc:
// the keys are unique and carry their unit, docs/OUTPUTS.md shows the
// registry as it is, a case's summary.json holds registered keys only (in
// registry order), and a postprocessor cannot report a quantity that is
// not registered.

#include "solver/post/case_results.h"
#include "solver/post/postprocessor.h"
#include "solver/post/result_quantities.h"
#include "tests/common/case_fixture.h"

#include <boost/test/unit_test.hpp>

#include <fstream>
#include <set>
#include <sstream>
#include <stdexcept>

using namespace ebweld;

BOOST_AUTO_TEST_CASE(keys_are_unique_and_name_their_unit)
{
  // the suffix of a key is its SI unit; the registry must say the same
  const std::vector<std::pair<std::string, std::string>> suffixes = {
      {"_m", "m"},         {"_K", "K"},           {"_W", "W"},     {"_s", "s"},
      {"_A", "A"},         {"_V", "V"},           {"_bytes", "B"}, {"_J_per_m", "J/m"},
      {"_m_per_s", "m/s"}, {"_kg_per_s", "kg/s"}, {"_Pa", "Pa"}};
  std::set<std::string> keys;
  for (const auto &q : result_quantities())
    {
      BOOST_TEST(keys.insert(q.key).second, q.key << " is registered twice");
      BOOST_TEST(!q.description.empty(), q.key);
      BOOST_TEST(!q.computed_by.empty(), q.key);
      BOOST_TEST(q.tables != 0u, q.key << " appears in no table");
      // the longest matching suffix: "_J_per_m" rather than "_m"
      std::string unit_from_key, longest;
      for (const auto &[suffix, unit] : suffixes)
        if (q.key.size() > suffix.size() && suffix.size() > longest.size() &&
            q.key.compare(q.key.size() - suffix.size(), suffix.size(), suffix) == 0)
          {
            longest       = suffix;
            unit_from_key = unit;
          }
      if (!unit_from_key.empty())
        BOOST_TEST(q.unit == unit_from_key, q.key << " has unit '" << q.unit << "'");
    }
  BOOST_TEST(result_quantity("melt_depth_m").unit == "m");
  BOOST_CHECK_THROW(result_quantity("melt_depth_um"), std::logic_error);
}

BOOST_AUTO_TEST_CASE(docs_outputs_table_is_the_registry)
{
  std::ifstream      in(std::string(EBWELD_SOURCE_DIR) + "/docs/OUTPUTS.md");
  std::ostringstream text;
  text << in.rdbuf();
  const std::string begin = "<!-- result quantities: begin -->\n",
                    end   = "<!-- result quantities: end -->";
  const auto a = text.str().find(begin), b = text.str().find(end);
  BOOST_TEST_REQUIRE((a != std::string::npos && b != std::string::npos && a < b));
  BOOST_TEST(text.str().substr(a + begin.size(), b - a - begin.size()) ==
                 result_quantities_markdown(),
             "docs/OUTPUTS.md differs from the registry: paste 'build/bin/ebweld run "
             "--print-results' between the markers");
}

BOOST_AUTO_TEST_CASE(unregistered_quantities_are_refused)
{
  CaseResults results;
  BOOST_CHECK_THROW(results.set("melt_depth_um", 2.5), std::logic_error);
  results.set("melt_depth_m", 2.5e-6);
  results.set("dofs", 10);
  const auto summary = results.summary();
  // registry order: dofs before melt_depth_m, warnings always present
  BOOST_TEST(summary.begin().key() == "dofs");
  BOOST_TEST(summary.contains("warnings"));
  BOOST_TEST(!results.summary(optimiser_summary).contains("dofs"));
}

BOOST_AUTO_TEST_CASE(a_case_summary_holds_registered_keys_in_registry_order)
{
  const auto setup =
      testing::make_setup({"Mesh/Cells per beam diameter=4", "Mesh/Cells per deposition depth=4",
                           "Beam/Target melt depth (um)=2"});
  const auto  summary  = testing::summarise_quietly(*setup, MPI_COMM_WORLD);
  std::size_t previous = 0;
  for (const auto &[key, value] : summary.items())
    {
      std::size_t position = 0;
      while (position < result_quantities().size() && result_quantities()[position].key != key)
        ++position;
      BOOST_TEST_REQUIRE(position < result_quantities().size(), key << " is not registered");
      BOOST_TEST(position >= previous, key << " is out of registry order");
      previous = position;
    }
  // every default postprocessor reported: the measured quantities are there
  for (const char *key : {"melt_depth_m", "peak_temperature_K", "energy_balance_relative_error",
                          "current_for_target_depth_A", "linear_iterations"})
    BOOST_TEST(summary.contains(key), key);
  BOOST_TEST(PostprocessorRegistry::instance().names().size() >= 8u);
}

BOOST_AUTO_TEST_CASE(the_screen_report_spells_keys_and_units_from_the_registry)
{
  BOOST_TEST(screen_text("melt_depth_m", 2.50689e-6) == "melt depth 2.5069 um");
  BOOST_TEST(screen_text("heat_input_J_per_m", 0.125) == "heat input 0.125 J/m");
  BOOST_TEST(screen_text("travel_speed_m_per_s", 892.1) == "travel speed 892.1 m/s");
  BOOST_TEST(screen_text("linear_iterations", 8) == "linear iterations 8");
  BOOST_TEST(screen_text("peak_memory_bytes", 1e9) == "peak memory 1e+09 B");
  CaseResults results;
  results.set("melt_depth_m", 2.5e-6);
  results.set("melted", true); // not a number: not on screen
  BOOST_TEST(results.report({"melted", "melt_depth_m", "melt_length_m"}) == "melt depth 2.5 um");
}

BOOST_AUTO_TEST_CASE(postprocessors_are_selected_by_name)
{
  // only the melt pool: its quantities are reported, the others' are not
  const auto setup =
      testing::make_setup({"Mesh/Cells per beam diameter=4", "Mesh/Cells per deposition depth=4"});
  OutputOptions options;
  options.write_fields = options.write_profiles = options.write_summary = false;
  options.postprocessors                                                = {"melt pool"};
  std::ostream quiet(nullptr);
  const auto   summary = run_case(*setup, MPI_COMM_WORLD, options, quiet);
  BOOST_TEST(summary.contains("melt_depth_m"));
  BOOST_TEST(!summary.contains("peak_temperature_K"));
  BOOST_TEST(!summary.contains("energy_balance_relative_error"));
}

namespace
{
  /// The warnings of a small case with the seed's constant properties and
  /// `settings`.
  std::string warnings_of(const std::vector<std::string> &settings)
  {
    std::vector<std::string> all = {"Mesh/Cells per beam diameter=4",
                                    "Mesh/Cells per deposition depth=4"};
    all.insert(all.end(), settings.begin(), settings.end());
    const auto summary = testing::summarise_quietly(*testing::make_setup(all), MPI_COMM_WORLD);
    return summary.contains("warnings") ? summary["warnings"].dump() : "";
  }
} // namespace

BOOST_AUTO_TEST_CASE(unphysical_results_are_warned_about)
{
  // silicon at 10 mA: nothing caps the surface at 3538 K without
  // evaporation (about 4200 K on this mesh); the seed's 5.6 mA stays below
  const std::string boiling = "above the boiling point";
  BOOST_TEST(warnings_of({"Beam/Current (A)=0.01"}).find(boiling) != std::string::npos);
  BOOST_TEST(warnings_of({}).find(boiling) == std::string::npos);
  // Goldak axes of 10 nm between quadrature points of 2.5 um cells: next
  // to nothing of the 199 W is deposited, which must not pass for a weld
  const std::string goldak = "Heat sources/Goldak double ellipsoid/";
  const std::string lost   = "of the absorbed power";
  BOOST_TEST(warnings_of({"Heat sources/Active=Goldak double ellipsoid",
                          goldak + "Front semi-axis (um)=0.01", goldak + "Rear semi-axis (um)=0.01",
                          goldak + "Half-width (um)=0.01", goldak + "Depth (um)=0.01"})
                 .find(lost) != std::string::npos);
  BOOST_TEST(warnings_of({"Heat sources/Active=Goldak double ellipsoid"}).find(lost) ==
             std::string::npos);
}
