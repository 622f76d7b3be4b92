#pragma once
// `ebweld nano`: a nanoscale interface submodel against a prescribed
// temperature protocol.

#include <mpi.h>
#include <string>
#include <vector>

namespace ebweld
{
  int command_nano(const std::vector<std::string> &arguments, MPI_Comm comm);
}
