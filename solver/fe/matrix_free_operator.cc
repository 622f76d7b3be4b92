#include "solver/fe/matrix_free_operator.h"

#include "solver/fe/petsc_check.h"
#include "solver/fe/petsc_shell.h"

#include <algorithm>
#include <cmath>

namespace ebweld
{
  using namespace dealii;

  MatrixFreeOperator::MatrixFreeOperator(const DoFHandler<3>             &dof_handler,
                                         const ElementPieces             &pieces,
                                         const AffineConstraints<double> &constraints,
                                         const IndexSet                  &locally_relevant_dofs)
      : pieces_(pieces)
      , n_(pieces.piece_element().n_dofs_per_cell())
      , dofs_per_cell_(dof_handler.get_fe().n_dofs_per_cell())
  {
    const IndexSet &owned = dof_handler.locally_owned_dofs();
    src_.reinit(owned, locally_relevant_dofs, dof_handler.get_communicator());
    dst_.reinit(src_);
    const Utilities::MPI::Partitioner &partitioner = *src_.get_partitioner();

    std::vector<types::global_dof_index> dofs(dofs_per_cell_);
    for (const auto &cell : dof_handler.active_cell_iterators())
      if (cell->is_locally_owned())
        {
          cell->get_dof_indices(dofs);
          for (const auto dof : dofs)
            cell_local_dofs_.push_back(partitioner.global_to_local(dof));
        }
    for (const auto dof : locally_relevant_dofs)
      if (constraints.is_constrained(dof))
        {
          // fixed values of zero only (the heat problem's theta = 0 faces):
          // a constraint that couples DoFs would need the operator condensed
          AssertThrow(constraints.get_constraint_entries(dof)->empty() &&
                          constraints.get_inhomogeneity(dof) == 0.,
                      ExcMessage("MatrixFreeOperator: only homogeneous Dirichlet constraints"));
          constrained_local_.push_back(partitioner.global_to_local(dof));
        }
    std::sort(constrained_local_.begin(), constrained_local_.end());
    piece_matrix_ids_.reserve(std::size_t(n_owned_cells()) * pieces.size());
  }

  MatrixFreeOperator::~MatrixFreeOperator()
  {
    if (shell_ != nullptr)
      MatDestroy(&shell_);
  }

  unsigned int MatrixFreeOperator::add_piece_matrix(const FullMatrix<double> &matrix)
  {
    AssertThrow(matrix.m() == n_ && matrix.n() == n_, ExcMessage("piece matrix of the wrong size"));
    const unsigned int id = n_piece_matrices();
    matrices_.insert(matrices_.end(), &matrix(0, 0), &matrix(0, 0) + n_ * n_);
    return id;
  }

  void MatrixFreeOperator::finish()
  {
    const unsigned int n_cells = n_owned_cells();
    AssertThrow(piece_matrix_ids_.size() == std::size_t(n_cells) * pieces_.size(),
                ExcMessage("MatrixFreeOperator: every piece of every owned cell needs a matrix"));
    // Diagonal: the sum of the pieces' diagonal entries, and for the fixed
    // DoFs the sum of their magnitudes, as deal.II assembles it
    std::vector<bool> fixed(src_.locally_owned_size() + src_.get_partitioner()->n_ghost_indices(),
                            false);
    for (const unsigned int i : constrained_local_)
      fixed[i] = true;
    dst_ = 0.;
    for (unsigned int k = 0; k < n_cells; ++k)
      for (unsigned int s = 0; s < pieces_.size(); ++s)
        {
          const double *matrix = piece_matrix(k, s);
          const auto   &local  = pieces_.local_dofs(s);
          for (unsigned int i = 0; i < n_; ++i)
            {
              const unsigned int index = cell_local_dofs_[k * dofs_per_cell_ + local[i]];
              const double       entry = matrix[i * n_ + i];
              dst_.local_element(index) += fixed[index] ? std::abs(entry) : entry;
            }
        }
    dst_.compress(VectorOperation::add);
    owned_diagonal_.assign(dst_.begin(), dst_.begin() + dst_.locally_owned_size());

    const auto n_owned  = static_cast<PetscInt>(src_.locally_owned_size());
    const auto n_global = static_cast<PetscInt>(src_.size());
    shell_ = create_shell_matrix(src_.get_mpi_communicator(), n_owned, n_global, *this);
  }

  void MatrixFreeOperator::diagonal(Vec d) const
  {
    PetscScalar *values = nullptr;
    check_petsc(VecGetArray(d, &values), "VecGetArray");
    std::copy(owned_diagonal_.begin(), owned_diagonal_.end(), values);
    check_petsc(VecRestoreArray(d, &values), "VecRestoreArray");
  }

  void MatrixFreeOperator::gather(Vec x, LinearAlgebra::distributed::Vector<double> &ghosted) const
  {
    const PetscScalar *values = nullptr;
    check_petsc(VecGetArrayRead(x, &values), "VecGetArrayRead");
    std::copy(values, values + ghosted.locally_owned_size(), ghosted.begin());
    check_petsc(VecRestoreArrayRead(x, &values), "VecRestoreArrayRead");
    ghosted.update_ghost_values();
    for (const unsigned int i : constrained_local_)
      ghosted.local_element(i) = 0.;
  }

  void MatrixFreeOperator::apply(Vec y, Vec x, const MatrixFreeOperator *b, Vec z) const
  {
    AssertThrow(
        !b || (&b->pieces_ == &pieces_ && b->cell_local_dofs_.size() == cell_local_dofs_.size()),
        ExcMessage("MatrixFreeOperator::vmult_sum: operators on different DoFs"));
    gather(x, src_);
    if (b)
      gather(z, b->src_);
    dst_ = 0.;

    const unsigned int  n_cells = n_owned_cells();
    const unsigned int  n       = n_;
    std::vector<double> cell_src(dofs_per_cell_), cell_src_b(dofs_per_cell_),
        cell_dst(dofs_per_cell_), piece_src(n), piece_src_b(n);
    for (unsigned int k = 0; k < n_cells; ++k)
      {
        // gather the cell once rather than each of its pieces
        const unsigned int *indices = &cell_local_dofs_[k * dofs_per_cell_];
        for (unsigned int i = 0; i < dofs_per_cell_; ++i)
          cell_src[i] = src_.local_element(indices[i]);
        if (b)
          for (unsigned int i = 0; i < dofs_per_cell_; ++i)
            cell_src_b[i] = b->src_.local_element(indices[i]);
        std::fill(cell_dst.begin(), cell_dst.end(), 0.);
        for (unsigned int s = 0; s < pieces_.size(); ++s)
          {
            const double *matrix = piece_matrix(k, s);
            const auto   &local  = pieces_.local_dofs(s);
            for (unsigned int j = 0; j < n; ++j)
              piece_src[j] = cell_src[local[j]];
            for (unsigned int i = 0; i < n; ++i)
              {
                double sum = 0.;
                for (unsigned int j = 0; j < n; ++j)
                  sum += matrix[i * n + j] * piece_src[j];
                cell_dst[local[i]] += sum;
              }
            if (!b)
              continue;
            const double *matrix_b = b->piece_matrix(k, s);
            for (unsigned int j = 0; j < n; ++j)
              piece_src_b[j] = cell_src_b[local[j]];
            for (unsigned int i = 0; i < n; ++i)
              {
                double sum = 0.;
                for (unsigned int j = 0; j < n; ++j)
                  sum += matrix_b[i * n + j] * piece_src_b[j];
                cell_dst[local[i]] += sum;
              }
          }
        for (unsigned int i = 0; i < dofs_per_cell_; ++i)
          dst_.local_element(indices[i]) += cell_dst[i];
      }
    dst_.compress(VectorOperation::add);

    PetscScalar       *y_values = nullptr;
    const PetscScalar *x_values = nullptr, *z_values = nullptr;
    check_petsc(VecGetArray(y, &y_values), "VecGetArray");
    check_petsc(VecGetArrayRead(x, &x_values), "VecGetArrayRead");
    if (b)
      check_petsc(VecGetArrayRead(z, &z_values), "VecGetArrayRead");
    std::copy(dst_.begin(), dst_.begin() + dst_.locally_owned_size(), y_values);
    // the fixed DoFs' rows: their diagonal only
    const unsigned int n_owned = dst_.locally_owned_size();
    for (auto i = constrained_local_.begin(); i != constrained_local_.end() && *i < n_owned; ++i)
      y_values[*i] =
          owned_diagonal_[*i] * x_values[*i] + (b ? b->owned_diagonal_[*i] * z_values[*i] : 0.);
    if (b)
      check_petsc(VecRestoreArrayRead(z, &z_values), "VecRestoreArrayRead");
    check_petsc(VecRestoreArrayRead(x, &x_values), "VecRestoreArrayRead");
    check_petsc(VecRestoreArray(y, &y_values), "VecRestoreArray");
  }
} // namespace ebweld
