#pragma once
// Krylov solver for the stabilised heat equation through PETSc's KSP.
//
// Krylov method: BiCGStab for Q1 (six vectors), GMRES (one vector per
// iteration) for Q2 and with plain Jacobi; both stay selectable.
//
// Preconditioner choice: classical BoomerAMG (HMIS coarsening, ext+i
// interpolation, lexicographic hybrid Gauss-Seidel after the coarse-grid
// correction only; settings in linear_solver.cc) by default. For Q1 it is
// built from the operator's nodal-quadrature twin (7-point stencil,
// heat_assembler.h) and followed by one Jacobi step on the matrix-free
// operator (matrix_free_operator.h). docs/PHYSICS.md reports BoomerAMG in its
// usual 3-D settings stalling at cell Peclet 400; with these settings it
// converged at every cell Peclet number measured, and faster than hypre's
// AIR (approximate ideal restriction, restriction type 1), which needs
// fewer iterations on advective meshes but costs more to set up and to
// apply. Default case (Q1 + SUPG assembled, GMRES, 2 ranks, 2026-11-23):
//   cell Pe   DoFs   BoomerAMG its / solve   AIR its / solve
//   23        211k   9 / 0.90 s              11 / 1.83 s
//   66        791k   8 / 2.92 s              14 / 8.43 s
//   220       663k   11 / 2.09 s             9 / 5.96 s
//   2201      508k   19 / 2.31 s             6 / 3.35 s
//   2.3e6     57k    27 / 0.25 s             8 / 0.26 s
// (the GMRES part alone at 508k DoFs: 1.65 s against 2.06 s; all with
// left preconditioning, see set_operator()). 'auto' therefore switches to
// AIR only above a cell Peclet number beyond that range; both stay
// selectable.
//
// For elements of degree >= 2 the AMG is built from the low-order-refined
// operator (heat_assembler.h), the Krylov method iterating on the
// element's own matrix: 66-80 GMRES iterations for Q2 from 195k to 885k
// DoFs, where AMG of the Q2 matrix stagnated at the initial residual.
//
// The operator and its preconditioner are set up once and can be reused for
// many right-hand sides (parameter studies change only the source).

#include <deal.II/base/parameter_handler.h>
#include <deal.II/lac/petsc_sparse_matrix.h>
#include <deal.II/lac/petsc_vector.h>

#include <petscksp.h>

#include <functional>
#include <stdexcept>
#include <string>

namespace ebweld
{
  struct LinearSolverSettings
  {
    /// auto | boomeramg | air | jacobi
    std::string preconditioner = "auto";
    /// auto | bicgstab | gmres
    std::string  krylov_method             = "auto";
    double       relative_tolerance        = 1e-8;
    unsigned int max_iterations            = 1000;
    unsigned int restart                   = 100;
    double       air_cell_peclet_threshold = 1e7;
    /// Aggressive coarsening of the classical AMG's first level: a cheaper
    /// set-up for a few more iterations. Not an input: the Newton steps of
    /// the temperature-dependent solve use it (kirchhoff_solver.cc).
    bool aggressive_coarsening = false;

    static void                 declare_parameters(dealii::ParameterHandler &prm);
    static LinearSolverSettings parse(dealii::ParameterHandler &prm);
  };

  /// The Krylov solver did not converge; the message carries PETSc's reason.
  class SolverDivergence : public std::runtime_error
  {
  public:
    using std::runtime_error::runtime_error;
  };

  /// What the matrix the AMG preconditioner is built from is.
  enum class AmgMatrixKind
  {
    /// the operator integrated at its pieces' vertices (7-point stencil,
    /// heat_assembler.h): the AMG is followed by a Jacobi step on the
    /// operator itself, and 'auto' takes BiCGStab
    nodal_twin,
    /// trilinear pieces integrated in full (27-point stencil; Q2's
    /// low-order-refined operator): AMG alone, 'auto' takes GMRES
    full_quadrature
  };

  class LinearSolver
  {
  public:
    LinearSolver(MPI_Comm comm, const LinearSolverSettings &settings);
    ~LinearSolver();
    LinearSolver(const LinearSolver &)            = delete;
    LinearSolver &operator=(const LinearSolver &) = delete;

    /// Prepares to solve with the operator `op` (an assembled or a
    /// matrix-free PETSc matrix; the solver holds a reference). The AMG
    /// preconditioner is built from `amg_matrix`, an approximation of op
    /// that AMG handles well, of the kind `amg_matrix_kind`;
    /// `cell_peclet` decides the preconditioner when the setting is
    /// 'auto'. amg_matrix is left empty: the solver keeps
    /// it in hypre's format only, since PCHYPRE would otherwise hold a copy
    /// next to PETSc's for the whole solve.
    void set_operator(Mat op, dealii::PETScWrappers::MPI::SparseMatrix &amg_matrix,
                      double cell_peclet, AmgMatrixKind amg_matrix_kind);

    /// The same with an AMG matrix the caller keeps (and may change and
    /// pass again for the next operator).
    void set_operator(Mat op, Mat amg_matrix, double cell_peclet, AmgMatrixKind amg_matrix_kind);

    /// Solves A x = b (x is the initial guess); throws SolverDivergence
    /// when the Krylov method fails or the true residual ||b - A x|| misses the
    /// tolerance.
    unsigned int solve(dealii::PETScWrappers::MPI::Vector       &x,
                       const dealii::PETScWrappers::MPI::Vector &b) const;

    /// Name of the preconditioner in use.
    const std::string &preconditioner() const { return preconditioner_; }
    /// Name of the Krylov method in use: bicgstab or gmres.
    const std::string &krylov_method() const { return krylov_method_; }

  private:
    /// set_operator(); `release_amg_matrix` runs once hypre holds its copy
    void set_operator(Mat op, Mat amg_matrix, const std::function<void()> &release_amg_matrix,
                      double cell_peclet, AmgMatrixKind amg_matrix_kind);

    LinearSolverSettings settings_;
    KSP                  ksp_ = nullptr;
    std::string          preconditioner_;
    std::string          krylov_method_;
  };
} // namespace ebweld
