#include "solver/commands/command_nano.h"

#include "solver/base/input_error.h"
#include "solver/base/output_directory.h"
#include "solver/base/parameter_section.h"
#include "solver/commands/command_arguments.h"
#include "solver/commands/command_guard.h"
#include "solver/commands/parameter_overrides.h"
#include "solver/filler/nano_run.h"

#include <deal.II/base/mpi.h>

namespace ebweld
{
  namespace
  {
    const char *nano_usage =
        "Usage: ebweld nano FILE.prm [--set \"Section/Name=value\" ...] [--output-dir DIR]\n"
        "       ebweld nano --validate FILE.prm [--set ...]   check FILE without running\n"
        "\n"
        "Runs one nanoscale interface submodel (Nano/Submodel: neck growth, core-shell\n"
        "alloying, cluster miscibility, knock-on, cation exchange) against a prescribed\n"
        "temperature protocol (Nano/Temperature protocol: isothermal, ramp, staircase\n"
        "or a table), e.g. to calibrate it against an in situ TEM heating experiment.\n"
        "Writes state.csv (the state over time), the model's tables (*.csv) and\n"
        "summary.json into the output directory (Output/Directory, default ./output).\n"
        "Examples: cases/nano_*/README.md; parameters: 'ebweld run --print-parameters'.\n";
  }

  int command_nano(const std::vector<std::string> &arguments, MPI_Comm comm)
  {
    return run_command(arguments, comm, nano_usage, [&](std::ostream &log) {
      auto       args          = CommandArguments::parse(arguments, "nano", {"--validate"}, {});
      const bool validate_only = args.take_validate();
      if (args.input_file.empty())
        throw InputError("ebweld nano needs an input file (see 'ebweld nano --help')");
      dealii::ParameterHandler prm;
      read_input(prm, args.input_file, args.overrides);
      const NanoRun run = parse_nano(prm);
      if (validate_only)
        return report_valid(args.input_file, {}, log);
      const std::string directory =
          args.prepared_output_directory(ParameterSection(prm, "Output").text("Directory"), comm);
      remove_stale_summary(directory, comm);
      // Every rank computes the (cheap, deterministic) history; rank 0 writes.
      const bool root = dealii::Utilities::MPI::this_mpi_process(comm) == 0;
      run_nano(run, root ? directory : std::string(), log);
      return 0;
    });
  }
} // namespace ebweld
