#pragma once
// The steady moving-frame heat equation with temperature-dependent
// properties, latent heat and surface losses (docs/PHYSICS.md 6.1-6.3),
// solved for the enthalpy w = H / (rho0 c_p0) [K] (kirchhoff_map.h):
//
//   R(w) = L w + Lap (u(w) - w) + b(w) - s F = 0
//
// L is the constant-property operator at T0 (Q1 + SUPG, matrix-free), Lap
// its diffusion part, u = Phi / k0 the Kirchhoff unknown, F the source
// vector, s the power fraction of the continuation and b the lumped
// top-surface losses q_loss(T(w)). The enthalpy is advected as its nodal
// interpolant and the diffusion acts on Phi's, so R is exact for constant
// properties: R(w) = L w + b - s F, the linear equation. SUPG's tau stays
// the one of the T0 diffusivity (docs/NUMERICS.md).
//
// The enthalpy rather than the temperature or Phi is the unknown because
// u(w) and T(w) are flat where H(T) is steep (the melting range): a Newton
// step cannot overshoot into the latent heat. Newton's method with the
// consistent Jacobian (kirchhoff_jacobian.h) and a backtracking line
// search on ||R||, in continuation over s starting from the linear
// solution (the power step halved when a level fails).

#include "materials/kirchhoff_map.h"
#include "materials/surface_losses.h"
#include "solver/fe/heat_problem.h"

#include <deal.II/base/parameter_handler.h>

#include <memory>
#include <ostream>

namespace ebweld
{
  struct NonlinearSolverSettings
  {
    unsigned int max_newton_iterations = 30;
    /// converged when ||R|| <= this times ||s F|| and the melted nodes stay the same
    double       relative_tolerance     = 1e-7;
    unsigned int max_continuation_steps = 16;
    /// tightest relative tolerance of a Newton step's Krylov solve (the
    /// tolerance follows the residual down to it)
    double linear_relative_tolerance = 1e-8;

    static void                    declare_parameters(dealii::ParameterHandler &prm);
    static NonlinearSolverSettings parse(dealii::ParameterHandler &prm);
  };

  /// What the nonlinear equation needs beyond the assembled problem (the
  /// losses must outlive the solver).
  struct KirchhoffModel
  {
    std::shared_ptr<const KirchhoffMap> map;
    const SurfaceLossModel             &losses;
    dealii::types::boundary_id          top_surface;
    /// temperature above which a node counts as melted (the convergence test)
    double solidus_K;
    /// the map's melting range smoothing [K] (reported)
    double melting_smoothing_K;
    /// heat capacity of the linear predictor in the problem's rise [J/m^3/K]
    double predictor_heat_capacity_J_per_m3K;
  };

  /// The predictor's coefficients: `at_T0`'s with the mean properties up
  /// to the melting range, the Kirchhoff mean of k up to the solidus and
  /// the enthalpy per kelvin up to the liquidus (latent heat included).
  /// Its linear solution has the pool's size roughly right (the
  /// conductivity of Si at its melting point is a sixth of that at 300 K),
  /// which the solution at T0's properties is far from.
  HeatOperatorCoefficients predictor_coefficients(const HeatOperatorCoefficients &at_T0,
                                                  const KirchhoffMap &map, double solidus_K,
                                                  double liquidus_K);

  class KirchhoffNewton;

  /// The nonlinear solve on `problem`, whose operator (with coefficients
  /// k0, rho0 c_p0 and no convection: the losses are in the model) and
  /// sources are assembled and whose rise holds the linear predictor
  /// (predictor_coefficients()), the continuation's start. The
  /// constructor solves at the full power and stores the solution in the
  /// problem (HeatProblem::set_nonlinear_solution), reporting each Newton
  /// step to `log`; it throws SolverDivergence with the reason and the
  /// last residual when no continuation level converges. The solver then
  /// re-solves at other powers, warm-started (the target-depth current).
  class KirchhoffSolver
  {
  public:
    KirchhoffSolver(HeatProblem &problem, const KirchhoffModel &model,
                    const NonlinearSolverSettings &settings, const LinearSolverSettings &linear,
                    std::ostream &log);
    ~KirchhoffSolver();

    /// Solves at `power_fraction` of the beam power, from the last
    /// solution scaled to it; stores the solution in the problem.
    void solve_at(double power_fraction);
    /// Puts the full-power solution back into the problem.
    void restore_full_power();

  private:
    std::unique_ptr<KirchhoffNewton> newton_;
  };
} // namespace ebweld
