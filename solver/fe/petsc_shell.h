#pragma once
// A PETSc matrix (MATSHELL) that applies an operator of ours: its product
// and its diagonal are what the Krylov method, the true-residual check and
// a Jacobi correction need.

#include "solver/fe/petsc_check.h"

#include <petscmat.h>

namespace ebweld
{
  /// A square shell matrix of `n_owned` rows per rank (`n_global` in all)
  /// calling op.vmult(y, x) and op.diagonal(d); op must outlive it, and the
  /// caller destroys it (MatDestroy).
  template <typename Operator>
  Mat create_shell_matrix(MPI_Comm comm, const PetscInt n_owned, const PetscInt n_global,
                          const Operator &op)
  {
    struct Callbacks
    {
      static const Operator &of(Mat shell)
      {
        void *context = nullptr;
        MatShellGetContext(shell, &context);
        return *static_cast<const Operator *>(context);
      }
      static PetscErrorCode mult(Mat shell, Vec x, Vec y)
      {
        of(shell).vmult(y, x);
        return 0;
      }
      static PetscErrorCode diagonal(Mat shell, Vec d)
      {
        of(shell).diagonal(d);
        return 0;
      }
    };
    Mat shell = nullptr;
    check_petsc(MatCreateShell(comm, n_owned, n_owned, n_global, n_global,
                               const_cast<Operator *>(&op), &shell),
                "MatCreateShell");
    check_petsc(
        MatShellSetOperation(shell, MATOP_MULT, reinterpret_cast<void (*)(void)>(&Callbacks::mult)),
        "MatShellSetOperation");
    check_petsc(MatShellSetOperation(shell, MATOP_GET_DIAGONAL,
                                     reinterpret_cast<void (*)(void)>(&Callbacks::diagonal)),
                "MatShellSetOperation");
    return shell;
  }
} // namespace ebweld
