#pragma once
// `ebweld run`: one case from an input file (or the default case).

#include <mpi.h>
#include <string>
#include <vector>

namespace ebweld
{
  /// Arguments after "run". Returns the process exit code.
  int command_run(const std::vector<std::string> &arguments, MPI_Comm comm);

  /// Help text of `ebweld run`.
  std::string run_usage();
} // namespace ebweld
