#include "solver/command_run.h"

#include "solver/case_setup.h"
#include "solver/input_error.h"
#include "solver/parameter_overrides.h"
#include "solver/run_case.h"

#include <deal.II/base/mpi.h>

#include <iostream>

namespace ebweld
{
  namespace
  {
    struct RunArguments
    {
      std::string              input_file;
      std::vector<std::string> overrides;
      std::string              output_directory;
      bool                     print_parameters = false;
      bool                     validate_only    = false;
    };

    RunArguments parse_arguments(const std::vector<std::string> &args)
    {
      RunArguments r;
      for (std::size_t i = 0; i < args.size(); ++i)
        {
          const std::string &a     = args[i];
          const auto         value = [&](const char *option) {
            if (i + 1 >= args.size())
              throw InputError(std::string(option) + " needs a value (see 'ebweld run --help')");
            return args[++i];
          };
          if (a == "--set")
            r.overrides.push_back(value("--set"));
          else if (a == "--output-dir")
            r.output_directory = value("--output-dir");
          else if (a == "--print-parameters")
            r.print_parameters = true;
          else if (a == "--validate")
            {
              r.validate_only = true;
              r.input_file    = value("--validate");
            }
          else if (!a.empty() && a[0] == '-')
            throw InputError("unknown option '" + a + "' (see 'ebweld run --help')");
          else if (r.input_file.empty())
            r.input_file = a;
          else
            throw InputError("more than one input file given: '" + r.input_file + "' and '" + a + "'");
        }
      return r;
    }
  } // namespace

  std::string run_usage()
  {
    return "Usage: ebweld run [FILE.prm] [--set \"Section/Name=value\" ...] [--output-dir DIR]\n"
           "       ebweld run --print-parameters\n"
           "       ebweld run --validate FILE.prm\n"
           "\n"
           "Solves the steady moving-frame heat equation for one case. Without FILE\n"
           "the default case runs: silicon, Kanaya-Okayama source, Pe = 100.\n"
           "Writes summary.json, fields (.pvd/.pvtu/.vtu) and CSV profiles into\n"
           "the output directory (Output/Directory, default ./output).\n"
           "\n"
           "  --set \"S/N=v\"       override parameter N of subsection S (repeatable)\n"
           "  --output-dir DIR    write results into DIR\n"
           "  --print-parameters  list every parameter with default, allowed values, unit\n"
           "  --validate FILE     check FILE (and --set overrides) without solving\n";
  }

  int command_run(const std::vector<std::string> &arguments, MPI_Comm comm)
  {
    const bool   root = dealii::Utilities::MPI::this_mpi_process(comm) == 0;
    std::ostream null_stream(nullptr);
    std::ostream &log = root ? std::cout : null_stream;
    try
      {
        for (const auto &a : arguments)
          if (a == "--help" || a == "-h")
            {
              log << run_usage();
              return 0;
            }
        const RunArguments       args = parse_arguments(arguments);
        dealii::ParameterHandler prm;
        declare_case_parameters(prm);
        if (args.print_parameters)
          {
            if (root)
              print_parameter_reference(prm, std::cout);
            return 0;
          }
        if (!args.input_file.empty())
          parse_input_file(prm, args.input_file);
        for (const auto &assignment : args.overrides)
          apply_override(prm, assignment);
        const CaseSetup setup(prm);
        if (args.validate_only)
          {
            log << args.input_file << ": valid\n";
            for (const auto &warning : setup.warnings)
              log << "  WARNING: " << warning << "\n";
            return 0;
          }
        RunOptions options;
        options.output_directory =
          args.output_directory.empty() ? setup.output.directory : args.output_directory;
        options.write_fields   = setup.output.write_fields;
        options.write_profiles = setup.output.write_profiles;
        run_case(setup, comm, options, log);
        log << "  results in " << options.output_directory << "/summary.json\n";
        return 0;
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
