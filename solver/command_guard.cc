#include "solver/command_guard.h"

#include "solver/input_error.h"
#include "solver/linear_solver.h"

#include <deal.II/base/mpi.h>

#include <iostream>

namespace ebweld
{
  int run_guarded(MPI_Comm comm, const std::function<int()> &command)
  {
    const bool root = dealii::Utilities::MPI::this_mpi_process(comm) == 0;
    try
      {
        return command();
      }
    catch (const InputError &e)
      {
        if (root)
          std::cerr << "ebweld: input error: " << e.what() << "\n";
        return 2;
      }
    catch (const SolverDivergence &e)
      {
        if (root)
          std::cerr << "ebweld: solver error: " << e.what() << "\n";
        return 3;
      }
  }
} // namespace ebweld
