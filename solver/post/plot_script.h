#pragma once
// Runs one of the matplotlib scripts of postproc/ as a child process, so
// that a run can leave a picture without linking Python. The child gets an
// argument vector (no shell: output paths are never parsed as commands),
// its stdout is discarded (the caller reports), its stderr is the run's, and
// it is killed if it outlives a timeout, so a stuck plot never hangs a run.

#include <string>
#include <vector>

namespace ebweld
{
  /// Runs `/usr/bin/python3 script arguments...` and waits at most
  /// `timeout_s`. Debian's interpreter, the one the scripts name in their
  /// first line, whatever python3 PATH finds first: python3-matplotlib is
  /// installed for it. Returns an empty string on success, else why it
  /// failed ("/usr/bin/python3 not found", "exited with status 1", ...).
  std::string run_plot_script(const std::string &script, const std::vector<std::string> &arguments,
                              double timeout_s);

  /// Runs postproc/`script_name` with `arguments` (among them the path of
  /// the `picture` it writes) for at most 120 s, and returns the line for
  /// the log: where the picture is, or why it was not drawn and how to get
  /// it or skip it. Call on one rank.
  std::string draw_picture(const std::string              &script_name,
                           const std::vector<std::string> &arguments, const std::string &picture);
} // namespace ebweld
