#pragma once
// The finite-element state of one moving-frame heat solve on a distributed
// mesh: triangulation, DoFs, constraints, matrix, right-hand sides and the
// temperature-rise solution. Knows no model by name: coefficients, sources
// and the mesh come from outside, so that studies (sub-communicators),
// interface submodels and in situ output can drive it.

#include "meshes/distributed_brick.h"
#include "solver/heat_assembler.h"
#include "solver/linear_solver.h"
#include "solver/matrix_preallocation.h"
#include "solver/rise_vector.h"

#include <deal.II/base/array_view.h>
#include <deal.II/fe/fe_q.h>

#include <memory>
#include <set>

namespace ebweld
{
  class HeatProblem
  {
  public:
    HeatProblem(MPI_Comm comm, unsigned int degree);

    MPI_Comm                                         communicator() const { return comm_; }
    DistributedBrick                                &triangulation() { return triangulation_; }
    const dealii::DoFHandler<3>                     &dof_handler() const { return dof_handler_; }

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
    void release_solver() { solver_.reset(); }

    /// Temperature rise theta = T - T0 [K] with ghost values (a deal.II
    /// vector: element access to PETSc's ghosted vectors is slow).
    const RiseVector &rise() const { return rise_; }

    const HeatOperatorCoefficients &coefficients() const { return coefficients_; }
    /// The preconditioner of the last prepare_solver(): boomeramg, air or jacobi.
    const std::string              &preconditioner() const { return preconditioner_; }
    double                          max_cell_peclet() const { return max_cell_peclet_; }

    /// Support point of every locally owned DoF, in the order of the owned
    /// index set.
    const std::vector<dealii::Point<3>> &owned_support_points() const { return support_points_; }

    /// Temperature rise [K] of every locally owned DoF, in the order of
    /// owned_support_points().
    dealii::ArrayView<const double> owned_rise() const
    {
      return {rise_.begin(), rise_.locally_owned_size()};
    }

    unsigned int triangulation_active_cells() const { return triangulation_.n_active_cells(); }

    /// Diameter of the mesh's bounding box [m].
    double triangulation_diameter_m() const;

  private:
    /// Whether the AMG is built from a low-order-refined operator: for
    /// elements of degree >= 2 (see assemble_heat_operator).
    bool low_order_preconditioner() const { return fe_.degree > 1; }

    MPI_Comm                                        comm_;
    DistributedBrick                                triangulation_;
    dealii::FE_Q<3>                                 fe_;
    dealii::DoFHandler<3>                           dof_handler_;
    dealii::AffineConstraints<double>               constraints_;
    dealii::IndexSet                                owned_, relevant_;
    MatrixPreallocation                             preallocation_;
    /// the operator from assemble_operator() until prepare_solver() takes
    /// it, and for elements of degree >= 2 its low-order-refined twin that
    /// the AMG preconditioner is built from
    dealii::PETScWrappers::MPI::SparseMatrix        matrix_, low_order_matrix_;
    dealii::PETScWrappers::MPI::Vector              operator_rhs_, source_rhs_;
    RiseVector                                      rise_;
    HeatOperatorCoefficients                        coefficients_;
    double                                          max_cell_peclet_ = 0.;
    std::unique_ptr<LinearSolver>                   solver_;
    std::string                                     preconditioner_;
    std::vector<dealii::Point<3>>                   support_points_;
  };
} // namespace ebweld
