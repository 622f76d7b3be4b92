#include "solver/fe/reference_tabulation.h"

#include <deal.II/base/qprojector.h>

namespace ebweld
{
  using namespace dealii;

  ReferenceTabulation::ReferenceTabulation(const FiniteElement<3> &fe,
                                           const Quadrature<3>    &quadrature,
                                           const bool              second_derivatives)
  {
    tabulate(fe, quadrature, second_derivatives);
  }

  ReferenceTabulation ReferenceTabulation::on_face(const FiniteElement<3> &fe,
                                                   const Quadrature<2>    &face_quadrature,
                                                   const unsigned int      f)
  {
    ReferenceTabulation t;
    // the projected weights sum to the unit face's area, 1
    t.tabulate(fe, QProjector<3>::project_to_face(ReferenceCells::Hexahedron, face_quadrature, f),
               false);
    return t;
  }

  void ReferenceTabulation::tabulate(const FiniteElement<3> &fe, const Quadrature<3> &quadrature,
                                     const bool second_derivatives)
  {
    points_               = quadrature.get_points();
    weights_              = quadrature.get_weights();
    const unsigned int nq = points_.size(), n = fe.n_dofs_per_cell();
    values_.reinit(nq, n);
    unit_gradients_.reinit(nq, n);
    if (second_derivatives)
      unit_second_.reinit(nq, n);
    for (unsigned int q = 0; q < nq; ++q)
      for (unsigned int i = 0; i < n; ++i)
        {
          values_(q, i)         = fe.shape_value(i, points_[q]);
          unit_gradients_(q, i) = fe.shape_grad(i, points_[q]);
          if (second_derivatives)
            {
              const Tensor<2, 3> h = fe.shape_grad_grad(i, points_[q]);
              for (unsigned int d = 0; d < 3; ++d)
                unit_second_(q, i)[d] = h[d][d];
            }
        }
  }

  double face_area(const Tensor<1, 3> &extents, const unsigned int f)
  {
    const unsigned int d = f / 2;
    return extents[(d + 1) % 3] * extents[(d + 2) % 3];
  }
} // namespace ebweld
