#pragma once
// Runs a command (the real `ebweld` binary, or a helper) in a clean
// environment and captures its exit code and output. A child that
// inherited the MPI job variables of the test (started by mpirun) would try
// to join its job and hang both in MPI_Finalize.

#include <boost/test/unit_test.hpp>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <sys/wait.h>

namespace ebweld::testing
{
  struct Outcome
  {
    int         exit_code;
    std::string output;
  };

  /// `command` (a shell command line) with only PATH and the OpenMPI root
  /// permissions in its environment; stderr goes with stdout.
  inline Outcome run_clean(const std::string &command)
  {
    const char       *path = std::getenv("PATH");
    const std::string line = "env -i PATH='" + std::string(path ? path : "/usr/bin:/bin") +
                             "' OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 " +
                             command + " 2>&1";
    FILE *pipe = popen(line.c_str(), "r");
    BOOST_REQUIRE(pipe != nullptr);
    std::string            output;
    std::array<char, 4096> buffer;
    while (fgets(buffer.data(), buffer.size(), pipe) != nullptr)
      output += buffer.data();
    const int status = pclose(pipe);
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, output};
  }

  /// `ebweld ARGUMENTS`
  inline Outcome run_ebweld(const std::string &arguments)
  {
    return run_clean(std::string(EBWELD_BINARY) + " " + arguments);
  }
} // namespace ebweld::testing
