#pragma once
// The temperature rise theta = T - T0 [K] on the locally relevant DoFs as
// the post-processing reads it: a deal.II vector, because element access to
// PETSc's ghosted vectors goes through PETSc calls per entry.

#include <deal.II/lac/la_parallel_vector.h>

namespace ebweld
{
  using RiseVector = dealii::LinearAlgebra::distributed::Vector<double>;
} // namespace ebweld
