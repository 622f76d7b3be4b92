// The fuzz corpus (issue 28): every file of tests/fuzz/ is a bad input or
// a fault, run through the command it names, once for real and once with
// --validate. Each must end with its documented exit status (2 for bad
// input unless the file says otherwise), with a message holding every
// expected fragment (the parameter or file and line, the value), and leave
// no summary.json behind. A file's header says what to expect:
//   # fuzz: command = run | study | optimize | nano
//   # fuzz: exit = 2                 (the real run's status)
//   # fuzz: validate exit = 2        (--validate's, if not the same)
//   # fuzz: expect = <fragment>      (repeatable)
//   # fuzz: output = <folder> | a file   (the output folder; default: a fresh one)
// Add a file here for every input bug found.

#include "solver/commands/command_nano.h"
#include "solver/commands/command_optimize.h"
#include "solver/commands/command_run.h"
#include "solver/commands/command_study.h"

#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace
{
  struct FuzzCase
  {
    std::string              name;
    std::string              path;
    std::string              command;
    int                      exit_code          = 2;
    int                      validate_exit_code = 2;
    std::vector<std::string> fragments;
    std::string              output;
  };

  FuzzCase read_case(const fs::path &path)
  {
    FuzzCase      c{path.stem().string(), path.string()};
    std::ifstream in(path);
    bool          validate_given = false;
    for (std::string line; std::getline(in, line) && line.rfind("# fuzz: ", 0) == 0;)
      {
        const auto        equals = line.find(" = ");
        const std::string key    = line.substr(8, equals - 8);
        const std::string value  = line.substr(equals + 3);
        if (key == "command")
          c.command = value;
        else if (key == "exit")
          c.exit_code = std::stoi(value);
        else if (key == "validate exit")
          {
            c.validate_exit_code = std::stoi(value);
            validate_given       = true;
          }
        else if (key == "expect")
          c.fragments.push_back(value);
        else if (key == "output")
          c.output = value;
        else
          BOOST_FAIL(path << ": unknown directive '" << key << "'");
      }
    if (!validate_given)
      c.validate_exit_code = c.exit_code;
    return c;
  }

  using Command = std::function<int(const std::vector<std::string> &, MPI_Comm)>;
  const std::map<std::string, Command> commands = {{"run", ebweld::command_run},
                                                   {"study", ebweld::command_study},
                                                   {"optimize", ebweld::command_optimize},
                                                   {"nano", ebweld::command_nano}};

  /// The command's exit status and what it wrote to stderr.
  std::pair<int, std::string> run_quietly(const Command                  &command,
                                          const std::vector<std::string> &arguments)
  {
    std::ostringstream errors, report;
    std::streambuf    *terminal_errors = std::cerr.rdbuf(errors.rdbuf());
    std::streambuf    *terminal_report = std::cout.rdbuf(report.rdbuf());
    const int          code            = command(arguments, MPI_COMM_SELF);
    std::cerr.rdbuf(terminal_errors);
    std::cout.rdbuf(terminal_report);
    return {code, errors.str()};
  }

  std::string file_text(const std::string &path)
  {
    std::ifstream      in(path);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
  }

  /// The output folder for `c`'s real run, prepared as its header asks.
  std::string output_folder(const FuzzCase &c)
  {
    const std::string fresh = "/tmp/ebweld_fuzz/" + c.name;
    fs::remove_all(fresh);
    if (c.output.empty())
      return fresh;
    if (c.output == "a file")
      {
        fs::create_directories("/tmp/ebweld_fuzz");
        std::ofstream(fresh) << "a file where the output folder should be\n";
        return fresh;
      }
    return c.output;
  }

  void check_message(const FuzzCase &c, const int expected, const int code,
                     const std::string &message)
  {
    BOOST_TEST(code == expected, "exit " << code << ", expected " << expected << ": " << message);
    if (expected == 2)
      BOOST_TEST(message.find("ebweld: input error: ") != std::string::npos, message);
    if (expected != 0)
      for (const auto &fragment : c.fragments)
        BOOST_TEST(message.find(fragment) != std::string::npos,
                   "the message lacks '" << fragment << "': " << message);
  }
} // namespace

BOOST_AUTO_TEST_CASE(every_bad_input_is_refused_clearly)
{
  std::vector<fs::path> files;
  for (const auto &entry : fs::directory_iterator(std::string(EBWELD_SOURCE_DIR) + "/tests/fuzz"))
    if (entry.path().extension() == ".prm")
      files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  BOOST_TEST(files.size() >= 150u);
  std::map<std::string, unsigned int> per_command;
  for (const auto &file : files)
    {
      const FuzzCase c = read_case(file);
      BOOST_TEST_CONTEXT(c.path)
      {
        BOOST_REQUIRE(commands.count(c.command) == 1);
        ++per_command[c.command];
        const Command &command = commands.at(c.command);

        const auto [validate_code, validate_message] = run_quietly(command, {"--validate", c.path});
        check_message(c, c.validate_exit_code, validate_code, validate_message);

        const std::string folder = output_folder(c);
        auto [code, message]     = run_quietly(command, {c.path, "--output-dir", folder});
        // a study records each case's error in its table
        if (fs::exists(folder + "/results.csv"))
          message += file_text(folder + "/results.csv");
        check_message(c, c.exit_code, code, message);
        BOOST_TEST(!fs::exists(folder + "/summary.json"));
      }
    }
  for (const auto &[command, count] : per_command)
    BOOST_TEST_MESSAGE(count << " files for ebweld " << command);
  BOOST_TEST(per_command.size() == commands.size());
}
