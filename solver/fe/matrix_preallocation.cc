#include "solver/fe/matrix_preallocation.h"

#include "solver/fe/petsc_check.h"

namespace ebweld
{
  using namespace dealii;

  MatrixPreallocation::MatrixPreallocation(const DynamicSparsityPattern &pattern,
                                           const IndexSet               &owned)
      : n_global_rows_(static_cast<PetscInt>(pattern.n_rows()))
      , diagonal_block_lengths_(owned.n_elements(), 0)
      , off_diagonal_lengths_(owned.n_elements(), 0)
  {
    AssertThrow(owned.is_contiguous(), ExcMessage("the owned rows must be one contiguous range"));
    if (owned.n_elements() == 0)
      return;
    const types::global_dof_index first = owned.nth_index_in_set(0);
    const types::global_dof_index end   = first + owned.n_elements();
    for (types::global_dof_index row = first; row < end; ++row)
      {
        const unsigned int length = pattern.row_length(row);
        for (unsigned int k = 0; k < length; ++k)
          {
            const types::global_dof_index column = pattern.column_number(row, k);
            ++(column >= first && column < end ? diagonal_block_lengths_
                                               : off_diagonal_lengths_)[row - first];
          }
      }
  }

  void MatrixPreallocation::create_matrix(PETScWrappers::MPI::SparseMatrix &matrix,
                                          const MPI_Comm                    comm) const
  {
    const auto n_local = static_cast<PetscInt>(diagonal_block_lengths_.size());
    Mat       &petsc   = matrix.petsc_matrix();
    check_petsc(MatDestroy(&petsc), "MatDestroy");
    check_petsc(MatCreateAIJ(comm, n_local, n_local, n_global_rows_, n_global_rows_, 0,
                             diagonal_block_lengths_.data(), 0, off_diagonal_lengths_.data(),
                             &petsc),
                "MatCreateAIJ");
    check_petsc(MatSetOption(petsc, MAT_NEW_NONZERO_ALLOCATION_ERR, PETSC_TRUE), "MatSetOption");
    // a piece matrix's exact zeros (all couplings off the axes with nodal
    // quadrature) have no room and need none
    check_petsc(MatSetOption(petsc, MAT_IGNORE_ZERO_ENTRIES, PETSC_TRUE), "MatSetOption");
  }
} // namespace ebweld
