// SIGINT and SIGTERM end a run and a study cleanly (issue 28): the
// process says so and exits with 128 + the signal's number, no summary.json
// and no temporary file is left, and a study records only the cases it
// finished, so that the same command continues it.
// Runs the real `ebweld` binary in the background and signals it.

#include "tests/common/binary_runner.h"

#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>
#include <string>

using namespace ebweld::testing;
namespace fs = std::filesystem;

namespace
{
  /// `ebweld ARGUMENTS` sent `signal` after `delay_s`; the output ends
  /// with "exit=<code>".
  Outcome signalled(const std::string &arguments, const std::string &signal, const double delay_s)
  {
    return run_clean("sh -c '" + std::string(EBWELD_BINARY) + " " + arguments +
                     " & pid=$!; sleep " + std::to_string(delay_s) + "; kill -" + signal +
                     " $pid; wait $pid; echo exit=$?'");
  }

  /// Files in `folder` whose name marks a temporary (".tmp.").
  unsigned int temporary_files(const std::string &folder)
  {
    unsigned int count = 0;
    for (const auto &entry : fs::recursive_directory_iterator(folder))
      count += entry.path().filename().string().find(".tmp.") != std::string::npos;
    return count;
  }

  unsigned int table_rows(const std::string &path)
  {
    std::ifstream in(path);
    std::string   line;
    unsigned int  lines = 0;
    while (std::getline(in, line))
      lines += !line.empty();
    return lines > 0 ? lines - 1 : 0; // without the header
  }
} // namespace

BOOST_AUTO_TEST_CASE(sigterm_ends_a_run_without_results)
{
  // the default case takes about 40 s: the signal reaches it in the solve
  const std::string folder = "/tmp/ebweld_interrupt_run";
  fs::remove_all(folder);
  const Outcome outcome = signalled("run --output-dir " + folder, "TERM", 5.);
  BOOST_TEST_MESSAGE(outcome.output);
  BOOST_TEST(outcome.output.find("exit=143") != std::string::npos);
  BOOST_TEST(outcome.output.find("ebweld: interrupted by SIGTERM") != std::string::npos);
  BOOST_TEST(!fs::exists(folder + "/summary.json"));
  BOOST_TEST(temporary_files(folder) == 0u);
}

BOOST_AUTO_TEST_CASE(sigint_ends_a_study_that_the_same_command_continues)
{
  const std::string folder = "/tmp/ebweld_interrupt_study";
  fs::remove_all(folder);
  fs::create_directories(folder);
  // 30 cases of about half a second each
  std::ofstream(folder + "/study.prm")
      << "subsection Material\n  set Temperature-dependent properties = false\nend\n"
         "subsection Mesh\n  set Cells per beam diameter = 6\nend\n"
         "subsection Output\n  set Write fields = false\n  set Write profiles = false\n"
         "  set Write picture = false\nend\n"
         "subsection Study\n  set Grid = Beam/Current (A): linear(0.005, 0.01, 30)\nend\n";
  const std::string arguments = "study " + folder + "/study.prm --output-dir " + folder;
  const Outcome     stopped   = signalled(arguments, "INT", 4.);
  BOOST_TEST_MESSAGE(stopped.output);
  BOOST_TEST(stopped.output.find("exit=130") != std::string::npos);
  BOOST_TEST(stopped.output.find("study interrupted: the same command continues it") !=
             std::string::npos);
  const unsigned int finished = table_rows(folder + "/results.csv");
  BOOST_TEST(finished < 30u);
  BOOST_TEST(temporary_files(folder) == 0u);

  // the resumed study takes up where the first one stopped
  const Outcome resumed = run_ebweld(arguments + " --stop-after 2");
  BOOST_TEST(resumed.exit_code == 0, resumed.output);
  BOOST_TEST(resumed.output.find("(" + std::to_string(finished) + " already in") !=
                 std::string::npos,
             resumed.output);
  BOOST_TEST(table_rows(folder + "/results.csv") == finished + 2);
}
