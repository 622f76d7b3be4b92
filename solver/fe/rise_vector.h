#pragma once
// The temperature rise theta = T - T0 [K] on the locally relevant DoFs as
// the post-processing reads it: a deal.II vector, because element access to
// PETSc's ghosted vectors goes through PETSc calls per entry.

#include <deal.II/lac/la_parallel_vector.h>
#include <deal.II/lac/petsc_vector.h>

namespace ebweld
{
  using RiseVector = dealii::LinearAlgebra::distributed::Vector<double>;
} // namespace ebweld

namespace ebweld
{
  /// Copies the owned values of a PETSc vector into a ghosted rise vector
  /// (both hold the owned DoFs as one contiguous range, in order) and
  /// updates its ghosts.
  void copy_owned(const dealii::PETScWrappers::MPI::Vector &from, RiseVector &to);
} // namespace ebweld
