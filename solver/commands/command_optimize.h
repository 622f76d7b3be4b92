#pragma once
// `ebweld optimize`: least heat input for a target melt depth over Peclet
// numbers and penetration ratios (solver/optimisation.h).

#include <mpi.h>
#include <string>
#include <vector>

namespace ebweld
{
  int         command_optimize(const std::vector<std::string> &arguments, MPI_Comm comm);
  std::string optimize_usage();
} // namespace ebweld
