// Every input file shipped in cases/ is valid for the command its case
// runs, so that a renamed or re-ranged parameter cannot leave a case that
// no longer runs. The command follows from the file: a Study subsection
// means `ebweld study`, Optimisation `ebweld optimize`, Nano `ebweld nano`,
// anything else `ebweld run`. Runs the real `ebweld` binary.

#include "tests/common/binary_runner.h"

#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>

using namespace ebweld::testing;

namespace
{
  namespace fs = std::filesystem;

  std::string command_for(const fs::path &file)
  {
    std::ifstream      in(file);
    std::ostringstream text;
    text << in.rdbuf();
    const auto has = [&](const std::string &section) {
      return std::regex_search(text.str(),
                               std::regex("(^|\\n)\\s*subsection\\s+" + section + "\\s*(\\n|$)"));
    };
    if (has("Study"))
      return "study";
    if (has("Optimisation"))
      return "optimize";
    if (has("Nano"))
      return "nano";
    return "run";
  }
} // namespace

BOOST_AUTO_TEST_CASE(every_shipped_case_validates)
{
  unsigned int files = 0;
  for (const auto &entry : fs::recursive_directory_iterator(fs::path(EBWELD_SOURCE_DIR) / "cases"))
    {
      if (entry.path().extension() != ".prm")
        continue;
      ++files;
      const std::string command = command_for(entry.path());
      const Outcome     outcome = run_ebweld(command + " --validate " + entry.path().string());
      BOOST_TEST_MESSAGE("ebweld " << command << " --validate " << entry.path().filename().string()
                                   << " -> exit " << outcome.exit_code);
      BOOST_TEST(outcome.exit_code == 0, entry.path().string() << ": " << outcome.output);
      BOOST_TEST(outcome.output.find(": valid") != std::string::npos, outcome.output);
    }
  BOOST_TEST(files >= 13u, "found only " << files << " case files");
}

BOOST_AUTO_TEST_CASE(validation_catches_a_bad_case_for_each_command)
{
  // the same check must fail where it should, or the test above proves nothing
  for (const std::string command : {"run", "study", "optimize", "nano"})
    {
      const Outcome outcome = run_ebweld(command + " --validate /nonexistent/case.prm");
      BOOST_TEST(outcome.exit_code == 2, command << ": " << outcome.output);
    }
  // a study is checked case by case: the second current of the grid is bad
  const std::string path = "/tmp/ebweld_study_to_validate.prm";
  std::ofstream(path) << "subsection Study\n  set Grid = Beam/Current (A): 0.005, -1\nend\n";
  const Outcome bad = run_ebweld("study --validate " + path);
  BOOST_TEST(bad.exit_code == 2, bad.output);
  BOOST_TEST(bad.output.find("Beam/Current (A) = -1") != std::string::npos, bad.output);
  std::ofstream(path) << "subsection Study\n  set Grid = Beam/Current (A): 0.005, 0.006\nend\n";
  const Outcome good = run_ebweld("study --validate " + path);
  BOOST_TEST(good.exit_code == 0, good.output);
  BOOST_TEST(good.output.find("(2 cases): valid") != std::string::npos, good.output);
}
