#pragma once
// Turns the errors every command can meet into exit codes with one clear
// message on rank 0: 2 for bad input, 3 for a solver that did not converge.

#include <functional>
#include <mpi.h>

namespace ebweld
{
  int run_guarded(MPI_Comm comm, const std::function<int()> &command);
}
