#pragma once
// Krylov solver for the stabilised heat equation through PETSc's KSP.
//
// Preconditioner choice (PHYSICS.md 1): classical BoomerAMG (HMIS
// coarsening, ext+i interpolation) converges in 15-25 GMRES iterations
// while the cell Peclet number stays below about 10 but stalls on strongly
// advective meshes; hypre's AIR (approximate ideal restriction, restriction
// type 1) is built for advection but fails on diffusion-dominated meshes.
// 'auto' picks by the largest cell Peclet number of the mesh. Measured on
// the default case's graded mesh (Q1 + SUPG): at cell Peclet 14 BoomerAMG
// needs 9 iterations and AIR 12; at 140, BoomerAMG 12 (0.8 s) and AIR 6
// (1.0 s). BoomerAMG stalls near 400 (PHYSICS.md), hence the threshold 100.
//
// The operator and its preconditioner are set up once and can be reused for
// many right-hand sides (parameter studies change only the source).

#include <deal.II/base/parameter_handler.h>
#include <deal.II/lac/petsc_sparse_matrix.h>
#include <deal.II/lac/petsc_vector.h>

#include <petscksp.h>

#include <stdexcept>
#include <string>

namespace ebweld
{
  struct LinearSolverSettings
  {
    /// auto | boomeramg | air | jacobi
    std::string  preconditioner          = "auto";
    double       relative_tolerance      = 1e-8;
    unsigned int max_iterations          = 1000;
    unsigned int restart                 = 100;
    double       air_cell_peclet_threshold = 100.;

    static void                 declare_parameters(dealii::ParameterHandler &prm);
    static LinearSolverSettings parse(dealii::ParameterHandler &prm);
  };

  /// The Krylov solver did not converge; the message carries PETSc's reason.
  class SolverDivergence : public std::runtime_error
  {
  public:
    using std::runtime_error::runtime_error;
  };

  class LinearSolver
  {
  public:
    LinearSolver(MPI_Comm comm, const LinearSolverSettings &settings);
    ~LinearSolver();
    LinearSolver(const LinearSolver &)            = delete;
    LinearSolver &operator=(const LinearSolver &) = delete;

    /// Takes the matrix and builds the preconditioner for it; `cell_peclet`
    /// decides the preconditioner when the setting is 'auto'. `matrix` is
    /// left empty: with a hypre preconditioner the solver keeps the operator
    /// in hypre's format only, since PCHYPRE would otherwise hold a copy
    /// next to PETSc's for the whole solve. At 952k DoFs on 2 ranks the
    /// peak resident memory per rank fell from 975 to 848-858 MB: the AMG
    /// hierarchy now fits into the pages PETSc's copy freed.
    void set_operator(dealii::PETScWrappers::MPI::SparseMatrix &matrix, double cell_peclet);

    /// Solves A x = b (x is the initial guess); throws SolverDivergence.
    unsigned int solve(dealii::PETScWrappers::MPI::Vector       &x,
                       const dealii::PETScWrappers::MPI::Vector &b) const;

    /// Name of the preconditioner in use.
    const std::string &preconditioner() const { return preconditioner_; }

  private:
    LinearSolverSettings settings_;
    KSP                  ksp_ = nullptr;
    std::string          preconditioner_;
  };
} // namespace ebweld
