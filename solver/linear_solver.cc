#include "solver/linear_solver.h"

#include "solver/input_error.h"
#include "solver/parameter_section.h"
#include "solver/petsc_check.h"

#include <sstream>

namespace ebweld
{
  namespace
  {
    /// Sets a hypre option on the options database under our KSP's prefix.
    void set_option(const std::string &name, const std::string &value)
    {
      check_petsc(PetscOptionsSetValue(nullptr, ("-ebweld_" + name).c_str(), value.c_str()),
            "PetscOptionsSetValue");
    }

    void clear_option(const std::string &name)
    {
      check_petsc(PetscOptionsClearValue(nullptr, ("-ebweld_" + name).c_str()), "PetscOptionsClearValue");
    }

    /// Classical BoomerAMG for diffusion-dominated meshes.
    const std::pair<const char *, const char *> classical_amg_options[] = {
      {"pc_hypre_boomeramg_interp_type", "ext+i"},
      // 0.7 rather than hypre's 3D-recommended 0.5: fewer, sparser coarse
      // levels. With standard coarsening at 952k DoFs on 2 ranks: 0.6 gave
      // 7 iterations and a 4.0-4.1 s solve, 0.7 7 iterations and 3.6 s,
      // 0.8 7 and 3.3 s; from 50k to 2.3M DoFs the iterations grow 6 -> 7
      // with 0.6 and 0.7, 6 -> 9 with 0.8 and 0.9.
      {"pc_hypre_boomeramg_strong_threshold", "0.7"},
      // truncated interpolation keeps the coarse operators sparse:
      // measured 18 % less solve time on the default case at 520k DoFs
      {"pc_hypre_boomeramg_P_max", "4"},
      {"pc_hypre_boomeramg_truncfactor", "0.2"},
      // No aggressive coarsening (hypre's agg_nl 0). With it on the finest
      // level the iterations grew 8 -> 13 (+62 %) from 50k to 2.3M DoFs,
      // against 6 -> 7 without, for an 8 % (952k) to 14 % (2.3M) smaller
      // peak memory; the solve at 952k DoFs on 2 ranks took 3.4-3.7 s with
      // it and 3.6-3.7 s without (three alternating pairs), at 2.3M 10.6
      // and 10.7 s. (With it and 2 or 4 paths: 8 -> 10 or 6 -> 9
      // iterations, 12.3-12.5 s at 2.3M.)
      // lexicographic instead of C-then-F relaxation: each C/F sweep
      // passes over every row twice. At 952k DoFs on 2 ranks the iterations
      // took 2.9 instead of 5.8 s (12 instead of 14 iterations); over 89k
      // to 2.3M DoFs the iterations grew 9 -> 14 (C/F order: 12 -> 18), both
      // with strong threshold 0.5
      {"pc_hypre_boomeramg_no_CF", "true"},
      // Smoothing after the coarse-grid correction only (one symmetric
      // hybrid Gauss-Seidel sweep up, none down): each V-cycle relaxes half
      // as much, for a few more iterations. At 1.05M DoFs on 2 ranks: 10
      // instead of 7 iterations and a 3.7-3.9 instead of 4.2 s solve (two
      // alternating pairs); from 50k to 2.3M DoFs the iterations grow
      // 9 -> 10 (6 -> 7 with both sweeps). A one-directional sweep instead
      // needs 14 iterations (backward, with the stream) or 22 (forward).
      {"pc_hypre_boomeramg_grid_sweeps_down", "0"}};
  } // namespace

  void LinearSolverSettings::declare_parameters(dealii::ParameterHandler &prm)
  {
    using namespace dealii;
    // The declared defaults are the struct's, which code that builds
    // settings without an input file (the tests) uses as they are.
    const LinearSolverSettings defaults;
    const auto text = [](const auto value) {
      return Patterns::Tools::Convert<decltype(value)>::to_string(value);
    };
    prm.enter_subsection("Linear solver");
    prm.declare_entry("Preconditioner", defaults.preconditioner,
                      Patterns::Selection("auto|boomeramg|air|jacobi"),
                      "GMRES preconditioner: 'boomeramg' (hypre classical AMG, "
                      "for diffusion-dominated meshes), 'air' (hypre AMG with "
                      "approximate ideal restriction, for advection-dominated "
                      "meshes), 'jacobi', or 'auto' (air if the largest cell "
                      "Peclet number exceeds the threshold below, else boomeramg).");
    prm.declare_entry("Relative tolerance", text(defaults.relative_tolerance), Patterns::Double(),
                      "Stop when the true residual norm of b - A x has dropped to this "
                      "fraction of the norm of b [-], in [1e-15, 1e-2]; a solve that "
                      "ends above 10 times it is an error.");
    prm.declare_entry("Maximum iterations", text(defaults.max_iterations), Patterns::Integer(),
                      "GMRES iteration limit [-], in [1, 100000]; a run that "
                      "reaches it fails with PETSc's reason.");
    prm.declare_entry("GMRES restart", text(defaults.restart), Patterns::Integer(),
                      "Krylov vectors kept before GMRES restarts [-], in [5, 1000].");
    prm.declare_entry("AIR cell Peclet threshold", text(defaults.air_cell_peclet_threshold), Patterns::Double(),
                      "Largest cell Peclet number U h / (2 alpha) above which "
                      "'auto' uses AIR [-], > 0. BoomerAMG was the faster of "
                      "the two at every cell Peclet number measured (23 to 2.3e6).");
    prm.leave_subsection();
  }

  LinearSolverSettings LinearSolverSettings::parse(dealii::ParameterHandler &prm)
  {
    ParameterSection     s(prm, "Linear solver");
    LinearSolverSettings settings;
    settings.preconditioner     = s.text("Preconditioner");
    settings.relative_tolerance = s.in_range("Relative tolerance", 1e-15, 1e-2);
    settings.max_iterations     = static_cast<unsigned int>(s.in_range("Maximum iterations", 1, 1e5));
    settings.restart            = static_cast<unsigned int>(s.in_range("GMRES restart", 5, 1000));
    settings.air_cell_peclet_threshold = s.positive("AIR cell Peclet threshold");
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

  void LinearSolver::set_operator(dealii::PETScWrappers::MPI::SparseMatrix &matrix,
                                  dealii::PETScWrappers::MPI::SparseMatrix *preconditioner_matrix,
                                  const double                              cell_peclet)
  {
    preconditioner_ = settings_.preconditioner;
    if (preconditioner_ == "auto")
      preconditioner_ = cell_peclet > settings_.air_cell_peclet_threshold ? "air" : "boomeramg";

    // PCHYPRE uses a MATHYPRE operator as it is and copies any other. The
    // KSP holds a reference to its operators, so clearing the matrices
    // frees PETSc's copy only when hypre's has replaced it.
    if (preconditioner_ == "jacobi")
      check_petsc(KSPSetOperators(ksp_, matrix, matrix), "KSPSetOperators");
    else
      {
        auto &amg_matrix = preconditioner_matrix ? *preconditioner_matrix : matrix;
        Mat   hypre_matrix;
        check_petsc(MatConvert(amg_matrix, MATHYPRE, MAT_INITIAL_MATRIX, &hypre_matrix), "MatConvert");
        check_petsc(KSPSetOperators(ksp_, preconditioner_matrix ? Mat(matrix) : hypre_matrix, hypre_matrix),
                    "KSPSetOperators");
        check_petsc(MatDestroy(&hypre_matrix), "MatDestroy"); // the KSP's reference remains
      }
    matrix.clear();
    if (preconditioner_matrix)
      preconditioner_matrix->clear();
    check_petsc(KSPSetType(ksp_, KSPGMRES), "KSPSetType");
    check_petsc(KSPGMRESSetRestart(ksp_, settings_.restart), "KSPGMRESSetRestart");
    check_petsc(KSPSetTolerances(ksp_, settings_.relative_tolerance, 1e-300, PETSC_DEFAULT,
                           settings_.max_iterations),
          "KSPSetTolerances");
    check_petsc(KSPSetInitialGuessNonzero(ksp_, PETSC_TRUE), "KSPSetInitialGuessNonzero");
    // Right preconditioning: GMRES then minimises and tests the true
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
        check_petsc(PCSetType(pc, PCHYPRE), "PCSetType");
        check_petsc(PCHYPRESetType(pc, "boomeramg"), "PCHYPRESetType");
        // The options database is global: clear what an earlier solver of
        // the other kind set (hypre refuses AIR with aggressive coarsening).
        for (const auto &option : classical_amg_options)
          clear_option(option.first);
        set_option("pc_hypre_boomeramg_coarsen_type", "HMIS");
        if (preconditioner_ == "air")
          set_option("pc_hypre_boomeramg_restriction_type", "1");
        else
          {
            set_option("pc_hypre_boomeramg_restriction_type", "0");
            for (const auto &option : classical_amg_options)
              set_option(option.first, option.second);
          }
      }
    check_petsc(KSPSetOptionsPrefix(ksp_, "ebweld_"), "KSPSetOptionsPrefix");
    check_petsc(KSPSetFromOptions(ksp_), "KSPSetFromOptions");
    check_petsc(KSPSetUp(ksp_), "KSPSetUp");
  }

  unsigned int LinearSolver::solve(dealii::PETScWrappers::MPI::Vector       &x,
                                   const dealii::PETScWrappers::MPI::Vector &b) const
  {
    check_petsc(KSPSolve(ksp_, b, x), "KSPSolve");
    KSPConvergedReason reason;
    PetscInt           iterations;
    check_petsc(KSPGetConvergedReason(ksp_, &reason), "KSPGetConvergedReason");
    check_petsc(KSPGetIterationNumber(ksp_, &iterations), "KSPGetIterationNumber");
    // GMRES' residual is an estimate from its recurrence: check the true
    // one, which costs a matrix-vector product
    Mat operator_matrix;
    check_petsc(KSPGetOperators(ksp_, &operator_matrix, nullptr), "KSPGetOperators");
    dealii::PETScWrappers::MPI::Vector residual(b);
    check_petsc(MatMult(operator_matrix, x, residual), "MatMult");
    residual.sadd(-1., b); // b - A x
    const double b_norm            = b.l2_norm();
    const double relative_residual = b_norm > 0. ? residual.l2_norm() / b_norm : 0.;
    // rounding in the recurrence and the product: a decade of slack
    const double tolerance         = 10. * settings_.relative_tolerance;
    if (reason < 0 || relative_residual > tolerance)
      {
        std::ostringstream message;
        message << "the linear solver (GMRES with " << preconditioner_ << ") did not converge: "
                << (reason < 0 ? std::string("PETSc reason ") + KSPConvergedReasons[reason]
                               : std::string("the true residual misses the tolerance"))
                << " after " << iterations << " iterations, ||b - A x|| / ||b|| = "
                << relative_residual << " (Linear solver/Relative tolerance "
                << settings_.relative_tolerance << "). Try Linear solver/Preconditioner = "
                << (preconditioner_ == "air" ? "boomeramg" : "air")
                << ", a finer mesh, or more Linear solver/Maximum iterations.";
        throw SolverDivergence(message.str());
      }
    return static_cast<unsigned int>(iterations);
  }
} // namespace ebweld
