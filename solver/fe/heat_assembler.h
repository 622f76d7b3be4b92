#pragma once
// Assembly of the steady moving-frame heat equation for the temperature
// rise theta = T - T0 (docs/PHYSICS.md 1):
//
//   rho c_p u . grad theta - div(k grad theta) = q                in Omega
//   -k d theta/dn = h (theta - theta_amb)        on convective faces
//   k d theta/dn  = g                            on the heated top surface
//
// with streamline-upwind Petrov-Galerkin stabilisation (Brooks & Hughes
// 1982): test functions v + tau u.grad v on the volume terms, tau from the
// optimal one-dimensional formula tau = h/(2|a|) (coth Pe_h - 1/Pe_h).
// Working with theta keeps the Dirichlet data homogeneous, so theta is
// exactly proportional to the beam power when theta_amb = 0.
//
// The operator and the sources are assembled separately so that a study
// can keep the matrix (and its preconditioner) and change only the sources.

#include "solver/fe/element_pieces.h"
#include "solver/fe/matrix_free_operator.h"
#include "sources/heat_source.h"

#include <deal.II/dofs/dof_handler.h>
#include <deal.II/lac/affine_constraints.h>
#include <deal.II/lac/petsc_sparse_matrix.h>
#include <deal.II/lac/petsc_vector.h>

#include <functional>
#include <map>

namespace ebweld
{
  using CellIterator = dealii::DoFHandler<3>::active_cell_iterator;

  struct HeatOperatorCoefficients
  {
    /// rho c_p [J/m^3/K]
    double rho_cp_J_per_m3K = 0.;
    /// velocity of the material in the beam frame, (-U, 0, 0) [m/s]
    dealii::Tensor<1, 3> velocity_m_per_s;
    /// k [W/m/K] of a cell or a piece of one (per box so that a filler
    /// layer can differ)
    std::function<double(const Box &)> conductivity_W_per_mK;
    bool                               streamline_stabilisation = true;
    /// heat transfer coefficient h [W/m^2/K] of each convective boundary
    std::map<dealii::types::boundary_id, double> convection_W_per_m2K;
    /// theta_amb = T_amb - T0 [K]
    double ambient_rise_K = 0.;
  };

  /// SUPG parameter tau [m^3 K/W] of a box with `extents_m` and
  /// conductivity k (0 without stabilisation).
  double streamline_tau(const dealii::Tensor<1, 3> &extents_m, double k_W_per_mK,
                        const HeatOperatorCoefficients &c);

  /// A matrix to assemble and the pieces its element is integrated on.
  struct PieceMatrix
  {
    const ElementPieces                      &pieces;
    dealii::PETScWrappers::MPI::SparseMatrix &matrix;
    /// Integrate at the piece element's nodes (Gauss-Lobatto points)
    /// instead of Gauss points. For trilinear pieces each node then
    /// couples to its six axis neighbours only: a 7-point stencil with a
    /// quarter of the 27-point operator's entries, a discretisation
    /// spectrally equivalent to it, which is what the AMG preconditioner
    /// of the Q1 operator is built from (linear_solver.h).
    bool nodal_quadrature = false;
  };

  /// Adds the operator's entries to `target.matrix`, which must hold none
  /// yet (a newly created, preallocated matrix); sets rhs to the
  /// convective (Robin) terms. With `preconditioner` (likewise new), also
  /// adds the same operator discretised on its pieces: for p >= 2 the
  /// low-order pieces of the element (FE_Q_iso_Q1 of its degree:
  /// multilinear pieces between the nodes, on the same DoFs). That is what
  /// AMG preconditions well for p >= 2 (the Q2 matrix has positive
  /// couplings up to twice the diagonal on the graded mesh's stretched
  /// cells, which classical AMG's strength measure cannot handle). Returns
  /// the largest Peclet number |u| h_u / (2 alpha) of target's pieces over
  /// the mesh (all ranks).
  double assemble_heat_operator(const dealii::DoFHandler<3>             &dof_handler,
                                const dealii::AffineConstraints<double> &constraints,
                                const HeatOperatorCoefficients &c, const PieceMatrix &target,
                                dealii::PETScWrappers::MPI::Vector &rhs,
                                const PieceMatrix                  *preconditioner = nullptr);

  /// The same with the operator on `pieces` stored piece by piece in
  /// `target` (new, for the same DoFs and constraints), which is finished
  /// on return.
  double assemble_heat_operator(const dealii::DoFHandler<3>             &dof_handler,
                                const dealii::AffineConstraints<double> &constraints,
                                const HeatOperatorCoefficients &c, const ElementPieces &pieces,
                                MatrixFreeOperator &target, dealii::PETScWrappers::MPI::Vector &rhs,
                                const PieceMatrix *preconditioner = nullptr);

  /// Adds the sources to rhs: volumetric densities (with SUPG test
  /// functions) on the pieces that meet the source's support, integrated with a
  /// quadrature fine enough for its feature lengths, and surface fluxes on
  /// the faces with id `heated_surface`. Returns the power deposited in the
  /// computational domain [W] (all ranks).
  double assemble_source_terms(const dealii::DoFHandler<3>             &dof_handler,
                               const ElementPieces                     &pieces,
                               const dealii::AffineConstraints<double> &constraints,
                               const HeatOperatorCoefficients          &c,
                               const std::vector<const HeatSource *>   &sources,
                               dealii::types::boundary_id               heated_surface,
                               dealii::PETScWrappers::MPI::Vector      &rhs);
} // namespace ebweld
