// Study mechanics (issue 3) on a tiny mesh:
//  - a 2x2 grid run serially and with --ranks-per-case 1 on all ranks
//    gives the same results (order may differ);
//  - a study stopped after one case and run again completes the table
//    without repeating the finished case;
//  - a case with an invalid value is recorded as failed with its message
//    while the others succeed;
//  - a folder belongs to one study: a different one (another input or
//    other cases) is refused naming the difference, the same one resumes;
//    a second study while one holds the folder's lock is refused;
//  - an input file (a depth-dose table, a material's data) edited between
//    two runs makes another study;
//  - a case that fails for another reason than its input (its results
//    cannot be written) is recorded as failed and the study goes on;
//  - a study of real silicon solves each case by Newton's method, and the
//    pool deepens with the current.

#include "solver/base/file_lock.h"
#include "solver/commands/command_study.h"
#include "solver/studies/results_table.h"

#include <deal.II/base/mpi.h>

#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>

using namespace ebweld;
using dealii::Utilities::MPI::this_mpi_process;

namespace
{
  const std::string base_input = "subsection Material\n"
                                 "  set Temperature-dependent properties = false\n"
                                 "end\n"
                                 "subsection Mesh\n"
                                 "  set Cells per beam diameter = 4\n"
                                 "  set Cells per deposition depth = 4\n"
                                 "  set Global refinements = 1\n"
                                 "end\n"
                                 "subsection Output\n"
                                 "  set Write fields = false\n"
                                 "  set Write profiles = false\n"
                                 "end\n";

  /// A fresh directory (same on all ranks) holding study.prm with `grid`.
  std::string prepare(const std::string &name, const std::string &grid,
                      const std::string &base = base_input)
  {
    const std::string dir = "/tmp/ebweld_test_study_" + name + "_" +
                            std::to_string(dealii::Utilities::MPI::n_mpi_processes(MPI_COMM_WORLD));
    if (this_mpi_process(MPI_COMM_WORLD) == 0)
      {
        std::filesystem::remove_all(dir);
        std::filesystem::create_directories(dir);
        std::ofstream(dir + "/study.prm")
            << base << "subsection Study\n  set Grid = " << grid << "\nend\n";
      }
    MPI_Barrier(MPI_COMM_WORLD);
    return dir;
  }

  /// case_id -> row fields of a results table
  std::map<std::string, std::vector<std::string>> read_table(const std::string &path)
  {
    std::ifstream                                   in(path);
    std::string                                     line;
    std::map<std::string, std::vector<std::string>> rows;
    std::getline(in, line); // header
    while (std::getline(in, line))
      {
        const auto fields = split_quoted_csv(line);
        BOOST_TEST(rows.count(fields[0]) == 0u, "case repeated: " << fields[0]);
        rows[fields[0]] = fields;
      }
    return rows;
  }

  /// command_study(arguments) and what it wrote to std::cerr
  std::pair<int, std::string> study_with_errors(const std::vector<std::string> &arguments)
  {
    std::ostringstream errors;
    std::streambuf    *terminal = std::cerr.rdbuf(errors.rdbuf());
    const int          code     = command_study(arguments, MPI_COMM_WORLD);
    std::cerr.rdbuf(terminal);
    MPI_Barrier(MPI_COMM_WORLD);
    return {code, errors.str()};
  }

  std::size_t column(const std::string &path, const std::string &name)
  {
    std::ifstream in(path);
    std::string   header;
    std::getline(in, header);
    const auto names = split_quoted_csv(header);
    return std::find(names.begin(), names.end(), name) - names.begin();
  }
} // namespace

BOOST_AUTO_TEST_CASE(parallel_groups_reproduce_the_serial_table)
{
  const std::string dir =
      prepare("groups", "Beam/Peclet number: 10, 100; Beam/Voltage (kV): 15, 20");
  if (this_mpi_process(MPI_COMM_WORLD) == 0)
    BOOST_TEST(
        command_study({dir + "/study.prm", "--output-dir", dir + "/serial"}, MPI_COMM_SELF) == 0);
  MPI_Barrier(MPI_COMM_WORLD);
  BOOST_TEST(
      command_study({dir + "/study.prm", "--output-dir", dir + "/groups", "--ranks-per-case", "1"},
                    MPI_COMM_WORLD) == 0);
  MPI_Barrier(MPI_COMM_WORLD);

  const auto serial = read_table(dir + "/serial/results.csv");
  const auto groups = read_table(dir + "/groups/results.csv");
  BOOST_TEST(serial.size() == 4u);
  BOOST_TEST(groups.size() == 4u);
  for (const char *quantity :
       {"melt_depth_m", "peak_temperature_K", "heat_input_J_per_m", "absorbed_power_W"})
    {
      const auto c = column(dir + "/serial/results.csv", quantity);
      for (const auto &[id, row] : serial)
        {
          BOOST_TEST(row[1] == "ok");
          BOOST_TEST(std::stod(groups.at(id)[c]) == std::stod(row[c]),
                     boost::test_tools::tolerance(1e-9));
        }
    }
}

BOOST_AUTO_TEST_CASE(resume_completes_without_repeating)
{
  const std::string dir = prepare("resume", "Beam/Voltage (kV): 12, 15, 20");
  BOOST_TEST(command_study({dir + "/study.prm", "--output-dir", dir, "--stop-after", "1"},
                           MPI_COMM_WORLD) == 0);
  MPI_Barrier(MPI_COMM_WORLD);
  const auto first = read_table(dir + "/results.csv");
  BOOST_TEST(first.size() == 1u);

  BOOST_TEST(command_study({dir + "/study.prm", "--output-dir", dir}, MPI_COMM_WORLD) == 0);
  MPI_Barrier(MPI_COMM_WORLD);
  const auto all = read_table(dir + "/results.csv");
  BOOST_TEST(all.size() == 3u);
  // the case finished in the first run keeps its row (same wall time: not re-run)
  const auto wall = column(dir + "/results.csv", "wall_time_s");
  for (const auto &[id, row] : first)
    BOOST_TEST(all.at(id)[wall] == row[wall]);
}

BOOST_AUTO_TEST_CASE(invalid_case_is_recorded_as_failed)
{
  const std::string dir = prepare("failed", "Beam/Voltage (kV): 15, -5, 20");
  // the study goes on past the failed case, and its exit status says so
  BOOST_TEST(command_study({dir + "/study.prm", "--output-dir", dir}, MPI_COMM_WORLD) == 4);
  MPI_Barrier(MPI_COMM_WORLD);
  const auto rows = read_table(dir + "/results.csv");
  BOOST_TEST(rows.size() == 3u);
  BOOST_TEST(rows.at("Beam/Voltage (kV)=15")[1] == "ok");
  BOOST_TEST(rows.at("Beam/Voltage (kV)=20")[1] == "ok");
  const auto &failed = rows.at("Beam/Voltage (kV)=-5");
  BOOST_TEST(failed[1] == "failed");
  BOOST_TEST(failed[2].find("Beam/Voltage (kV) = -5") != std::string::npos, failed[2]);
  // the study's plot of the results against the voltage, the failed case marked
  std::ifstream picture(dir + "/study.png", std::ios::binary);
  std::string   signature(8, '\0');
  picture.read(signature.data(), 8);
  BOOST_TEST(signature.substr(1, 3) == "PNG");
  // no case folder (fields and profiles are off), so no picture per case
  for (const auto &entry : std::filesystem::directory_iterator(dir))
    BOOST_TEST(entry.path().filename().string().rfind("case_", 0) != 0, entry.path());
}

BOOST_AUTO_TEST_CASE(temperature_dependent_cases_are_solved_by_newton)
{
  const std::string dir = prepare("nonlinear", "Beam/Current (A): 0.008, 0.01",
                                  "subsection Mesh\n"
                                  "  set Cells per beam diameter = 8\n"
                                  "  set Cells per deposition depth = 8\n"
                                  "end\n"
                                  "subsection Output\n"
                                  "  set Write fields = false\n"
                                  "  set Write profiles = false\n"
                                  "end\n");
  BOOST_TEST(command_study({dir + "/study.prm", "--output-dir", dir, "--ranks-per-case", "1"},
                           MPI_COMM_WORLD) == 0);
  MPI_Barrier(MPI_COMM_WORLD);
  const std::string table  = dir + "/results.csv";
  const auto        rows   = read_table(table);
  const auto        depth  = column(table, "melt_depth_m");
  const auto        newton = column(table, "nonlinear_iterations");
  const auto        amps   = column(table, "Beam/Current (A)");
  BOOST_REQUIRE(rows.size() == 2u);
  std::map<double, double> depth_by_current;
  for (const auto &[id, row] : rows)
    {
      BOOST_TEST(row[1] == "ok");
      BOOST_TEST(std::stoi(row[newton]) > 0);
      depth_by_current[std::stod(row[amps])] = std::stod(row[depth]);
    }
  BOOST_TEST(depth_by_current.begin()->second > 0.);
  BOOST_TEST(depth_by_current.rbegin()->second > 1.1 * depth_by_current.begin()->second);
}

BOOST_AUTO_TEST_CASE(a_folder_belongs_to_one_study)
{
  const std::string dir   = prepare("owner", "Beam/Voltage (kV): 12, 15");
  const std::string input = dir + "/study.prm";
  BOOST_TEST(command_study({input, "--output-dir", dir, "--stop-after", "1"}, MPI_COMM_WORLD) == 0);
  MPI_Barrier(MPI_COMM_WORLD);
  const bool root = this_mpi_process(MPI_COMM_WORLD) == 0;

  // another base input
  const auto [input_code, input_message] =
      study_with_errors({input, "--output-dir", dir, "--set", "Beam/Current (A)=0.02"});
  BOOST_TEST(input_code == 2);
  if (root)
    BOOST_TEST(
        (input_message.find("holds another study") != std::string::npos &&
         input_message.find("Beam/Current (A) was '0.01', is '0.02' here") != std::string::npos),
        input_message);
  // other cases
  const std::string other = dir + "/other.prm";
  if (root)
    std::ofstream(other) << base_input
                         << "subsection Study\n  set Grid = Beam/Voltage (kV): 12, 20\nend\n";
  MPI_Barrier(MPI_COMM_WORLD);
  const auto [cases_code, cases_message] = study_with_errors({other, "--output-dir", dir});
  BOOST_TEST(cases_code == 2);
  if (root)
    BOOST_TEST(
        cases_message.find("case 1 was 'Beam/Voltage (kV)=15', is 'Beam/Voltage (kV)=20' here") !=
            std::string::npos,
        cases_message);
  BOOST_TEST(read_table(dir + "/results.csv").size() == 1u);

  // while another study holds the lock
  {
    std::optional<FileLock> held;
    if (root)
      held.emplace(FileLock::try_lock(dir + "/study.lock"));
    const auto [busy_code, busy_message] = study_with_errors({input, "--output-dir", dir});
    BOOST_TEST(busy_code == 2);
    if (root)
      BOOST_TEST(busy_message.find("is in use by another ebweld study") != std::string::npos,
                 busy_message);
  }
  // the same study resumes, whatever its output settings
  BOOST_TEST(command_study({input, "--output-dir", dir, "--set", "Output/Write picture=false"},
                           MPI_COMM_WORLD) == 0);
  MPI_Barrier(MPI_COMM_WORLD);
  BOOST_TEST(read_table(dir + "/results.csv").size() == 2u);

  // a results table that no record vouches for
  const std::string unrecorded = dir + "/unrecorded";
  if (root)
    {
      std::filesystem::create_directories(unrecorded);
      std::ofstream(unrecorded + "/results.csv") << "case_id,status,error\n";
    }
  MPI_Barrier(MPI_COMM_WORLD);
  const auto [table_code, table_message] = study_with_errors({input, "--output-dir", unrecorded});
  BOOST_TEST(table_code == 2);
  if (root)
    BOOST_TEST(table_message.find("holds results.csv but no study.json") != std::string::npos,
               table_message);
}

BOOST_AUTO_TEST_CASE(an_edited_input_file_makes_another_study)
{
  const std::string dir = "/tmp/ebweld_test_study_files_" +
                          std::to_string(dealii::Utilities::MPI::n_mpi_processes(MPI_COMM_WORLD));
  const std::string dose       = dir + "/dose.csv";
  const std::string properties = dir + "/data/Si.csv";
  const bool        root       = this_mpi_process(MPI_COMM_WORLD) == 0;
  // a user's material table, with its Si data beside it, and a depth-dose table
  const auto write = [&](const std::string &path, const std::string &text) {
    if (root)
      std::ofstream(path) << text;
    MPI_Barrier(MPI_COMM_WORLD);
  };
  if (root)
    {
      std::filesystem::remove_all(dir);
      std::filesystem::create_directories(dir + "/data");
      std::filesystem::copy_file(std::string(EBWELD_SOURCE_DIR) + "/materials/materials.csv",
                                 dir + "/materials.csv");
      std::filesystem::copy_file(std::string(EBWELD_SOURCE_DIR) + "/materials/data/Si.csv",
                                 properties);
    }
  write(dose, "0,0\n0.5,3\n1,0\n");
  write(dir + "/study.prm",
        base_input + "subsection Material\n  set Database file = " + dir +
            "/materials.csv\nend\n"
            "subsection Heat sources\n  subsection Kanaya-Okayama\n"
            "    set Depth profile = table\n    set Depth-dose file = " +
            dose + "\n  end\nend\nsubsection Study\n  set Grid = Beam/Voltage (kV): 12, 15\nend\n");
  const std::string input = dir + "/study.prm";
  BOOST_TEST(command_study({input, "--output-dir", dir, "--stop-after", "1"}, MPI_COMM_WORLD) == 0);
  MPI_Barrier(MPI_COMM_WORLD);

  const auto refused_as_changed = [&](const std::string &file) {
    const auto [code, message] = study_with_errors({input, "--output-dir", dir});
    BOOST_TEST(code == 2);
    if (root)
      BOOST_TEST(message.find("the file " + file + " changed since the study began") !=
                     std::string::npos,
                 message);
  };
  write(dose, "0,0\n0.5,3\n1.5,0\n");
  refused_as_changed(dose);
  write(dose, "0,0\n0.5,3\n1,0\n"); // as recorded again
  if (root)
    std::ofstream(properties, std::ios::app) << "# an edit\n";
  MPI_Barrier(MPI_COMM_WORLD);
  refused_as_changed(properties);
  BOOST_TEST(read_table(dir + "/results.csv").size() == 1u);
}

BOOST_AUTO_TEST_CASE(a_case_whose_results_cannot_be_written_fails_alone)
{
  const std::string dir =
      prepare("unwritable", "Beam/Voltage (kV): 12, 15, 20",
              "subsection Mesh\n  set Cells per beam diameter = 4\n"
              "  set Cells per deposition depth = 4\nend\n"
              "subsection Material\n  set Temperature-dependent properties = false\nend\n"
              "subsection Output\n  set Write fields = false\n  set Write profiles = true\n"
              "  set Write picture = false\nend\n");
  // a folder where case 1's summary.json goes: the rename onto it fails
  if (this_mpi_process(MPI_COMM_WORLD) == 0)
    std::filesystem::create_directories(dir + "/case_0001/summary.json/occupied");
  MPI_Barrier(MPI_COMM_WORLD);
  BOOST_TEST(command_study({dir + "/study.prm", "--output-dir", dir, "--ranks-per-case", "1"},
                           MPI_COMM_WORLD) == 4);
  MPI_Barrier(MPI_COMM_WORLD);
  const auto rows = read_table(dir + "/results.csv");
  BOOST_REQUIRE(rows.size() == 3u);
  BOOST_TEST(rows.at("Beam/Voltage (kV)=12")[1] == "ok");
  BOOST_TEST(rows.at("Beam/Voltage (kV)=20")[1] == "ok");
  const auto &failed = rows.at("Beam/Voltage (kV)=15");
  BOOST_TEST(failed[1] == "failed");
  BOOST_TEST(failed[2].find("summary.json") != std::string::npos, failed[2]);
}
