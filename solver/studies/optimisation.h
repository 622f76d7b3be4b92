#pragma once
// Process optimisation (issue 3, docs/PHYSICS.md 1): for a material, beam
// diameter d and target melt depth z_m, over Peclet numbers Pe and
// penetration ratios R / z_m, find the voltage, current and speed that give
// the depth with the least heat input HI = V I / U.
//
// R / z_m gives R, R gives V (inverting the Kanaya-Okayama range), Pe gives
// U = Pe alpha / d, and ONE solve at unit beam power gives the current for
// the target depth by linearity. For a fixed Pe the mesh and the matrix do
// not depend on R / z_m (only the source does), so each Pe keeps one
// assembled operator and preconditioner for all its right-hand sides.

#include "solver/fe/heat_problem.h"

#include <deal.II/base/parameter_handler.h>

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace ebweld
{
  class CaseSetup;

  struct OptimisationSettings
  {
    double              target_depth_m = 2.5e-6;
    std::vector<double> peclet_numbers;
    std::vector<double> ratios;
    bool                refine_minimum = true;
    bool                reuse_operator = true;
    /// (Pe, R / z_m) points whose weld cross-section is written
    std::vector<std::pair<double, double>> cross_sections;
    bool                                   write_depth_profiles = false;

    static void                 declare_parameters(dealii::ParameterHandler &prm);
    static OptimisationSettings parse(dealii::ParameterHandler &prm);
  };

  /// One evaluated (Pe, R / z_m) point.
  struct OptimisationPoint
  {
    double peclet_number = 0., ratio = 0., range_m = 0., voltage_V = 0., current_A = 0.;
    double speed_m_per_s = 0., heat_input_J_per_m = 0.;
    double peak_surface_temperature_K = 0., peak_surface_over_boiling = 0.;
    /// melt depth of the field scaled to current_A (checks the shortcut) [m]
    double       melt_depth_m = 0.;
    std::string  status; // ok | unattainable
    std::string  note;
    unsigned int iterations   = 0;
    double       solve_time_s = 0.;
  };

  /// The base case of the input with further "Section/Name=value"
  /// overrides applied last; throws InputError.
  using CaseReader =
      std::function<std::unique_ptr<CaseSetup>(const std::vector<std::string> &overrides)>;

  /// The sweep over R / z_m at one Peclet number.
  class PecletSweep
  {
  public:
    /// `read_case` gives the base case and its variants.
    PecletSweep(CaseReader read_case, const OptimisationSettings &settings, double peclet_number,
                MPI_Comm comm);
    ~PecletSweep();

    /// Parses every grid point's case and checks that the sweep's mesh fits
    /// in memory (check_case_resources) before any solve; throws InputError
    /// naming the point.
    void check_inputs() const;

    /// One unit-power solve for R / z_m = ratio.
    OptimisationPoint evaluate(double ratio);

    /// After evaluate(): nodal T on the cross-section at the widest melt
    /// section, scaled to the point's current, as CSV (y_m, z_m, temperature_K).
    void write_cross_section(const OptimisationPoint &point, const std::string &path) const;

    /// After evaluate(): (T - T0) / (T_m - T0) of the hottest point at each
    /// depth, scaled to the point's current, as CSV (z_m, normalised_rise).
    void write_depth_profile(const OptimisationPoint &point, const std::string &path) const;

    /// Wall time spent building the mesh and the operator [s].
    double setup_time_s() const { return setup_time_s_; }

    /// Degrees of freedom of the sweep's mesh (0 before the first point).
    std::size_t n_dofs() const { return problem_ ? problem_->dof_handler().n_dofs() : 0; }

  private:
    std::unique_ptr<CaseSetup> case_for(double ratio, bool with_mesh_overrides) const;
    void                       build_problem_for(const CaseSetup &setup);

    CaseReader                   read_case_;
    OptimisationSettings         settings_;
    double                       peclet_;
    MPI_Comm                     comm_;
    std::unique_ptr<HeatProblem> problem_;
    double                       setup_time_s_          = 0.;
    double                       melt_rise_K_           = 0.;
    double                       initial_temperature_K_ = 0.;
    /// Beam power V I the mesh's automatic extents are sized for [W];
    /// unset: the input's. Raised when a melt pool reaches the outflow
    /// face (the domain behind the beam grows with the power).
    std::optional<double> mesh_beam_power_W_;
    /// Domain length behind the beam of the current mesh [m].
    double mesh_behind_m_ = 0.;
  };
} // namespace ebweld
