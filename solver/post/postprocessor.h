#pragma once
// Postprocessors: what is measured from a solved case and what is written
// from it. Each one is a class in its own file that registers itself with
// EBWELD_REGISTER_POSTPROCESSOR; the input's Output/Postprocessors selects
// them by name, as Heat sources/Active selects the sources. A case runs
// every selected postprocessor's measure() (quantities and warnings into
// the results), then every one's write() (files and in situ output).

#include "solver/case/case_setup.h"
#include "solver/fe/heat_problem.h"
#include "solver/post/case_results.h"
#include "solver/post/energy_balance.h"
#include "solver/post/field_output.h"
#include "solver/post/melt_pool.h"

#include <deal.II/base/parameter_handler.h>

#include <nlohmann/json.hpp>

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace ebweld
{
  class CatalystSession;

  /// Where and what a case writes.
  struct OutputOptions
  {
    /// where fields, profiles and summary.json go
    std::string output_directory = "output";
    bool        write_fields     = true;
    bool        write_profiles   = true;
    bool        write_summary    = true;
    /// melt_pool.png, drawn by a Python process: off unless a command asks
    bool write_picture = false;
    /// the postprocessors to run, in order (default: every registered one)
    std::vector<std::string> postprocessors;
    /// in situ output (may be null); receives the fields with `parameters`
    CatalystSession *catalyst = nullptr;
    /// time step of the hand-over; negative: the session's next
    int                    catalyst_time_step  = -1;
    nlohmann::ordered_json catalyst_parameters = nlohmann::ordered_json::object();
  };

  /// State of a solve beyond the temperature field that postprocessors may
  /// read (the interface filler's, for a coupled solve).
  class SolutionExtension
  {
  public:
    virtual ~SolutionExtension() = default;
  };

  /// What a postprocessor sees of the solved case and where it reports.
  class PostprocessContext
  {
  public:
    PostprocessContext(const CaseSetup &setup, const HeatProblem &problem, double deposited_W,
                       const OutputOptions &options, std::ostream &log, CaseResults &results,
                       const SolutionExtension *extension = nullptr);

    const CaseSetup   &setup;
    const HeatProblem &problem;
    /// power deposited by the source quadrature in the full solid [W]
    const double         deposited_W;
    const OutputOptions &options;
    /// progress and report (only rank 0's is printed)
    std::ostream &log;
    CaseResults  &results;
    /// what field files and Catalyst receive; measure() may add cell fields
    FieldOutputData fields;

    /// T_m - T0 [K]
    double melt_rise_K() const;
    /// Measured on first use, shared by every postprocessor.
    const MeltPool      &melt_pool();
    const EnergyBalance &energy_balance();

    /// The solve's extension if it is a T (else null).
    template <typename T>
    const T *extension() const
    {
      return dynamic_cast<const T *>(extension_);
    }

  private:
    const SolutionExtension     *extension_;
    std::optional<MeltPool>      melt_pool_;
    std::optional<EnergyBalance> energy_balance_;
  };

  class Postprocessor
  {
  public:
    virtual ~Postprocessor() = default;
    /// Adds quantities and warnings to context.results (collective).
    virtual void measure(PostprocessContext &) {}
    /// Writes files or hands data over, after every measure() (collective).
    virtual void write(PostprocessContext &) {}
  };

  class PostprocessorRegistry
  {
  public:
    using Create = std::function<std::unique_ptr<Postprocessor>()>;

    static PostprocessorRegistry &instance();

    /// `position` orders the default list (and so the report).
    bool add(const std::string &name, const std::string &description, int position, Create create);

    /// Every registered name in default order.
    std::vector<std::string> names() const;

    /// Declares Output/Postprocessors.
    void declare_parameters(dealii::ParameterHandler &prm) const;

    /// The selected names, with Output/Write fields = false and Write
    /// profiles = false taking "fields" and "line profiles" out. Throws
    /// InputError for a name listed twice.
    std::vector<std::string> parse_active(dealii::ParameterHandler &prm) const;

    std::vector<std::unique_ptr<Postprocessor>> create(const std::vector<std::string> &names) const;

  private:
    struct Entry
    {
      std::string description;
      int         position;
      Create      create;
    };
    std::map<std::string, Entry> entries_;
  };
} // namespace ebweld

/// Registers Model (default-constructible) under `name`; `position` orders
/// the default list of Output/Postprocessors.
#define EBWELD_REGISTER_POSTPROCESSOR(Model, name, position, description)                        \
  namespace                                                                                      \
  {                                                                                              \
    const bool Model##_registered = ::ebweld::PostprocessorRegistry::instance().add(             \
        name, description, position,                                                             \
        []() -> std::unique_ptr<::ebweld::Postprocessor> { return std::make_unique<Model>(); }); \
  }
