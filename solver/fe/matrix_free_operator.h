#pragma once
// The heat operator of a trilinear element applied piece by piece instead
// of stored as a sparse matrix. A graded brick has few distinct pieces
// (about 10^4 at a million DoFs), so the distinct 8x8 piece matrices and
// one index per piece replace the 27 stored entries per row of the
// assembled operator (about 330 bytes per DoF with PETSc's or hypre's
// compressed rows: a third of the 1 KB per DoF budget, issue 2).
//
// As a PETSc matrix (MATSHELL) it offers the product and the diagonal:
// what the Krylov method, the true-residual check and a Jacobi
// correction need. The
// linear operator is exactly the assembled one, including deal.II's
// treatment of the fixed-temperature DoFs: their rows hold only the
// diagonal sum of |piece diagonal| (AffineConstraints'
// distribute_local_to_global) and their columns are zero.

#include "solver/fe/element_pieces.h"

#include <deal.II/dofs/dof_handler.h>
#include <deal.II/lac/affine_constraints.h>
#include <deal.II/lac/full_matrix.h>
#include <deal.II/lac/la_parallel_vector.h>

#include <petscmat.h>

#include <vector>

namespace ebweld
{
  class MatrixFreeOperator
  {
  public:
    /// For the locally owned cells of `dof_handler`, in the order of its
    /// active cell iterators, each split into `pieces`.
    MatrixFreeOperator(const dealii::DoFHandler<3> &dof_handler, const ElementPieces &pieces,
                       const dealii::AffineConstraints<double> &constraints,
                       const dealii::IndexSet                  &locally_relevant_dofs);
    ~MatrixFreeOperator();
    MatrixFreeOperator(const MatrixFreeOperator &)            = delete;
    MatrixFreeOperator &operator=(const MatrixFreeOperator &) = delete;

    /// Stores a distinct piece matrix (in the piece element's DoF order);
    /// returns its number for append_piece().
    unsigned int add_piece_matrix(const dealii::FullMatrix<double> &matrix);

    /// The next piece (pieces of a cell in order, cells in the order of
    /// the constructor) has piece matrix `id`.
    void append_piece(unsigned int id) { piece_matrix_ids_.push_back(id); }

    /// Completes the operator once every piece is appended: computes the
    /// diagonal and creates the PETSc matrix.
    void finish();

    /// The operator as a PETSc matrix (valid while this object lives).
    Mat petsc_matrix() const { return shell_; }

    /// y = A x on PETSc vectors of the owned DoFs.
    void vmult(Vec y, Vec x) const { apply(y, x, nullptr, nullptr); }

    /// y = A x + B z for an operator B built for the same DoFs, pieces and
    /// constraints: one pass over the cells instead of two (the nonlinear
    /// solve's Jacobian, kirchhoff_jacobian.h).
    void vmult_sum(Vec y, Vec x, const MatrixFreeOperator &b, Vec z) const { apply(y, x, &b, z); }

    /// The operator's diagonal into d (owned DoFs).
    void diagonal(Vec d) const;

    /// Number of distinct piece matrices stored.
    std::size_t n_piece_matrices() const { return matrices_.size() / (n_ * n_); }

  private:
    /// y = A x (+ B z if b is given)
    void apply(Vec y, Vec x, const MatrixFreeOperator *b, Vec z) const;
    /// Copies an owned PETSc vector into `ghosted` with ghosts, the fixed
    /// DoFs' entries zeroed (their columns are zero).
    void gather(Vec x, dealii::LinearAlgebra::distributed::Vector<double> &ghosted) const;

    unsigned int n_owned_cells() const { return cell_local_dofs_.size() / dofs_per_cell_; }

    /// The matrix of piece s of owned cell k (n_ x n_, row-major).
    const double *piece_matrix(unsigned int k, unsigned int s) const
    {
      return &matrices_[std::size_t(piece_matrix_ids_[std::size_t(k) * pieces_.size() + s]) * n_ *
                        n_];
    }

    const ElementPieces &pieces_;
    unsigned int         n_; // DoFs per piece
    unsigned int         dofs_per_cell_;
    /// per locally owned cell, its DoFs' indices in src_/dst_'s local storage
    std::vector<unsigned int> cell_local_dofs_;
    /// local storage indices of the fixed-temperature DoFs, owned ones
    /// (below the owned count, where local and owned indices coincide) first
    std::vector<unsigned int> constrained_local_;
    std::vector<double>       matrices_; // n x n, row-major, one after another
    std::vector<unsigned int> piece_matrix_ids_;
    std::vector<double>       owned_diagonal_;
    mutable dealii::LinearAlgebra::distributed::Vector<double> src_, dst_;
    Mat                                                        shell_ = nullptr;
  };
} // namespace ebweld
