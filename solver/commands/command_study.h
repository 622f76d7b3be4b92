#pragma once
// `ebweld study`: a parameter study over any input parameters, in parallel
// over cases on groups of ranks (solver/study_plan.h, results_table.h).

#include <mpi.h>
#include <string>
#include <vector>

namespace ebweld
{
  int         command_study(const std::vector<std::string> &arguments, MPI_Comm comm);
  std::string study_usage();
} // namespace ebweld
