// The matrix-free operator (solver/matrix_free_operator.h) is the assembled
// one: on a graded brick of FE_Q_iso_Q1(2) cells with a conductivity that
// varies from piece to piece (so that pieces differ), fixed faces and a
// convective face, its product with a random vector and its diagonal agree
// with PETSc's assembled matrix to rounding, and both assemblies give the
// same convective right-hand side. A piece with the wrong matrix, a lost
// ghost contribution or a fixed DoF's row or column treated differently
// shows as a relative difference of order 1e-3 or more.

#include "meshes/distributed_brick.h"
#include "solver/fe/heat_assembler.h"
#include "solver/fe/matrix_preallocation.h"
#include "solver/fe/petsc_check.h"

#include <deal.II/dofs/dof_tools.h>
#include <deal.II/fe/fe_q_iso_q1.h>
#include <deal.II/lac/dynamic_sparsity_pattern.h>
#include <deal.II/numerics/vector_tools.h>

#include <boost/test/unit_test.hpp>

#include <random>

using namespace ebweld;
using namespace dealii;

BOOST_AUTO_TEST_CASE(matrix_free_product_and_diagonal_equal_the_assembled_matrix)
{
  const MPI_Comm   comm = MPI_COMM_WORLD;
  DistributedBrick triangulation(comm);
  BrickNodes       nodes = uniform_brick_nodes(6, 0., 1.);
  nodes[0]               = {0., 0.1, 0.3, 0.6, 1.0, 1.5, 2.2}; // graded along x: distinct extents
  triangulation.create(nodes);
  const FE_Q_iso_Q1<3> fe(2);
  const ElementPieces  pieces(fe);
  DoFHandler<3>        dof_handler(triangulation);
  dof_handler.distribute_dofs(fe);
  const IndexSet owned    = dof_handler.locally_owned_dofs();
  const IndexSet relevant = DoFTools::extract_locally_relevant_dofs(dof_handler);

  AffineConstraints<double> constraints(relevant);
  for (const types::boundary_id id : {0, 4})
    VectorTools::interpolate_boundary_values(dof_handler, id, Functions::ZeroFunction<3>(),
                                             constraints);
  constraints.close();

  HeatOperatorCoefficients c;
  c.rho_cp_J_per_m3K      = 2.;
  c.velocity_m_per_s[0]   = -3.;
  c.conductivity_W_per_mK = [](const Box &box) { return 0.05 + box.center()[0] * box.center()[1]; };
  c.convection_W_per_m2K  = {{5, 7.}};
  c.ambient_rise_K        = 0.5;

  // assembled: every coupling of a cell's DoFs has room (a superset)
  DynamicSparsityPattern               pattern(dof_handler.n_dofs(), dof_handler.n_dofs(), owned);
  std::vector<types::global_dof_index> cell_dofs(fe.n_dofs_per_cell());
  for (const auto &cell : dof_handler.active_cell_iterators())
    if (!cell->is_artificial())
      {
        cell->get_dof_indices(cell_dofs);
        constraints.add_entries_local_to_global(cell_dofs, pattern, false);
      }
  PETScWrappers::MPI::SparseMatrix matrix;
  MatrixPreallocation(pattern, owned).create_matrix(matrix, comm);
  PETScWrappers::MPI::Vector assembled_rhs(owned, comm), matrix_free_rhs(owned, comm);
  assemble_heat_operator(dof_handler, constraints, c, PieceMatrix{pieces, matrix}, assembled_rhs);

  MatrixFreeOperator matrix_free(dof_handler, pieces, constraints, relevant);
  assemble_heat_operator(dof_handler, constraints, c, pieces, matrix_free, matrix_free_rhs);
  BOOST_TEST_MESSAGE("distinct piece matrices: " << matrix_free.n_piece_matrices());
  BOOST_TEST(matrix_free.n_piece_matrices() > 100u);

  PETScWrappers::MPI::Vector x(owned, comm), assembled_y(owned, comm), matrix_free_y(owned, comm);
  std::mt19937               random(Utilities::MPI::this_mpi_process(comm));
  std::uniform_real_distribution<double> uniform(-1., 1.);
  for (const auto i : owned)
    x(i) = uniform(random);
  x.compress(VectorOperation::insert);
  check_petsc(MatMult(matrix, x, assembled_y), "MatMult");
  check_petsc(MatMult(matrix_free.petsc_matrix(), x, matrix_free_y), "MatMult");
  const double y_norm = assembled_y.l2_norm();
  matrix_free_y -= assembled_y;
  BOOST_TEST_MESSAGE("|A x|: " << y_norm
                               << ", matrix-free minus assembled: " << matrix_free_y.l2_norm());
  BOOST_TEST(y_norm > 0.);
  BOOST_TEST(matrix_free_y.l2_norm() / y_norm < 1e-13);

  PETScWrappers::MPI::Vector assembled_diagonal(owned, comm), matrix_free_diagonal(owned, comm);
  check_petsc(MatGetDiagonal(matrix, assembled_diagonal), "MatGetDiagonal");
  check_petsc(MatGetDiagonal(matrix_free.petsc_matrix(), matrix_free_diagonal), "MatGetDiagonal");
  const double diagonal_norm = assembled_diagonal.l2_norm();
  matrix_free_diagonal -= assembled_diagonal;
  BOOST_TEST(matrix_free_diagonal.l2_norm() / diagonal_norm < 1e-13);

  const double rhs_norm = assembled_rhs.l2_norm();
  matrix_free_rhs -= assembled_rhs;
  BOOST_TEST(rhs_norm > 0.);
  BOOST_TEST(matrix_free_rhs.l2_norm() / rhs_norm < 1e-13);
}
