#include "solver/commands/command_guard.h"

#include "solver/base/input_error.h"
#include "solver/base/interrupt.h"
#include "solver/fe/linear_solver.h"

#include <deal.II/base/mpi.h>

#include <iostream>

namespace ebweld
{
  int run_command(const std::vector<std::string> &arguments, MPI_Comm comm,
                  const std::string &usage, const std::function<int(std::ostream &)> &body)
  {
    const bool    root = dealii::Utilities::MPI::this_mpi_process(comm) == 0;
    std::ostream  null_stream(nullptr);
    std::ostream &log = root ? std::cout : null_stream;
    for (const auto &a : arguments)
      if (a == "--help" || a == "-h")
        {
          log << usage;
          return 0;
        }
    try
      {
        return body(log);
      }
    catch (const InputError &e)
      {
        if (root)
          std::cerr << "ebweld: input error: " << printable(e.what()) << "\n";
        return 2;
      }
    catch (const SolverDivergence &e)
      {
        if (root)
          std::cerr << "ebweld: solver error: " << printable(e.what()) << "\n";
        return 3;
      }
    catch (const Interrupted &e)
      {
        if (root)
          std::cerr << "ebweld: " << e.what()
                    << "; the files written so far are complete, no others were started\n";
        return e.exit_code();
      }
  }

  int report_valid(const std::string &file, const std::vector<std::string> &warnings,
                   std::ostream &log)
  {
    log << file << ": valid\n";
    for (const auto &warning : warnings)
      log << "  WARNING: " << printable(warning) << "\n";
    return 0;
  }
} // namespace ebweld
