#include "solver/commands/command_arguments.h"

#include "solver/base/csv_lines.h"
#include "solver/base/input_error.h"
#include "solver/base/output_directory.h"

namespace ebweld
{
  CommandArguments CommandArguments::parse(const std::vector<std::string> &args,
                                           const std::string              &command,
                                           const std::set<std::string>    &valued,
                                           const std::set<std::string>    &flags)
  {
    const std::string help = " (see 'ebweld " + command + " --help')";
    CommandArguments  result;
    for (std::size_t i = 0; i < args.size(); ++i)
      {
        const std::string &a         = args[i];
        const auto         take_next = [&]() {
          if (i + 1 >= args.size())
            throw InputError(a + " needs a value" + help);
          return args[++i];
        };
        if (a == "--set")
          result.overrides.push_back(take_next());
        else if (a == "--output-dir")
          result.output_directory = take_next();
        else if (valued.count(a) != 0)
          result.options[a] = take_next();
        else if (flags.count(a) != 0)
          result.flags.insert(a);
        else if (!a.empty() && a[0] == '-')
          throw InputError("unknown option '" + a + "'" + help);
        else if (result.input_file.empty())
          result.input_file = a;
        else
          throw InputError("more than one input file given: '" + result.input_file + "' and '" + a +
                           "'");
      }
    return result;
  }

  bool CommandArguments::take_validate()
  {
    const auto it = options.find("--validate");
    if (it == options.end())
      return false;
    if (!input_file.empty())
      throw InputError("--validate takes the input file: give '" + input_file + "' or '" +
                       it->second + "', not both");
    input_file = it->second;
    return true;
  }

  unsigned int CommandArguments::count(const std::string &option, const unsigned int fallback,
                                       const unsigned int lower, const unsigned int upper) const
  {
    const auto it = options.find(option);
    if (it == options.end())
      return fallback;
    const std::string allowed =
        "a whole number in [" + std::to_string(lower) + ", " + std::to_string(upper) + "]";
    if (!is_csv_number(it->second))
      throw_input_error(option, it->second, allowed);
    const double value = std::stod(it->second);
    if (value != static_cast<unsigned int>(value) || value < lower || value > upper)
      throw_input_error(option, it->second, allowed);
    return static_cast<unsigned int>(value);
  }

  std::string CommandArguments::prepared_output_directory(const std::string &from_input,
                                                          const MPI_Comm     comm) const
  {
    const bool        given     = !output_directory.empty();
    const std::string directory = given ? output_directory : from_input;
    prepare_output_directory(directory, given ? "--output-dir" : "Output/Directory", comm);
    return directory;
  }
} // namespace ebweld
