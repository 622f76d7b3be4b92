#pragma once
// Results are written to a temporary file beside the target and renamed
// into place, so that a killed run never leaves a half-written file that
// looks complete. The temporary file has an unpredictable name and is
// created exclusively: nothing planted in the output folder (a symlink to
// another file, say) is opened or followed.

#include <functional>
#include <ostream>
#include <string>

namespace ebweld
{
  /// Calls `write` on a stream to a temporary file, then renames it to
  /// `path`. Throws std::runtime_error if the file cannot be written.
  void write_file_atomically(const std::string                         &path,
                             const std::function<void(std::ostream &)> &write);

  /// Creates a directory and its parents; throws on failure.
  void make_directories(const std::string &path);
} // namespace ebweld
