#pragma once
// The Jacobian of the nonlinear moving-frame heat equation in the
// enthalpy unknown (kirchhoff_solver.h), applied without a matrix of its
// own:
//
//   J x = L x + Lap (q o x) + d o x,    q = du/dtheta_h - 1
//
// with L the constant-property operator at T0 (rho0 c_p0 advection plus
// k0 diffusion, SUPG), Lap its diffusion part alone, q from the Kirchhoff
// unknown's slope and d the surface losses' derivative, all per DoF.
// L x + Lap (q x) is rho0 c_p0 C x + k0 K (du/dtheta_h x): the advection is
// linear in the enthalpy, the diffusion carries the local diffusivity
// (small in the melting range, where the enthalpy rises steeply). The AMG
// matrix follows the same formula from the operators' nodal-quadrature
// twins, with du/dtheta_h floored at 0.1 (kirchhoff_jacobian.cc).

#include "solver/fe/matrix_free_operator.h"

#include <deal.II/lac/petsc_sparse_matrix.h>
#include <deal.II/lac/petsc_vector.h>

namespace ebweld
{
  class KirchhoffJacobian
  {
  public:
    /// `diffusion_scale` (q) and `loss_derivative` (d) are read at every
    /// product: change them and the Jacobian follows.
    KirchhoffJacobian(const MatrixFreeOperator &op, const MatrixFreeOperator &diffusion,
                      const dealii::PETScWrappers::MPI::Vector &diffusion_scale,
                      const dealii::PETScWrappers::MPI::Vector &loss_derivative);
    ~KirchhoffJacobian();
    KirchhoffJacobian(const KirchhoffJacobian &)            = delete;
    KirchhoffJacobian &operator=(const KirchhoffJacobian &) = delete;

    Mat  petsc_matrix() const { return shell_; }
    void vmult(Vec y, Vec x) const;
    void diagonal(Vec d) const;

    /// A new AMG matrix (the caller destroys it) for the current q and d
    /// from the twins of op and diffusion.
    Mat amg_matrix(const dealii::PETScWrappers::MPI::SparseMatrix &op_twin,
                   const dealii::PETScWrappers::MPI::SparseMatrix &diffusion_twin) const;

  private:
    const MatrixFreeOperator                 &op_, &diffusion_;
    const dealii::PETScWrappers::MPI::Vector &diffusion_scale_, &loss_derivative_;
    /// scratch for the products
    mutable dealii::PETScWrappers::MPI::Vector scaled_, product_;
    Mat                                        shell_ = nullptr;
  };
} // namespace ebweld
