#include "solver/fe/kirchhoff_solver.h"

#include "solver/base/number_pattern.h"
#include "solver/base/parameter_section.h"
#include "solver/fe/kirchhoff_jacobian.h"
#include "solver/fe/petsc_check.h"
#include "solver/fe/reference_tabulation.h"

#include <deal.II/base/mpi.h>
#include <deal.II/base/quadrature_lib.h>

#include <algorithm>
#include <cmath>
#include <iomanip>
#include <optional>
#include <sstream>

namespace ebweld
{
  using namespace dealii;
  using PetscVector = PETScWrappers::MPI::Vector;

  void NonlinearSolverSettings::declare_parameters(ParameterHandler &prm)
  {
    const NonlinearSolverSettings defaults;
    prm.enter_subsection("Nonlinear solver");
    prm.declare_entry("Maximum Newton iterations", parameter_text(defaults.max_newton_iterations),
                      NumberPattern::whole(1, 1000),
                      "Newton steps per continuation level [-]; a level that needs more "
                      "is retried at a smaller power step.");
    prm.declare_entry("Relative tolerance", parameter_text(defaults.relative_tolerance),
                      NumberPattern::in_range(1e-14, 1e-2),
                      "Converged when the residual norm is at most this fraction of the "
                      "source vector's and the melted nodes stayed the same in the last "
                      "step [-].");
    prm.declare_entry("Maximum continuation steps", parameter_text(defaults.max_continuation_steps),
                      NumberPattern::whole(1, 1000),
                      "Power levels tried on the way from the linear solution to the full "
                      "beam power before the solve fails [-].");
    prm.declare_entry("Linear relative tolerance",
                      parameter_text(defaults.linear_relative_tolerance),
                      NumberPattern::in_range(1e-14, 1e-1),
                      "Tightest relative tolerance of a Newton step's Krylov solve [-]: "
                      "each step solves to 0.1 |R|/|F|, at most 1e-2 and at least this.");
    prm.leave_subsection();
  }

  NonlinearSolverSettings NonlinearSolverSettings::parse(ParameterHandler &prm)
  {
    ParameterSection        s(prm, "Nonlinear solver");
    NonlinearSolverSettings settings;
    settings.max_newton_iterations =
        static_cast<unsigned int>(s.number("Maximum Newton iterations"));
    settings.relative_tolerance = s.number("Relative tolerance");
    settings.max_continuation_steps =
        static_cast<unsigned int>(s.number("Maximum continuation steps"));
    settings.linear_relative_tolerance = s.number("Linear relative tolerance");
    return settings;
  }

  HeatOperatorCoefficients predictor_coefficients(const HeatOperatorCoefficients &at_T0,
                                                  const KirchhoffMap &map, const double solidus_K,
                                                  const double liquidus_K)
  {
    HeatOperatorCoefficients c = at_T0;
    const double             k = map.mean_conductivity_W_per_mK(solidus_K);
    c.conductivity_W_per_mK    = [k](const Box &) { return k; };
    c.rho_cp_J_per_m3K         = map.mean_heat_capacity_J_per_m3K(liquidus_K);
    return c;
  }

  namespace
  {
    /// The owned values of a PETSc vector, writable while this lives.
    class OwnedValues
    {
    public:
      explicit OwnedValues(Vec v)
          : v_(v)
      {
        check_petsc(VecGetArray(v_, &values_), "VecGetArray");
        check_petsc(VecGetLocalSize(v_, &size_), "VecGetLocalSize");
      }
      ~OwnedValues() { VecRestoreArray(v_, &values_); }
      OwnedValues(const OwnedValues &)            = delete;
      OwnedValues &operator=(const OwnedValues &) = delete;

      PetscScalar &operator[](const PetscInt i) { return values_[i]; }
      PetscInt     size() const { return size_; }

    private:
      Vec          v_;
      PetscScalar *values_ = nullptr;
      PetscInt     size_   = 0;
    };

    /// What evaluate() finds besides the nodal vectors.
    struct NodalSummary
    {
      std::uint64_t melted_nodes = 0;
      double        peak_K       = 0.;
    };

    /// One continuation level's Newton solve.
    struct LevelResult
    {
      bool                converged  = false;
      unsigned int        iterations = 0;
      std::string         reason;
      double              last_ratio = 0.;
      std::vector<double> ratios;
    };

    std::string percent(const double fraction)
    {
      std::ostringstream s;
      s << std::setprecision(4) << 100. * fraction << " %";
      return s.str();
    }
    /// The Newton steps' Krylov settings: their loose tolerances pay for a
    /// cheaper AMG set-up (default case: 28.5 instead of 33 s, 55 instead
    /// of 46 Krylov iterations; two paths, agg_nl 2: 308 and 88 s).
    LinearSolverSettings with_aggressive_coarsening(LinearSolverSettings settings)
    {
      settings.aggressive_coarsening = true;
      return settings;
    }
  } // namespace

  class KirchhoffNewton
  {
  public:
    KirchhoffNewton(HeatProblem &problem, const KirchhoffModel &model,
                    const NonlinearSolverSettings &settings, const LinearSolverSettings &linear,
                    std::ostream &log);

    void solve();
    /// Solves at `power_fraction` of the source, from the last solution
    /// scaled to it (the continuation from the predictor where that
    /// fails); stores the solution in the problem.
    void solve_at(double power_fraction);
    /// Puts the full-power solution of solve() back into the problem.
    void restore_full_power();

  private:
    PetscVector owned_vector() const { return PetscVector(owned_, comm_); }
    void        assemble_diffusion();
    void        assemble_face_weights();
    /// Fills the nodal vectors (u, q, losses) at the enthalpy w.
    NodalSummary evaluate(const PetscVector &w);
    /// r = R(w) and its norm; the nodal vectors and last_summary_ are w's.
    double residual(const PetscVector &w, double power_fraction, PetscVector &r);
    /// Solves J step = -r.
    unsigned int solve_step(const PetscVector &r, PetscVector &step);
    LevelResult  newton(PetscVector &u, double power_fraction);
    /// Newton levels from the predictor up to `target` power.
    void continuation(PetscVector &u, double target);
    /// Stores the solution u in the problem (and as the last one).
    void finish(const PetscVector &u, double power_fraction);

    HeatProblem                        &problem_;
    const KirchhoffModel                model_;
    const NonlinearSolverSettings       settings_;
    LinearSolverSettings                newton_linear_;
    std::ostream                       &log_;
    const MPI_Comm                      comm_;
    const IndexSet                      owned_;
    std::unique_ptr<MatrixFreeOperator> operator_;
    MatrixFreeOperator                  diffusion_;
    PETScWrappers::MPI::SparseMatrix    diffusion_twin_;
    /// u at the current enthalpy, q = du/dtheta_h - 1, b, db/dtheta_h
    PetscVector source_, face_weights_, kirchhoff_, diffusion_scale_, loss_, loss_derivative_,
        scratch_;
    KirchhoffJacobian jacobian_;
    NonlinearState    state_;
    NodalSummary      last_summary_;
    /// the predictor at full power, the last solution and its power fraction
    PetscVector predictor_, last_u_;
    double      last_fraction_ = 0.;
    /// solve()'s solution and its state, kept by the first solve_at()
    struct FullPower
    {
      PetscVector    u;
      NonlinearState state;
    };
    std::optional<FullPower> full_power_;
  };

  KirchhoffNewton::KirchhoffNewton(HeatProblem &problem, const KirchhoffModel &model,
                                   const NonlinearSolverSettings &settings,
                                   const LinearSolverSettings &linear, std::ostream &log)
      : problem_(problem)
      , model_(model)
      , settings_(settings)
      , newton_linear_(with_aggressive_coarsening(linear))
      , log_(log)
      , comm_(problem.communicator())
      , owned_(problem.dof_handler().locally_owned_dofs())
      , operator_(problem.take_matrix_free_operator())
      , diffusion_(problem.dof_handler(), problem.pieces(), problem.constraints(),
                   problem.locally_relevant_dofs())
      , source_(problem.source_rhs())
      , face_weights_(owned_vector())
      , kirchhoff_(owned_vector())
      , diffusion_scale_(owned_vector())
      , loss_(owned_vector())
      , loss_derivative_(owned_vector())
      , scratch_(owned_vector())
      , jacobian_(*operator_, diffusion_, diffusion_scale_, loss_derivative_)
      , predictor_(owned_vector())
      , last_u_(owned_vector())
  {
    assemble_diffusion();
    assemble_face_weights();
  }

  void KirchhoffNewton::assemble_diffusion()
  {
    HeatOperatorCoefficients c;
    const double             k0 = model_.map->reference_conductivity_W_per_mK();
    c.conductivity_W_per_mK     = [k0](const Box &) { return k0; };
    c.streamline_stabilisation  = false;
    problem_.create_amg_matrix(diffusion_twin_);
    PetscVector       unused_rhs = owned_vector();
    const PieceMatrix twin{problem_.pieces(), diffusion_twin_, true};
    assemble_heat_operator(problem_.dof_handler(), problem_.constraints(), c, problem_.pieces(),
                           diffusion_, unused_rhs, &twin);
  }

  void KirchhoffNewton::assemble_face_weights()
  {
    // lumped surface mass: the integral of each shape function over the
    // top surface [m^2]
    const ElementPieces             &pieces = problem_.pieces();
    const auto                      &fe     = pieces.piece_element();
    std::vector<ReferenceTabulation> faces;
    for (const unsigned int f : GeometryInfo<3>::face_indices())
      faces.push_back(ReferenceTabulation::on_face(fe, QGauss<2>(fe.degree + 1), f));
    Vector<double>                       weights(fe.n_dofs_per_cell());
    std::vector<types::global_dof_index> cell_dofs(
        problem_.dof_handler().get_fe().n_dofs_per_cell()),
        dofs(fe.n_dofs_per_cell());
    for (const auto &cell : problem_.dof_handler().active_cell_iterators())
      {
        if (!cell->is_locally_owned() || !cell->at_boundary())
          continue;
        cell->get_dof_indices(cell_dofs);
        const Box box = cell_box(cell);
        for (const unsigned int f : cell->face_indices())
          {
            if (!cell->at_boundary(f) || cell->face(f)->boundary_id() != model_.top_surface)
              continue;
            for (unsigned int s = 0; s < pieces.size(); ++s)
              {
                if (!pieces.on_cell_face(s, f))
                  continue;
                const double area = face_area(pieces.box(box, s).extents(), f);
                weights           = 0.;
                for (unsigned int q = 0; q < faces[f].n_points(); ++q)
                  for (unsigned int i = 0; i < weights.size(); ++i)
                    weights(i) += faces[f].value(i, q) * faces[f].weight(q) * area;
                const auto &local = pieces.local_dofs(s);
                for (unsigned int i = 0; i < dofs.size(); ++i)
                  dofs[i] = cell_dofs[local[i]];
                problem_.constraints().distribute_local_to_global(weights, dofs, face_weights_);
              }
          }
      }
    face_weights_.compress(VectorOperation::add);
  }

  NodalSummary KirchhoffNewton::evaluate(const PetscVector &w_vector)
  {
    OwnedValues w(w_vector), u(kirchhoff_), q(diffusion_scale_), b(loss_), d(loss_derivative_),
        m(face_weights_);
    NodalSummary summary;
    for (PetscInt i = 0; i < w.size(); ++i)
      {
        const KirchhoffMap::State state = model_.map->at_enthalpy(w[i]);
        u[i]                            = state.kirchhoff_rise_K;
        q[i]                            = 1. / state.enthalpy_slope - 1.;
        b[i] = d[i] = 0.;
        if (m[i] > 0.)
          {
            // dT/dtheta_h = (dT/du) (du/dtheta_h) = (k0 / k) / a
            const auto flux = model_.losses.at(state.temperature_K);
            b[i]            = m[i] * flux.total_W_per_m2();
            d[i]            = m[i] * flux.derivative_W_per_m2K /
                   (state.relative_conductivity * state.enthalpy_slope);
          }
        summary.melted_nodes += state.temperature_K >= model_.solidus_K;
        summary.peak_K = std::max(summary.peak_K, state.temperature_K);
      }
    summary.melted_nodes = Utilities::MPI::sum(summary.melted_nodes, comm_);
    summary.peak_K       = Utilities::MPI::max(summary.peak_K, comm_);
    return summary;
  }

  double KirchhoffNewton::residual(const PetscVector &w, const double power_fraction,
                                   PetscVector &r)
  {
    last_summary_ = evaluate(w);
    scratch_      = kirchhoff_;
    scratch_ -= w;
    operator_->vmult_sum(r, w, diffusion_, scratch_);
    r += loss_;
    r.add(-power_fraction, source_);
    return r.l2_norm();
  }

  unsigned int KirchhoffNewton::solve_step(const PetscVector &r, PetscVector &step)
  {
    // A new AMG per step: keeping one across steps (rebuilt when the
    // Krylov iterations doubled) took 83 s instead of 41 s on the
    // default case, with 116 instead of 66 Krylov iterations; with the
    // resolved melting range (11 mA, 486k DoFs) the kept one made the
    // second step's Krylov solve fail outright.
    LinearSolver solver(comm_, newton_linear_);
    Mat          amg = jacobian_.amg_matrix(problem_.amg_matrix(), diffusion_twin_);
    solver.set_operator(jacobian_.petsc_matrix(), amg, problem_.max_cell_peclet(),
                        AmgMatrixKind::nodal_twin);
    check_petsc(MatDestroy(&amg), "MatDestroy");
    PetscVector rhs(r);
    rhs *= -1.;
    step = 0.;
    return solver.solve(step, rhs);
  }

  LevelResult KirchhoffNewton::newton(PetscVector &u, const double power_fraction)
  {
    LevelResult result;
    PetscVector r = owned_vector(), step = owned_vector(), trial = owned_vector(),
                trial_r           = owned_vector();
    const double  reference       = power_fraction * source_.l2_norm();
    double        norm            = residual(u, power_fraction, r);
    NodalSummary  summary         = last_summary_;
    std::uint64_t previous_melted = summary.melted_nodes + 1; // none before the first step
    for (unsigned int k = 0;; ++k)
      {
        result.last_ratio = norm / reference;
        result.ratios.push_back(result.last_ratio);
        result.iterations = k;
        if (!std::isfinite(norm))
          {
            result.reason = "the residual is not finite";
            return result;
          }
        const bool melt_settled = k == 0 || summary.melted_nodes == previous_melted;
        if (result.last_ratio <= settings_.relative_tolerance && melt_settled)
          {
            result.converged = true;
            return result;
          }
        if (k == settings_.max_newton_iterations)
          {
            result.reason = "no convergence in " + std::to_string(k) + " Newton iterations";
            return result;
          }
        // inexact Newton: far from the solution a rough step does as
        // well; near it the tolerance follows the residual, which keeps
        // the convergence quadratic (Eisenstat and Walker 1996)
        // (and never tighter than the Newton tolerance needs)
        newton_linear_.relative_tolerance = std::clamp(
            0.1 * std::max(result.last_ratio, settings_.relative_tolerance / result.last_ratio),
            settings_.linear_relative_tolerance, 1e-2);
        unsigned int krylov = 0;
        try
          {
            krylov = solve_step(r, step);
          }
        catch (const SolverDivergence &e)
          {
            result.reason = std::string("the Newton step's linear solve failed: ") + e.what();
            return result;
          }
        state_.linear_iterations += krylov;
        // backtracking: halve the step until the residual norm decreases
        double lambda = 1., trial_norm = 0.;
        for (unsigned int halving = 0;; ++halving)
          {
            trial = u;
            trial.add(lambda, step);
            trial_norm = residual(trial, power_fraction, trial_r);
            if (std::isfinite(trial_norm) && trial_norm <= (1. - 1e-4 * lambda) * norm)
              break;
            // a step cut below 1/64 means the power step was too long:
            // a shorter one is cheaper than creeping here. (A limit of
            // 1/8 sent the default mesh at 11 mA to half power first:
            // 14 Newton steps in 38 s instead of 11 in 30 s.)
            if (halving == 6)
              {
                result.reason = "the line search had to cut the Newton step below 1/64 at "
                                "|R|/|F| = " +
                                std::to_string(norm / reference);
                return result;
              }
            lambda *= 0.5;
          }
        u               = trial;
        r               = trial_r;
        norm            = trial_norm;
        previous_melted = summary.melted_nodes;
        summary         = last_summary_; // the accepted trial was evaluated last
        log_ << "    Newton " << std::setw(2) << k + 1 << " at " << percent(power_fraction)
             << " power: |R|/|F| " << std::scientific << std::setprecision(2) << norm / reference
             << std::defaultfloat << ", step " << lambda << ", " << krylov << " Krylov its, peak "
             << std::setprecision(6) << summary.peak_K << " K, " << summary.melted_nodes
             << " nodes melted\n"
             << std::flush;
      }
  }

  void KirchhoffNewton::continuation(PetscVector &u, const double target)
  {
    // The full power first, from the predictor; where that fails, the
    // power step is halved, and later levels start from the secant
    // through the last two converged ones.
    double      trial_fraction = target;
    double      done = 0., before = 0.;
    PetscVector done_u = owned_vector(), before_u = owned_vector();
    for (unsigned int level = 1;; ++level)
      {
        if (done == 0.)
          {
            u = predictor_;
            u *= trial_fraction;
          }
        else
          {
            // u = done_u + (trial - done) / (done - before) (done_u - before_u)
            u = done_u;
            u.add(-1., before_u);
            u *= (trial_fraction - done) / (done - before);
            u += done_u;
          }
        const LevelResult result = newton(u, trial_fraction);
        state_.newton_iterations += result.iterations;
        state_.continuation_steps = level;
        if (result.converged)
          {
            log_ << "  level " << level << ": " << percent(trial_fraction) << " power converged in "
                 << result.iterations << " Newton iterations\n";
            const double step = trial_fraction - done;
            before            = done;
            before_u          = done_u;
            done              = trial_fraction;
            done_u            = u;
            if (done == target)
              {
                state_.residual_history = result.ratios;
                return;
              }
            // a level that converged easily earns a longer step
            trial_fraction = std::min(target, done + (result.iterations <= 4 ? 2. : 1.) * step);
            continue;
          }
        log_ << "  level " << level << ": " << percent(trial_fraction) << " power failed ("
             << result.reason << "); halving the power step\n";
        if (level == settings_.max_continuation_steps)
          {
            std::ostringstream message;
            message << "the nonlinear solve failed at " << percent(trial_fraction)
                    << " of the beam power after " << level
                    << " continuation steps (Nonlinear solver/Maximum continuation steps): "
                    << result.reason << "; last residual |R|/|F| = " << result.last_ratio
                    << ". Try a finer mesh, a wider Material/Melting range smoothing (K) "
                    << "or more Nonlinear solver/Maximum Newton iterations.";
            throw SolverDivergence(message.str());
          }
        trial_fraction = done + 0.5 * (trial_fraction - done);
      }
  }

  void KirchhoffNewton::finish(const PetscVector &w_vector, const double power_fraction)
  {
    last_u_        = w_vector;
    last_fraction_ = power_fraction;
    evaluate(w_vector);
    PetscVector rise = owned_vector();
    auto       &L    = state_.losses;
    L                = SurfaceLossTotals{};
    {
      OwnedValues w(w_vector), t(rise), m(face_weights_);
      for (PetscInt i = 0; i < w.size(); ++i)
        {
          const double T = model_.map->at_enthalpy(w[i]).temperature_K;
          t[i]           = T - model_.map->initial_temperature_K();
          if (m[i] == 0.)
            continue;
          const auto flux = model_.losses.at(T);
          L.convected_W += m[i] * flux.convected_W_per_m2;
          L.radiated_W += m[i] * flux.radiated_W_per_m2;
          L.evaporated_W += m[i] * flux.evaporated_W_per_m2;
          if (model_.losses.evaporates())
            {
              L.evaporation_rate_kg_per_s +=
                  m[i] * model_.losses.evaporation.mass_flux_kg_per_m2s(T);
              L.peak_recoil_pressure_Pa = std::max(L.peak_recoil_pressure_Pa,
                                                   model_.losses.evaporation.recoil_pressure_Pa(T));
            }
        }
    }
    // full solid: twice the half brick
    L.convected_W               = 2. * Utilities::MPI::sum(L.convected_W, comm_);
    L.radiated_W                = 2. * Utilities::MPI::sum(L.radiated_W, comm_);
    L.evaporated_W              = 2. * Utilities::MPI::sum(L.evaporated_W, comm_);
    L.evaporation_rate_kg_per_s = 2. * Utilities::MPI::sum(L.evaporation_rate_kg_per_s, comm_);
    L.peak_recoil_pressure_Pa   = Utilities::MPI::max(L.peak_recoil_pressure_Pa, comm_);
    for (RiseVector *field : {&state_.kirchhoff_rise, &state_.enthalpy_rise})
      field->reinit(owned_, problem_.locally_relevant_dofs(), comm_);
    copy_owned(kirchhoff_, state_.kirchhoff_rise);
    copy_owned(w_vector, state_.enthalpy_rise);
    state_.melting_smoothing_K = model_.melting_smoothing_K;
    problem_.set_nonlinear_solution(rise, state_);
  }

  void KirchhoffNewton::solve()
  {
    // the linear solution at the mean properties, read as the enthalpy
    // it carries: the continuation's start
    {
      OwnedValues  w(predictor_);
      const auto   rise  = problem_.owned_rise();
      const double scale = model_.predictor_heat_capacity_J_per_m3K /
                           model_.map->reference_heat_capacity_J_per_m3K();
      for (PetscInt i = 0; i < w.size(); ++i)
        w[i] = scale * rise[i];
    }
    PetscVector u = owned_vector();
    continuation(u, 1.);
    finish(u, 1.);
  }

  void KirchhoffNewton::solve_at(const double power_fraction)
  {
    if (!full_power_)
      full_power_ = FullPower{last_u_, state_};
    PetscVector u = last_u_;
    u *= power_fraction / last_fraction_;
    const LevelResult result = newton(u, power_fraction);
    state_.newton_iterations += result.iterations;
    if (result.converged)
      log_ << "  " << percent(power_fraction) << " power converged in " << result.iterations
           << " Newton iterations from the last solution\n";
    else
      {
        log_ << "  " << percent(power_fraction) << " power from the last solution failed ("
             << result.reason << "); continuation from the predictor\n";
        continuation(u, power_fraction);
      }
    finish(u, power_fraction);
  }

  void KirchhoffNewton::restore_full_power()
  {
    if (!full_power_)
      return; // never left
    // the fields and losses follow from u again; the counters are solve()'s
    state_ = full_power_->state;
    finish(full_power_->u, 1.);
  }

  KirchhoffSolver::KirchhoffSolver(HeatProblem &problem, const KirchhoffModel &model,
                                   const NonlinearSolverSettings &settings,
                                   const LinearSolverSettings &linear, std::ostream &log)
      : newton_(std::make_unique<KirchhoffNewton>(problem, model, settings, linear, log))
  {
    newton_->solve();
  }

  KirchhoffSolver::~KirchhoffSolver() = default;

  void KirchhoffSolver::solve_at(const double power_fraction)
  {
    newton_->solve_at(power_fraction);
  }

  void KirchhoffSolver::restore_full_power()
  {
    newton_->restore_full_power();
  }
} // namespace ebweld
