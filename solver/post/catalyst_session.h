#pragma once
// In situ visualisation with ParaView Catalyst. The adaptor lives in
// libebweld_catalyst.so (postproc/catalyst), which this class loads with
// dlopen only when Catalyst scripts are requested: runs without them need
// neither ParaView nor its start-up time. Each rank hands over its locally
// owned cells (Q1 vertices), never the whole mesh.

#include "solver/fe/heat_problem.h"
#include "solver/post/field_output.h"

#include <nlohmann/json.hpp>

#include <memory>
#include <string>
#include <vector>

namespace ebweld
{
  class CatalystSession
  {
  public:
    /// Loads the adaptor and the pipelines (collective); the pipelines
    /// write into `output_directory` (environment EBWELD_CATALYST_OUTPUT).
    /// Throws InputError for a missing or broken script or a build without
    /// Catalyst.
    CatalystSession(MPI_Comm comm, const std::vector<std::string> &scripts,
                    const std::string &output_directory, unsigned int interval = 1);
    ~CatalystSession();
    CatalystSession(const CatalystSession &)            = delete;
    CatalystSession &operator=(const CatalystSession &) = delete;

    /// Hands the fields to the pipelines (collective); `parameters` travel
    /// with the data as field data "parameters" (JSON text), and each
    /// numeric parameter also as a one-value array of its name. Returns the
    /// points and cells handed over by all ranks together. Only every
    /// interval-th call hands over (0, 0 otherwise), unless `always`.
    std::pair<long long, long long>
    coprocess(const HeatProblem &problem, const FieldOutputData &data, double time, int time_step,
              const nlohmann::ordered_json &parameters, bool always = false);

    /// Output points offered so far (handed over or skipped).
    int calls() const { return calls_; }

    /// Wall time of loading the adaptor, ParaView and the pipelines [s]
    /// (slowest rank).
    double startup_time_s() const { return startup_time_s_; }

  private:
    struct Library;
    std::unique_ptr<Library> library_;
    int                      calls_ = 0;
    unsigned int             interval_;
    double                   startup_time_s_ = 0.;
  };

  /// Removes every "--catalyst SCRIPT" pair from `arguments` and returns
  /// the scripts in order.
  std::vector<std::string> take_catalyst_scripts(std::vector<std::string> &arguments);
} // namespace ebweld
