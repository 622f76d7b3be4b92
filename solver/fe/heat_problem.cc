#include "solver/fe/heat_problem.h"

#include "solver/fe/petsc_check.h"

#include <deal.II/dofs/dof_tools.h>
#include <deal.II/fe/fe_q_iso_q1.h>
#include <deal.II/grid/grid_tools.h>
#include <deal.II/lac/dynamic_sparsity_pattern.h>
#include <deal.II/numerics/vector_tools.h>

#include <algorithm>
#include <numeric>
#include <tuple>

namespace ebweld
{
  using namespace dealii;

  namespace
  {
    /// Which DoFs of `fe` (FE_Q) a nodal-quadrature operator couples: the
    /// shape functions vanish at every other node, so at each quadrature
    /// point only derivatives along one axis reach a neighbour, and only
    /// nodes that differ in at most one coordinate interact.
    Table<2, bool> nodal_couplings(const FiniteElement<3> &fe)
    {
      const auto    &points = fe.get_unit_support_points();
      Table<2, bool> couples(points.size(), points.size());
      for (unsigned int i = 0; i < points.size(); ++i)
        for (unsigned int j = 0; j < points.size(); ++j)
          {
            unsigned int differing = 0;
            for (unsigned int d = 0; d < 3; ++d)
              differing += points[i][d] != points[j][d];
            couples(i, j) = differing <= 1;
          }
      return couples;
    }

    /// Row lengths of the owned rows of a matrix on `pieces` (of a nodal-
    /// quadrature operator if `nodal`): each piece couples its own DoFs
    /// only. The owned and the ghost cells find every coupling of an owned
    /// DoF without exchanging rows between ranks, and a one-range row set
    /// is cheap to look up (with the relevant DoFs as row set, the lookups
    /// were a third of the matrix set-up).
    MatrixPreallocation piece_preallocation(const DoFHandler<3> &dof_handler,
                                            const ElementPieces &pieces, const bool nodal,
                                            const AffineConstraints<double> &constraints,
                                            const IndexSet                  &owned)
    {
      DynamicSparsityPattern               dsp(dof_handler.n_dofs(), dof_handler.n_dofs(), owned);
      std::vector<types::global_dof_index> cell_dofs(dof_handler.get_fe().n_dofs_per_cell());
      std::vector<types::global_dof_index> dofs(pieces.piece_element().n_dofs_per_cell());
      const Table<2, bool>                 couplings =
          nodal ? nodal_couplings(pieces.piece_element()) : Table<2, bool>();
      for (const auto &cell : dof_handler.active_cell_iterators())
        if (!cell->is_artificial())
          {
            cell->get_dof_indices(cell_dofs);
            for (unsigned int s = 0; s < pieces.size(); ++s)
              {
                const auto &local = pieces.local_dofs(s);
                for (unsigned int i = 0; i < dofs.size(); ++i)
                  dofs[i] = cell_dofs[local[i]];
                constraints.add_entries_local_to_global(dofs, dsp, false, couplings);
              }
          }
      return MatrixPreallocation(dsp, owned);
    }
  } // namespace

  HeatProblem::HeatProblem(MPI_Comm comm, const unsigned int degree,
                           const unsigned int subdivisions)
      : comm_(comm)
      , triangulation_(comm)
      , fe_(heat_element(degree, subdivisions))
      , pieces_(*fe_)
      , dof_handler_(triangulation_)
  {
    if (!matrix_free())
      {
        // deal.II numbers FE_Q_iso_Q1(p)'s DoFs as FE_Q(p)'s, at the same
        // (equidistant for p = 2) support points: its pieces are a second
        // discretisation on the same DoFs
        const FE_Q_iso_Q1<3> low_order(degree);
        AssertThrow(low_order.get_unit_support_points() == fe_->get_unit_support_points(),
                    ExcMessage("the low-order-refined element's support points differ from the "
                               "element's: no low-order preconditioner for this element"));
        low_order_pieces_.emplace(low_order);
      }
  }

  void HeatProblem::compute_owned_support_points()
  {
    // The cells are axis-aligned bricks (vertex 0 lowest, vertex 7
    // highest): map the reference support points directly, which is much
    // cheaper than DoFTools::map_dofs_to_support_points' std::map.
    const auto &unit_points = fe_->get_unit_support_points();
    support_points_.assign(owned_.n_elements(), Point<3>());
    std::vector<types::global_dof_index> dofs(fe_->n_dofs_per_cell());
    for (const auto &cell : dof_handler_.active_cell_iterators())
      {
        if (!cell->is_locally_owned())
          continue;
        cell->get_dof_indices(dofs);
        const Point<3> low = cell->vertex(0), high = cell->vertex(7);
        for (unsigned int i = 0; i < dofs.size(); ++i)
          if (owned_.is_element(dofs[i]))
            for (unsigned int d = 0; d < 3; ++d)
              // exact at t = 0 and 1: shared nodes get identical coordinates
              support_points_[owned_.index_within_set(dofs[i])][d] =
                  (1. - unit_points[i][d]) * low[d] + unit_points[i][d] * high[d];
      }
  }

  void HeatProblem::renumber_lexicographically()
  {
    compute_owned_support_points();
    std::vector<unsigned int> order(support_points_.size());
    std::iota(order.begin(), order.end(), 0u);
    const auto key = [this](const unsigned int i) {
      const auto &p = support_points_[i];
      return std::make_tuple(p[2], p[1], p[0]);
    };
    std::sort(order.begin(), order.end(),
              [&](const unsigned int a, const unsigned int b) { return key(a) < key(b); });
    std::vector<types::global_dof_index> new_numbers(order.size());
    std::vector<Point<3>>                renumbered_points(order.size());
    for (unsigned int k = 0; k < order.size(); ++k)
      {
        new_numbers[order[k]] = owned_.nth_index_in_set(k);
        renumbered_points[k]  = support_points_[order[k]];
      }
    dof_handler_.renumber_dofs(new_numbers);
    support_points_ = std::move(renumbered_points);
  }

  void HeatProblem::setup(const std::set<types::boundary_id> &fixed_temperature_faces)
  {
    dof_handler_.distribute_dofs(*fe_);
    owned_ = dof_handler_.locally_owned_dofs();
    if (pieces_.size() > 1)
      renumber_lexicographically();
    else
      compute_owned_support_points();
    relevant_ = DoFTools::extract_locally_relevant_dofs(dof_handler_);
    // PETSc's layout (and the copy into rise_ after a solve) needs each
    // rank's DoFs to be one contiguous range
    AssertThrow(owned_.is_contiguous(), ExcMessage("locally owned DoFs are not contiguous"));

    constraints_.clear();
    constraints_.reinit(relevant_);
    DoFTools::make_hanging_node_constraints(dof_handler_, constraints_);
    for (const auto id : fixed_temperature_faces)
      VectorTools::interpolate_boundary_values(dof_handler_, id, Functions::ZeroFunction<3>(),
                                               constraints_);
    constraints_.close();

    if (!matrix_free())
      preallocation_ = piece_preallocation(dof_handler_, pieces_, false, constraints_, owned_);
    amg_preallocation_ =
        piece_preallocation(dof_handler_, amg_pieces(), matrix_free(), constraints_, owned_);
    operator_rhs_.reinit(owned_, comm_);
    source_rhs_.reinit(owned_, comm_);
    rise_.reinit(owned_, relevant_, comm_);
  }

  void HeatProblem::assemble_operator(const HeatOperatorCoefficients &coefficients)
  {
    coefficients_ = coefficients;
    // new matrices each time: the previous ones went to the solver
    amg_preallocation_.create_matrix(amg_matrix_, comm_);
    const PieceMatrix amg{amg_pieces(), amg_matrix_, matrix_free()};
    if (matrix_free())
      {
        matrix_free_ =
            std::make_unique<MatrixFreeOperator>(dof_handler_, pieces_, constraints_, relevant_);
        max_cell_peclet_ = assemble_heat_operator(dof_handler_, constraints_, coefficients_,
                                                  pieces_, *matrix_free_, operator_rhs_, &amg);
      }
    else
      {
        preallocation_.create_matrix(matrix_, comm_);
        max_cell_peclet_ =
            assemble_heat_operator(dof_handler_, constraints_, coefficients_,
                                   PieceMatrix{pieces_, matrix_}, operator_rhs_, &amg);
      }
  }

  double HeatProblem::assemble_sources(const std::vector<const HeatSource *> &sources,
                                       const types::boundary_id               heated_surface)
  {
    source_rhs_ = 0.;
    return assemble_source_terms(dof_handler_, pieces_, constraints_, coefficients_, sources,
                                 heated_surface, source_rhs_);
  }

  void HeatProblem::prepare_solver(const LinearSolverSettings &settings)
  {
    AssertThrow(amg_matrix_.m() == dof_handler_.n_dofs(),
                ExcMessage("HeatProblem::prepare_solver: call assemble_operator() first"));
    release_solver();
    solver_ = std::make_unique<LinearSolver>(comm_, settings);
    if (matrix_free())
      {
        solver_matrix_free_ = std::move(matrix_free_);
        solver_->set_operator(solver_matrix_free_->petsc_matrix(), amg_matrix_, max_cell_peclet_,
                              AmgMatrixKind::nodal_twin);
      }
    else
      {
        solver_->set_operator(matrix_, amg_matrix_, max_cell_peclet_,
                              AmgMatrixKind::full_quadrature);
        matrix_.clear(); // the solver holds its reference
      }
    preconditioner_ = solver_->preconditioner();
    krylov_method_  = solver_->krylov_method();
  }

  void copy_owned(const PETScWrappers::MPI::Vector &from, RiseVector &to)
  {
    const PetscScalar *values = nullptr;
    check_petsc(VecGetArrayRead(from, &values), "VecGetArrayRead");
    std::copy(values, values + to.locally_owned_size(), to.begin());
    check_petsc(VecRestoreArrayRead(from, &values), "VecRestoreArrayRead");
    to.update_ghost_values();
  }

  unsigned int HeatProblem::solve()
  {
    AssertThrow(solver_, ExcMessage("HeatProblem::solve: call prepare_solver() first"));
    PETScWrappers::MPI::Vector rhs(operator_rhs_);
    rhs += source_rhs_;
    PETScWrappers::MPI::Vector solution(owned_, comm_);
    const unsigned int         iterations = solver_->solve(solution, rhs);
    constraints_.distribute(solution);
    copy_owned(solution, rise_);
    nonlinear_.reset();
    return iterations;
  }

  std::unique_ptr<MatrixFreeOperator> HeatProblem::take_matrix_free_operator()
  {
    AssertThrow(matrix_free_, ExcMessage("HeatProblem::take_matrix_free_operator: Q1 only, after "
                                         "assemble_operator()"));
    return std::move(matrix_free_);
  }

  void HeatProblem::set_nonlinear_solution(const PETScWrappers::MPI::Vector &rise_K,
                                           NonlinearState                    state)
  {
    copy_owned(rise_K, rise_);
    nonlinear_ = std::move(state);
  }

  double HeatProblem::triangulation_diameter_m() const
  {
    // GridTools::diameter is quadratic in the number of vertices
    const auto corners = GridTools::compute_bounding_box(triangulation_).get_boundary_points();
    return corners.first.distance(corners.second);
  }
} // namespace ebweld
