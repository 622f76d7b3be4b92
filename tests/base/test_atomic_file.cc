// Results land atomically and safely: the content arrives whole, no
// temporary file stays behind, a failed write leaves the old file, and a
// symlink planted where the old predictable temporary name pointed is
// never followed (issue 28, item 5).

#include "solver/base/atomic_file.h"

#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <unistd.h>

using namespace ebweld;
namespace fs = std::filesystem;

namespace
{
  std::string read(const fs::path &path)
  {
    std::ifstream     in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
  }

  fs::path fresh_directory(const std::string &name)
  {
    const fs::path dir = fs::temp_directory_path() / ("ebweld_atomic_" + name);
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
  }
} // namespace

BOOST_AUTO_TEST_CASE(writes_whole_and_leaves_no_temporary)
{
  const fs::path dir  = fresh_directory("whole");
  const fs::path file = dir / "summary.json";
  write_file_atomically(file, [](std::ostream &out) { out << "first"; });
  write_file_atomically(file, [](std::ostream &out) { out << "second"; });
  BOOST_TEST(read(file) == "second");
  BOOST_TEST(std::distance(fs::directory_iterator(dir), fs::directory_iterator()) == 1);
}

BOOST_AUTO_TEST_CASE(a_failed_write_keeps_the_previous_file)
{
  const fs::path dir  = fresh_directory("failed");
  const fs::path file = dir / "results.csv";
  write_file_atomically(file, [](std::ostream &out) { out << "complete"; });
  BOOST_CHECK_THROW(write_file_atomically(file,
                                          [](std::ostream &out) {
                                            out << "half";
                                            throw std::runtime_error("killed");
                                          }),
                    std::runtime_error);
  BOOST_TEST(read(file) == "complete");
  BOOST_TEST(std::distance(fs::directory_iterator(dir), fs::directory_iterator()) == 1);
}

BOOST_AUTO_TEST_CASE(planted_symlink_is_not_followed)
{
  const fs::path dir    = fresh_directory("symlink");
  const fs::path victim = dir / "victim.txt";
  std::ofstream(victim) << "precious";
  // the name the old code used: <file>.tmp.<pid>
  const fs::path file = dir / "summary.json";
  fs::create_symlink(victim, file.string() + ".tmp." + std::to_string(::getpid()));
  write_file_atomically(file, [](std::ostream &out) { out << "result"; });
  BOOST_TEST(read(victim) == "precious");
  BOOST_TEST(read(file) == "result");
}

BOOST_AUTO_TEST_CASE(unwritable_folder_is_an_error)
{
  BOOST_CHECK_THROW(write_file_atomically("/nonexistent/folder/summary.json",
                                          [](std::ostream &out) { out << "x"; }),
                    std::runtime_error);
}
