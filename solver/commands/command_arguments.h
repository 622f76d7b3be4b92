#pragma once
// Arguments of the ebweld sub-commands: one input file, repeatable --set
// overrides, --output-dir, and the command's own options and flags.

#include <mpi.h>

#include <map>
#include <set>
#include <string>
#include <vector>

namespace ebweld
{
  struct CommandArguments
  {
    std::string                        input_file;
    std::vector<std::string>           overrides;
    std::string                        output_directory;
    std::map<std::string, std::string> options;
    std::set<std::string>              flags;

    /// Parses `args`; `valued` are the command's options that take a value,
    /// `flags` those that do not. Throws InputError for anything else.
    static CommandArguments parse(const std::vector<std::string> &args, const std::string &command,
                                  const std::set<std::string> &valued,
                                  const std::set<std::string> &flags);

    bool has(const std::string &flag) const { return flags.count(flag) != 0; }

    /// For a command parsed with the valued option --validate: makes its
    /// value the input file and returns true, or returns false without it.
    /// Throws InputError if an input file is given as well.
    bool take_validate();

    /// A whole-number option in [lower, upper], or `fallback` if absent.
    unsigned int count(const std::string &option, unsigned int fallback, unsigned int lower,
                       unsigned int upper) const;

    /// --output-dir, or else `from_input` (the input's Output/Directory),
    /// created and checked writable before anything is solved (throws
    /// InputError naming the one that was used). Collective over `comm`.
    std::string prepared_output_directory(const std::string &from_input, MPI_Comm comm) const;
  };
} // namespace ebweld
