#pragma once
// The output folder is checked before any solve: a folder that cannot be
// created or written (a file of that name, a read-only folder) is an input
// error at start-up, not a failure after the solve. And a run's
// summary.json is removed before it solves, so that its presence still
// means the last run there finished.

#include <mpi.h>

#include <string>

namespace ebweld
{
  /// Creates `path` and its parents and checks that a file can be created
  /// in it (rank 0 looks; every rank of `comm` throws the same InputError,
  /// naming `parameter`, if not). Collective.
  void prepare_output_directory(const std::string &path, const std::string &parameter,
                                MPI_Comm comm);

  /// Removes `<directory>/summary.json`, the previous run's (rank 0 of
  /// `comm`; a missing file is no error). Collective.
  void remove_stale_summary(const std::string &directory, MPI_Comm comm);
} // namespace ebweld
