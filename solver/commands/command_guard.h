#pragma once
// What every sub-command does around its own work: print its usage for
// --help, give it a log stream that only rank 0 prints, and turn the errors
// every command can meet into exit codes with one clear message on rank 0:
// 2 for bad input, 3 for a solver that did not converge, 128 + the signal's
// number for SIGINT or SIGTERM (base/interrupt.h).

#include <functional>
#include <mpi.h>
#include <ostream>
#include <string>
#include <vector>

namespace ebweld
{
  int run_command(const std::vector<std::string> &arguments, MPI_Comm comm,
                  const std::string &usage, const std::function<int(std::ostream &)> &body);

  /// What --validate prints for a valid input: "<file>: valid" and the
  /// warnings. Returns 0, the exit code.
  int report_valid(const std::string &file, const std::vector<std::string> &warnings,
                   std::ostream &log);
} // namespace ebweld
