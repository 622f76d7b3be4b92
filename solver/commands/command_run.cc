#include "solver/commands/command_run.h"

#include "solver/base/input_error.h"
#include "solver/case/case_setup.h"
#include "solver/case/ignored_inputs.h"
#include "solver/case/solve_case.h"
#include "solver/commands/command_arguments.h"
#include "solver/commands/command_guard.h"
#include "solver/commands/parameter_overrides.h"
#include "solver/filler/interface_filler.h"
#include "solver/post/catalyst_session.h"
#include "solver/post/result_quantities.h"
#include "solver/run/run_case.h"

#include <deal.II/base/mpi.h>

#include <iostream>

namespace ebweld
{
  std::string run_usage()
  {
    return "Usage: ebweld run [FILE.prm] [--set \"Section/Name=value\" ...] [--output-dir DIR]\n"
           "                  [--catalyst SCRIPT.py ...]\n"
           "       ebweld run --print-parameters\n"
           "       ebweld run --print-results\n"
           "       ebweld run --validate FILE.prm\n"
           "\n"
           "Solves the steady moving-frame heat equation for one case. Without FILE\n"
           "the default case runs: silicon, Kanaya-Okayama source, Pe = 100.\n"
           "Writes summary.json, fields (.pvd/.pvtu/.vtu) and CSV profiles into\n"
           "the output directory (Output/Directory, default ./output).\n"
           "\n"
           "  --set \"S/N=v\"       override parameter N of subsection S (repeatable)\n"
           "  --output-dir DIR    write results into DIR\n"
           "  --print-parameters  list every parameter with default, type and unit\n"
           "  --validate FILE     check FILE (and --set overrides) without solving\n"
           "  --print-results     list every reported quantity with unit and meaning\n"
           "  --catalyst SCRIPT   attach a ParaView Catalyst Python pipeline (repeatable;\n"
           "                      see postproc/catalyst/README.md)\n";
  }

  int command_run(const std::vector<std::string> &arguments, MPI_Comm comm)
  {
    const bool root = dealii::Utilities::MPI::this_mpi_process(comm) == 0;
    return run_command(arguments, comm, run_usage(), [&](std::ostream &log) {
      std::vector<std::string> rest    = arguments;
      const auto               scripts = take_catalyst_scripts(rest);
      auto                     args    = CommandArguments::parse(rest, "run", {"--validate"},
                                                                 {"--print-parameters", "--print-results"});
      dealii::ParameterHandler prm;
      if (args.has("--print-results"))
        {
          if (root)
            std::cout << result_quantities_markdown();
          return 0;
        }
      if (args.has("--print-parameters"))
        {
          read_input(prm, "", {});
          if (root)
            print_parameter_reference(prm, std::cout);
          return 0;
        }
      const bool validate_only = args.take_validate();
      read_input(prm, args.input_file, args.overrides);
      CaseSetup setup(prm);
      for (auto &warning : other_command_warnings(prm))
        setup.warnings.push_back(std::move(warning));
      const auto filler = parse_filler(prm, setup.extents.depth_m, setup.extents.side_m);
      // the filler's conductivity field is a linear solve's coefficient
      if (filler && setup.temperature_dependent())
        throw_input_error("Material/Temperature-dependent properties", "true",
                          "false with an interface filler (the coupling solves with constant "
                          "bulk properties)");
      const auto          postprocessors = PostprocessorRegistry::instance().parse_active(prm);
      const CaseResources resources      = check_case_resources(setup, comm);
      if (validate_only)
        {
          auto warnings = setup.warnings;
          if (resources.warning)
            warnings.push_back(*resources.warning);
          report_valid(args.input_file, warnings, log);
          log << "  estimate: " << resources.estimate.describe() << "\n";
          return 0;
        }
      OutputOptions options;
      options.output_directory = args.prepared_output_directory(setup.output.directory, comm);
      options.write_fields     = setup.output.write_fields;
      options.write_profiles   = setup.output.write_profiles;
      options.write_picture    = setup.output.write_picture;
      options.postprocessors   = postprocessors;
      std::unique_ptr<CatalystSession> catalyst;
      if (!scripts.empty())
        catalyst = std::make_unique<CatalystSession>(
            comm, scripts, options.output_directory + "/catalyst", setup.output.catalyst_interval);
      options.catalyst = catalyst.get();
      run_case(setup, comm, options, log, filler ? &*filler : nullptr);
      log << "  results in " << options.output_directory << "/summary.json\n";
      return 0;
    });
  }
} // namespace ebweld
