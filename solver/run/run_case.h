#pragma once
// One steady moving-frame case from a parsed setup to its results, in four
// phases: solve (plain, or coupled to an interface filler), record what the
// set-up and the solve give, run the postprocessors (measure, then write),
// write summary.json. Runs on any communicator, so that a study can give
// each case a sub-communicator.

#include "solver/case/case_setup.h"
#include "solver/filler/interface_filler.h"
#include "solver/post/postprocessor.h"

#include <nlohmann/json.hpp>

#include <mpi.h>
#include <ostream>

namespace ebweld
{
  /// Runs the case; progress and the report go to `log` (pass a stream that
  /// only rank 0 prints). Returns the summary (SI units). Throws
  /// SolverDivergence or std::runtime_error on failure.
  /// With a `filler`, the heat solve is coupled to the interface filler's
  /// submodels, and the summary, fields and CSV files include its state.
  nlohmann::ordered_json run_case(const CaseSetup &setup, MPI_Comm comm,
                                  const OutputOptions &options, std::ostream &log,
                                  const FillerSettings *filler = nullptr);
} // namespace ebweld
