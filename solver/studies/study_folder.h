#pragma once
// An output folder belongs to one study. The first run there records the
// study's definition in study.json: the base input with the --set overrides
// applied, the checksums of the files it reads, and the list of cases. Left out are the subsections that do not
// change a case's result (Output, Resources) and Study itself, whose cases
// are recorded instead. A later run resumes only the same study and refuses
// another one, naming the first input that differs; without that, a second
// study would append rows under the first one's columns and overwrite its
// case folders. An exclusive lock on study.lock refuses a second study in
// the folder while one runs (two would solve every case twice).

#include "solver/base/file_lock.h"
#include "solver/studies/study_plan.h"

#include <deal.II/base/parameter_handler.h>

#include <mpi.h>
#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace ebweld
{
  /// What study.json records of the study of `prm` (file and --set
  /// overrides read) and `plan`.
  nlohmann::ordered_json study_definition(const dealii::ParameterHandler &prm,
                                          const StudyPlan                &plan);

  /// The first difference between a recorded study definition and another
  /// one, in words ("Beam/Current (A) was 0.001, is 0.002 here"); empty if
  /// they are the same.
  std::string first_difference(const nlohmann::ordered_json &recorded,
                               const nlohmann::ordered_json &current);

  class StudyFolderClaim
  {
  public:
    /// Takes the lock on `directory` and records `definition` there, or
    /// checks it against the one recorded. Throws the same InputError on
    /// every rank of `comm` when another study runs there, a different one
    /// is recorded, or `results_file` is there without a record. Collective.
    StudyFolderClaim(const std::string &directory, const nlohmann::ordered_json &definition,
                     const std::string &results_file, MPI_Comm comm);

  private:
    /// held by rank 0 while the study runs
    std::optional<FileLock> lock_;
  };
} // namespace ebweld
