#pragma once
// The finite-element state of one moving-frame heat solve on a distributed
// mesh: triangulation, DoFs, constraints, matrix, right-hand sides and the
// temperature-rise solution. Knows no model by name: coefficients, sources
// and the mesh come from outside, so that studies (sub-communicators),
// interface submodels and in situ output can drive it.

#include "meshes/distributed_brick.h"
#include "solver/fe/heat_assembler.h"
#include "solver/fe/linear_solver.h"
#include "solver/fe/matrix_preallocation.h"
#include "solver/fe/nonlinear_state.h"
#include "solver/fe/rise_vector.h"

#include <deal.II/base/array_view.h>

#include <memory>
#include <optional>
#include <set>

namespace ebweld
{
  class HeatProblem
  {
  public:
    /// FE_Q(degree) if `subdivisions` is 1, else FE_Q_iso_Q1(subdivisions)
    /// (degree 1): the Q1 space of a mesh refined log2(subdivisions) more
    /// times than triangulation() (element_pieces.h).
    HeatProblem(MPI_Comm comm, unsigned int degree, unsigned int subdivisions = 1);

    MPI_Comm                     communicator() const { return comm_; }
    DistributedBrick            &triangulation() { return triangulation_; }
    const dealii::DoFHandler<3> &dof_handler() const { return dof_handler_; }
    /// The element's pieces: what assembly, sampling and output work on.
    const ElementPieces    &pieces() const { return pieces_; }
    const dealii::IndexSet &locally_relevant_dofs() const { return relevant_; }

    /// Distributes DoFs, fixes theta = 0 on `fixed_temperature_faces`,
    /// finds the matrix's row lengths, allocates the vectors.
    void setup(const std::set<dealii::types::boundary_id> &fixed_temperature_faces);

    /// Assembles the operator (matrix and convective right-hand side).
    void assemble_operator(const HeatOperatorCoefficients &coefficients);

    /// Assembles the source right-hand side; returns the power deposited
    /// in the domain [W].
    double assemble_sources(const std::vector<const HeatSource *> &sources,
                            dealii::types::boundary_id             heated_surface);

    /// Builds the solver and preconditioner for the operator of the last
    /// assemble_operator(), which moves into the solver.
    void prepare_solver(const LinearSolverSettings &settings);

    /// Solves for the temperature rise; returns the iterations used.
    unsigned int solve();

    /// Frees the solver and its preconditioner once no more solves with
    /// this operator follow. The AMG hierarchy is then the largest object
    /// in memory, and the output that follows can reuse its pages. Fresh
    /// pages are what output costs on our VM at times: building the output
    /// grid at 952k DoFs took 0.31-0.46 s the first time in a process and
    /// 0.04-0.09 s the second time.
    void release_solver()
    {
      solver_.reset();
      solver_matrix_free_.reset();
    }

    /// What a solver of its own (the nonlinear one, kirchhoff_solver.h)
    /// needs of the state: the constraints, a new matrix in the AMG
    /// matrix's layout, the source right-hand side, and the operator of the
    /// last assemble_operator() with its AMG matrix (Q1 only; taking the
    /// operator leaves none for prepare_solver()).
    const dealii::AffineConstraints<double> &constraints() const { return constraints_; }
    void create_amg_matrix(dealii::PETScWrappers::MPI::SparseMatrix &matrix) const
    {
      amg_preallocation_.create_matrix(matrix, comm_);
    }
    const dealii::PETScWrappers::MPI::Vector &source_rhs() const { return source_rhs_; }
    std::unique_ptr<MatrixFreeOperator>       take_matrix_free_operator();
    dealii::PETScWrappers::MPI::SparseMatrix &amg_matrix() { return amg_matrix_; }

    /// Stores a solution found outside solve(): the temperature rise of
    /// the owned DoFs and what the nonlinear solve leaves beside it.
    void set_nonlinear_solution(const dealii::PETScWrappers::MPI::Vector &rise_K,
                                NonlinearState                            state);
    /// The nonlinear solve's state, or null after a linear solve.
    const NonlinearState *nonlinear() const { return nonlinear_ ? &*nonlinear_ : nullptr; }

    /// Temperature rise theta = T - T0 [K] with ghost values (a deal.II
    /// vector: element access to PETSc's ghosted vectors is slow).
    const RiseVector &rise() const { return rise_; }

    const HeatOperatorCoefficients &coefficients() const { return coefficients_; }
    /// The preconditioner of the last prepare_solver(): boomeramg, air or jacobi.
    const std::string &preconditioner() const { return preconditioner_; }
    /// The Krylov method of the last prepare_solver(): bicgstab or gmres.
    const std::string &krylov_method() const { return krylov_method_; }
    double             max_cell_peclet() const { return max_cell_peclet_; }

    /// Support point of every locally owned DoF, in the order of the owned
    /// index set.
    const std::vector<dealii::Point<3>> &owned_support_points() const { return support_points_; }

    /// Temperature rise [K] of every locally owned DoF, in the order of
    /// owned_support_points().
    dealii::ArrayView<const double> owned_rise() const
    {
      return {rise_.begin(), rise_.locally_owned_size()};
    }

    /// Pieces of all active cells of all ranks: the cells of the Q1 (or
    /// Qp) mesh the solution lives on.
    std::uint64_t n_global_pieces() const
    {
      return triangulation_.n_global_active_cells() * std::uint64_t(pieces_.size());
    }

    /// Diameter of the mesh's bounding box [m].
    double triangulation_diameter_m() const;

  private:
    /// Whether the operator is applied piece by piece (trilinear pieces:
    /// Q1) rather than assembled (Q2). For Q1 the AMG is built from the
    /// nodal-quadrature operator on the same pieces (7-point stencil), for
    /// Q2 from the low-order-refined operator (see assemble_heat_operator).
    bool                 matrix_free() const { return pieces_.piece_element().degree == 1; }
    const ElementPieces &amg_pieces() const { return matrix_free() ? pieces_ : *low_order_pieces_; }
    /// Fills support_points_ for the current DoF numbering.
    void compute_owned_support_points();
    /// Numbers each rank's DoFs by support point, x fastest, then y, then
    /// z. BoomerAMG's coarsening and Gauss-Seidel sweeps follow the rows:
    /// along x, the stream, they follow the advection. deal.II numbers a
    /// cell's DoFs by kind (vertices, lines, faces, interior), which jumps
    /// about a cell of many pieces: at 1,053,745 DoFs on 2 ranks (Q1 in
    /// 4x4x4 pieces) GMRES took 13 iterations in this order, 17 in deal.II's
    /// and 157 with x slowest. Cells of one piece keep deal.II's order: for
    /// Q2 at 536,769 DoFs it took 66 iterations against 73 in this one.
    void renumber_lexicographically();

    MPI_Comm                                  comm_;
    DistributedBrick                          triangulation_;
    std::unique_ptr<dealii::FiniteElement<3>> fe_;
    ElementPieces                             pieces_;
    /// FE_Q_iso_Q1(p)'s pieces on FE_Q(p)'s DoFs, for p >= 2
    std::optional<ElementPieces>      low_order_pieces_;
    dealii::DoFHandler<3>             dof_handler_;
    dealii::AffineConstraints<double> constraints_;
    dealii::IndexSet                  owned_, relevant_;
    MatrixPreallocation               preallocation_, amg_preallocation_;
    /// the operator from assemble_operator() until prepare_solver() hands
    /// it to the solver: assembled (matrix_) or piece by piece
    /// (matrix_free_); and the matrix the AMG preconditioner is built from
    dealii::PETScWrappers::MPI::SparseMatrix matrix_, amg_matrix_;
    std::unique_ptr<MatrixFreeOperator>      matrix_free_;
    /// the matrix-free operator the solver uses (destroyed after it)
    std::unique_ptr<MatrixFreeOperator> solver_matrix_free_;
    dealii::PETScWrappers::MPI::Vector  operator_rhs_, source_rhs_;
    RiseVector                          rise_;
    HeatOperatorCoefficients            coefficients_;
    double                              max_cell_peclet_ = 0.;
    std::unique_ptr<LinearSolver>       solver_;
    std::string                         preconditioner_, krylov_method_;
    std::vector<dealii::Point<3>>       support_points_;
    std::optional<NonlinearState>       nonlinear_;
  };
} // namespace ebweld
