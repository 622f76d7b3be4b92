// ebweld: finite-element welding simulator for micro electron-beam welding.
// Dispatches the sub-commands; each lives in its own command_*.cc.

#include "solver/base/interrupt.h"
#include "solver/commands/command_nano.h"
#include "solver/commands/command_optimize.h"
#include "solver/commands/command_run.h"
#include "solver/commands/command_study.h"
#include "solver/commands/version_report.h"

#include <deal.II/base/mpi.h>

#include <cstdio>
#include <cstdlib>
#include <exception>
#include <functional>
#include <iostream>
#include <map>

namespace
{
  const char *usage =
      "ebweld: moving-frame finite-element heat solver for electron-beam welding\n"
      "\n"
      "Usage: [mpirun -np N] ebweld COMMAND [ARGS]\n"
      "\n"
      "Commands:\n"
      "  run [FILE.prm]   solve one case (no file: the default silicon case)\n"
      "  study FILE.prm   parameter study over a grid or table of cases\n"
      "  optimize FILE.prm  least heat input for a target depth over Pe, R/z_m\n"
      "  nano FILE.prm    a nanoscale interface submodel against a temperature protocol\n"
      "\n"
      "'ebweld COMMAND --help' describes a command; 'ebweld run\n"
      "--print-parameters' lists every input parameter.\n";
}

int main(int argc, char **argv)
{
  // Open MPI's hwloc probes X displays :0, :1, ... for GPUs through its
  // "gl" plugin when a process starts without mpirun: measured 0.4 s per
  // start here and 5 s in a fresh Debian root, where each probe waits on
  // DNS. ebweld needs no GPU topology; a user's own setting wins.
  setenv("HWLOC_COMPONENTS", "-gl", /*overwrite=*/0);
  // The report line by line even into a pipe or file: a log of a run that
  // was killed shows how far it got.
  std::setvbuf(stdout, nullptr, _IOLBF, 0);
  // One thread per MPI rank: the ranks already use the cores.
  dealii::Utilities::MPI::MPI_InitFinalize mpi(argc, argv, 1);
  const MPI_Comm                           comm = MPI_COMM_WORLD;
  // after MPI's start-up, which may install handlers of its own
  ebweld::install_interrupt_handlers();
  const bool root = dealii::Utilities::MPI::this_mpi_process(comm) == 0;

  const std::map<std::string, std::function<int(const std::vector<std::string> &, MPI_Comm)>>
      commands = {{"run", ebweld::command_run},
                  {"study", ebweld::command_study},
                  {"optimize", ebweld::command_optimize},
                  {"nano", ebweld::command_nano}};

  const std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty() || args[0] == "--help" || args[0] == "-h")
    {
      if (root)
        (args.empty() ? std::cerr : std::cout) << usage;
      return args.empty() ? 2 : 0;
    }
  if (args[0] == "--version")
    {
      if (root)
        std::cout << ebweld::version_report();
      return 0;
    }
  const auto command = commands.find(args[0]);
  if (command == commands.end())
    {
      if (root)
        std::cerr << "ebweld: unknown command '" << args[0] << "'\n\n" << usage;
      return 2;
    }
  try
    {
      return command->second({args.begin() + 1, args.end()}, comm);
    }
  catch (const std::exception &e)
    {
      // An unexpected failure may be local to one rank: abort all of them
      // rather than leave the others waiting in a collective call.
      std::cerr << "ebweld: error: " << e.what() << std::endl;
      MPI_Abort(comm, 1);
    }
  return 1;
}
