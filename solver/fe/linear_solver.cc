#include "solver/fe/linear_solver.h"

#include "solver/base/input_error.h"
#include "solver/base/interrupt.h"
#include "solver/base/number_pattern.h"
#include "solver/base/parameter_section.h"
#include "solver/fe/petsc_check.h"

#include <sstream>

namespace ebweld
{
  namespace
  {
    /// Options prefix of the AMG preconditioner.
    constexpr const char *amg_prefix = "ebweld_amg_";

    /// Sets a hypre option on the options database under the AMG's prefix.
    void set_option(const std::string &name, const std::string &value)
    {
      check_petsc(PetscOptionsSetValue(nullptr, ("-" + std::string(amg_prefix) + name).c_str(),
                                       value.c_str()),
                  "PetscOptionsSetValue");
    }

    void clear_option(const std::string &name)
    {
      check_petsc(PetscOptionsClearValue(nullptr, ("-" + std::string(amg_prefix) + name).c_str()),
                  "PetscOptionsClearValue");
    }

    /// Classical BoomerAMG for diffusion-dominated meshes. The strong
    /// threshold depends on the matrix (strong_threshold()), the rest is
    /// common. Measured on the 7-point twin (default case, BiCGStab with
    /// the Jacobi correction, 2026-11-23; iterations at 50k / 2.3M DoFs on
    /// 1 rank and on 2, bytes per DoF at 952k DoFs on 2 ranks): P_max 4:
    /// - / 10 on 1 rank, 1002 bytes per DoF at 1.05M DoFs (P_max 3: 960);
    /// one sweep down as well: 8 / 10 and 8 / 12 at 15 % more solve time;
    /// Falgout coarsening: - / 12 on 1 rank in 1.8 times the solve time.
    /// Aggressive coarsening of the first level (agg_nl 1, two paths)
    /// saves a tenth of the memory (890 bytes per DoF) but took 2 ranks
    /// 8 -> 13 (with one path: 18 at 952k).
    const std::pair<const char *, const char *> classical_amg_options[] = {
        {"pc_hypre_boomeramg_interp_type", "ext+i"},
        // truncated interpolation keeps the coarse operators sparse
        {"pc_hypre_boomeramg_P_max", "3"},
        {"pc_hypre_boomeramg_truncfactor", "0.2"},
        // lexicographic instead of C-then-F relaxation: each C/F sweep
        // passes over every row twice (with the 27-point operator at 952k
        // DoFs: 2.9 instead of 5.8 s of GMRES)
        {"pc_hypre_boomeramg_no_CF", "true"},
        // Smoothing after the coarse-grid correction only (one symmetric
        // hybrid Gauss-Seidel sweep up, none down), then the Jacobi step on
        // the operator. (With the 27-point operator: 10 instead of 7 GMRES
        // iterations at 1.05M DoFs, in less time; a one-directional sweep
        // needed 14 (backward, with the stream) or 22 (forward).)
        {"pc_hypre_boomeramg_grid_sweeps_down", "0"}};

    /// Strong threshold of the classical AMG for its matrix's stencil.
    /// 7-point twin (iterations at 50k / 2.3M DoFs, 1 rank and 2): 0.2:
    /// 8 / 12 and 8 / 11; 0.25: 8 / 14 and 8 / 12; 0.3: - / 13 and 0.15:
    /// 8 / 12 on 1 rank; 0.7: 8 / 15 on 2 ranks. Q2's low-order-refined
    /// 27-point matrix (885k DoFs, 2 ranks, GMRES): 0.7: 80 iterations in
    /// 12.6 s; 0.5: 82 in 15.3 s; 0.2: 105 in 19.6 s.
    const char *strong_threshold(const AmgMatrixKind kind)
    {
      return kind == AmgMatrixKind::nodal_twin ? "0.2" : "0.7";
    }

    /// PETSc's default test, and at every iteration the question whether a
    /// rank received SIGINT or SIGTERM: the solve then ends early and
    /// solve() throws Interrupted.
    PetscErrorCode converged_or_interrupted(KSP ksp, PetscInt iteration, PetscReal residual_norm,
                                            KSPConvergedReason *reason, void *default_context)
    {
      const PetscErrorCode error =
          KSPConvergedDefault(ksp, iteration, residual_norm, reason, default_context);
      if (error == 0 && *reason == KSP_CONVERGED_ITERATING &&
          interrupt_requested(PetscObjectComm(reinterpret_cast<PetscObject>(ksp))))
        *reason = KSP_DIVERGED_BREAKDOWN;
      return error;
    }
  } // namespace

  void LinearSolverSettings::declare_parameters(dealii::ParameterHandler &prm)
  {
    using namespace dealii;
    // The declared defaults are the struct's, which code that builds
    // settings without an input file (the tests) uses as they are.
    const LinearSolverSettings defaults;
    prm.enter_subsection("Linear solver");
    prm.declare_entry("Preconditioner", defaults.preconditioner,
                      Patterns::Selection("auto|boomeramg|air|jacobi"),
                      "Preconditioner: 'boomeramg' (hypre classical AMG, "
                      "for diffusion-dominated meshes), 'air' (hypre AMG with "
                      "approximate ideal restriction, for advection-dominated "
                      "meshes), 'jacobi', or 'auto' (air if the largest cell "
                      "Peclet number exceeds the threshold below, else boomeramg).");
    prm.declare_entry("Krylov method", defaults.krylov_method,
                      Patterns::Selection("auto|bicgstab|gmres"),
                      "'bicgstab' (BiCGStab: six vectors, two preconditioner "
                      "applications per iteration), 'gmres' (GMRES: one "
                      "vector per iteration up to the restart below, one "
                      "application) or 'auto' (bicgstab for degree 1 with an "
                      "AMG preconditioner; gmres for degree 2, where it took "
                      "0.6 times BiCGStab's solve time, and with jacobi, "
                      "where BiCGStab can diverge). Both are preconditioned "
                      "from the right.");
    prm.declare_entry("Relative tolerance", parameter_text(defaults.relative_tolerance),
                      NumberPattern::in_range(1e-15, 1e-2),
                      "Stop when the true residual norm of b - A x has dropped to this "
                      "fraction of the norm of b [-], in [1e-15, 1e-2]; a solve that "
                      "ends above 10 times it is an error.");
    prm.declare_entry("Maximum iterations", parameter_text(defaults.max_iterations),
                      NumberPattern::whole(1, 1e5),
                      "Krylov iteration limit [-], in [1, 100000]; a run that "
                      "reaches it fails with PETSc's reason.");
    prm.declare_entry("GMRES restart", parameter_text(defaults.restart),
                      NumberPattern::whole(5, 1000),
                      "Krylov vectors kept before GMRES restarts [-], in [5, 1000].");
    prm.declare_entry("AIR cell Peclet threshold",
                      parameter_text(defaults.air_cell_peclet_threshold), NumberPattern::positive(),
                      "Largest cell Peclet number U h / (2 alpha) above which "
                      "'auto' uses AIR [-], > 0. BoomerAMG was the faster of "
                      "the two at every cell Peclet number measured (23 to 2.3e6).");
    prm.leave_subsection();
  }

  LinearSolverSettings LinearSolverSettings::parse(dealii::ParameterHandler &prm)
  {
    ParameterSection     s(prm, "Linear solver");
    LinearSolverSettings settings;
    settings.preconditioner            = s.text("Preconditioner");
    settings.krylov_method             = s.text("Krylov method");
    settings.relative_tolerance        = s.number("Relative tolerance");
    settings.max_iterations            = static_cast<unsigned int>(s.number("Maximum iterations"));
    settings.restart                   = static_cast<unsigned int>(s.number("GMRES restart"));
    settings.air_cell_peclet_threshold = s.number("AIR cell Peclet threshold");
    return settings;
  }

  LinearSolver::LinearSolver(MPI_Comm comm, const LinearSolverSettings &settings)
      : settings_(settings)
  {
    check_petsc(KSPCreate(comm, &ksp_), "KSPCreate");
  }

  LinearSolver::~LinearSolver()
  {
    if (ksp_ != nullptr)
      KSPDestroy(&ksp_);
  }

  void LinearSolver::set_operator(Mat op, dealii::PETScWrappers::MPI::SparseMatrix &amg_matrix,
                                  const double cell_peclet, const AmgMatrixKind amg_matrix_kind)
  {
    set_operator(
        op, amg_matrix.petsc_matrix(), [&amg_matrix]() { amg_matrix.clear(); }, cell_peclet,
        amg_matrix_kind);
  }

  void LinearSolver::set_operator(Mat op, Mat amg_matrix, const double cell_peclet,
                                  const AmgMatrixKind amg_matrix_kind)
  {
    set_operator(
        op, amg_matrix, []() {}, cell_peclet, amg_matrix_kind);
  }

  void LinearSolver::set_operator(Mat op, Mat amg_matrix,
                                  const std::function<void()> &release_amg_matrix,
                                  const double cell_peclet, const AmgMatrixKind amg_matrix_kind)
  {
    preconditioner_ = settings_.preconditioner;
    if (preconditioner_ == "auto")
      preconditioner_ = cell_peclet > settings_.air_cell_peclet_threshold ? "air" : "boomeramg";

    check_petsc(KSPSetOperators(ksp_, op, op), "KSPSetOperators");
    check_petsc(KSPSetOptionsPrefix(ksp_, "ebweld_"), "KSPSetOptionsPrefix");
    // The twin's AMG corrected by the Jacobi step is the one
    // preconditioner BiCGStab does better with: with plain Jacobi it
    // diverged (SUPG test), and on Q2 (885k DoFs, 2 ranks) it took 81
    // iterations in 20.7 s where GMRES took 80 in 12.6 s.
    const bool jacobi_correction = amg_matrix_kind == AmgMatrixKind::nodal_twin;
    krylov_method_               = settings_.krylov_method;
    if (krylov_method_ == "auto")
      krylov_method_ = preconditioner_ != "jacobi" && jacobi_correction ? "bicgstab" : "gmres";
    if (krylov_method_ == "gmres")
      {
        check_petsc(KSPSetType(ksp_, KSPGMRES), "KSPSetType");
        check_petsc(KSPGMRESSetRestart(ksp_, settings_.restart), "KSPGMRESSetRestart");
      }
    else
      // Six vectors instead of GMRES' one per iteration (PETSc allocates
      // them in blocks of ten): the basis was a sixth of the peak memory
      // at 1.05M DoFs (about 100 MB per rank)
      check_petsc(KSPSetType(ksp_, KSPBCGS), "KSPSetType");
    check_petsc(KSPSetTolerances(ksp_, settings_.relative_tolerance, 1e-300, PETSC_DEFAULT,
                                 settings_.max_iterations),
                "KSPSetTolerances");
    check_petsc(KSPSetInitialGuessNonzero(ksp_, PETSC_TRUE), "KSPSetInitialGuessNonzero");
    // Right preconditioning: the Krylov method then tests the true
    // residual. With PETSc's default (left) it tests the preconditioned
    // one, and a poor preconditioner can make that drop while the true
    // residual does not: Q2 at 885k DoFs "converged" in one iteration with
    // ||b - A x|| / ||b|| = 1 and an energy balance off by 100 %. At 1.05M
    // Q1 DoFs on 2 ranks right preconditioning takes 13 instead of 10
    // iterations in the same solve time (the residual it tests is larger).
    check_petsc(KSPSetPCSide(ksp_, PC_RIGHT), "KSPSetPCSide");
    PC pc;
    check_petsc(KSPGetPC(ksp_, &pc), "KSPGetPC");
    if (preconditioner_ == "jacobi")
      check_petsc(PCSetType(pc, PCJACOBI), "PCSetType");
    else
      {
        // AMG of amg_matrix, and with jacobi_correction then one Jacobi
        // step on op's residual: the nodal-quadrature twin differs from the
        // operator at the finest scales, which the Jacobi step corrects
        // (default case, 2 ranks: 31 GMRES iterations at 50k DoFs and 38 at
        // 1.05M without it, 14 and 17 with it)
        PC amg = pc;
        if (jacobi_correction)
          {
            check_petsc(PCSetType(pc, PCCOMPOSITE), "PCSetType");
            check_petsc(PCCompositeSetType(pc, PC_COMPOSITE_MULTIPLICATIVE), "PCCompositeSetType");
            check_petsc(PCCompositeAddPCType(pc, PCHYPRE), "PCCompositeAddPCType");
            check_petsc(PCCompositeAddPCType(pc, PCJACOBI), "PCCompositeAddPCType");
            check_petsc(PCCompositeGetPC(pc, 0, &amg), "PCCompositeGetPC");
          }
        // PCHYPRE copies a matrix into hypre's format unless it is one
        // already: convert it here and free PETSc's copy before the AMG
        // set-up (the preconditioner holds a reference to hypre's)
        Mat hypre_matrix;
        check_petsc(MatConvert(amg_matrix, MATHYPRE, MAT_INITIAL_MATRIX, &hypre_matrix),
                    "MatConvert");
        release_amg_matrix();
        check_petsc(PCSetOperators(amg, jacobi_correction ? hypre_matrix : op, hypre_matrix),
                    "PCSetOperators");
        check_petsc(MatDestroy(&hypre_matrix), "MatDestroy");
        check_petsc(PCSetOptionsPrefix(amg, amg_prefix), "PCSetOptionsPrefix");
        check_petsc(PCSetType(amg, PCHYPRE), "PCSetType");
        check_petsc(PCHYPRESetType(amg, "boomeramg"), "PCHYPRESetType");
        // The options database is global: clear what an earlier solver of
        // the other kind set (hypre refuses AIR with aggressive coarsening).
        clear_option("pc_hypre_boomeramg_strong_threshold");
        clear_option("pc_hypre_boomeramg_agg_nl");
        for (const auto &option : classical_amg_options)
          clear_option(option.first);
        set_option("pc_hypre_boomeramg_coarsen_type", "HMIS");
        if (preconditioner_ == "air")
          set_option("pc_hypre_boomeramg_restriction_type", "1");
        else
          {
            set_option("pc_hypre_boomeramg_restriction_type", "0");
            set_option("pc_hypre_boomeramg_strong_threshold", strong_threshold(amg_matrix_kind));
            for (const auto &option : classical_amg_options)
              set_option(option.first, option.second);
            if (settings_.aggressive_coarsening)
              set_option("pc_hypre_boomeramg_agg_nl", "1");
          }
      }
    check_petsc(KSPSetFromOptions(ksp_), "KSPSetFromOptions");
    void *default_test_context = nullptr;
    check_petsc(KSPConvergedDefaultCreate(&default_test_context), "KSPConvergedDefaultCreate");
    check_petsc(KSPSetConvergenceTest(ksp_, converged_or_interrupted, default_test_context,
                                      KSPConvergedDefaultDestroy),
                "KSPSetConvergenceTest");
    check_petsc(KSPSetUp(ksp_), "KSPSetUp");
  }

  unsigned int LinearSolver::solve(dealii::PETScWrappers::MPI::Vector       &x,
                                   const dealii::PETScWrappers::MPI::Vector &b) const
  {
    check_petsc(KSPSolve(ksp_, b, x), "KSPSolve");
    stop_if_interrupted(PetscObjectComm(reinterpret_cast<PetscObject>(ksp_)));
    KSPConvergedReason reason;
    PetscInt           iterations;
    check_petsc(KSPGetConvergedReason(ksp_, &reason), "KSPGetConvergedReason");
    check_petsc(KSPGetIterationNumber(ksp_, &iterations), "KSPGetIterationNumber");
    // The Krylov method's residual comes from its recurrence: check the true
    // one, which costs a matrix-vector product
    Mat operator_matrix;
    check_petsc(KSPGetOperators(ksp_, &operator_matrix, nullptr), "KSPGetOperators");
    dealii::PETScWrappers::MPI::Vector residual(b);
    check_petsc(MatMult(operator_matrix, x, residual), "MatMult");
    residual.sadd(-1., b); // b - A x
    const double b_norm            = b.l2_norm();
    const double relative_residual = b_norm > 0. ? residual.l2_norm() / b_norm : 0.;
    // rounding in the recurrence and the product: a decade of slack
    const double tolerance = 10. * settings_.relative_tolerance;
    if (reason < 0 || relative_residual > tolerance)
      {
        std::ostringstream message;
        message << "the linear solver (" << krylov_method_ << " with " << preconditioner_
                << ") did not converge: "
                << (reason < 0 ? std::string("PETSc reason ") + KSPConvergedReasons[reason]
                               : std::string("the true residual misses the tolerance"))
                << " after " << iterations
                << " iterations, ||b - A x|| / ||b|| = " << relative_residual
                << " (Linear solver/Relative tolerance " << settings_.relative_tolerance
                << "). Try Linear solver/Preconditioner = "
                << (preconditioner_ == "air" ? "boomeramg" : "air")
                << ", Linear solver/Krylov method = "
                << (krylov_method_ == "gmres" ? "bicgstab" : "gmres")
                << ", a finer mesh, or more Linear solver/Maximum iterations.";
        throw SolverDivergence(message.str());
      }
    return static_cast<unsigned int>(iterations);
  }
} // namespace ebweld
