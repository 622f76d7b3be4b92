#pragma once
// An element's shape functions tabulated once at quadrature points of the
// unit cube. On an axis-parallel box the reference-to-real map scales each
// axis, so real values, gradients and second derivatives follow from these
// by dividing by the box's extents: no deal.II cell or FEValues is needed,
// which is what lets a piece of a cell (element_pieces.h) be integrated.

#include "solver/base/box.h"

#include <deal.II/base/quadrature.h>
#include <deal.II/base/table.h>
#include <deal.II/base/tensor.h>
#include <deal.II/fe/fe.h>

namespace ebweld
{
  class ReferenceTabulation
  {
  public:
    /// `second_derivatives`: also tabulate d^2/dx_d^2 (for div grad).
    ReferenceTabulation(const dealii::FiniteElement<3> &fe, const dealii::Quadrature<3> &quadrature,
                        bool second_derivatives = false);

    /// The same on face f of the unit cube (points from `face_quadrature`).
    static ReferenceTabulation on_face(const dealii::FiniteElement<3> &fe,
                                       const dealii::Quadrature<2>    &face_quadrature,
                                       unsigned int                    f);

    unsigned int n_points() const { return static_cast<unsigned int>(points_.size()); }
    unsigned int n_dofs() const { return static_cast<unsigned int>(values_.size(1)); }

    /// Point q in unit coordinates.
    const dealii::Point<3> &point(unsigned int q) const { return points_[q]; }
    /// Weight of point q on the unit cube (or unit face).
    double weight(unsigned int q) const { return weights_[q]; }
    double value(unsigned int i, unsigned int q) const { return values_(q, i); }

    /// Gradient of shape function i at point q on a box of `extents` [1/m].
    dealii::Tensor<1, 3> gradient(unsigned int i, unsigned int q,
                                  const dealii::Tensor<1, 3> &extents) const
    {
      dealii::Tensor<1, 3> g = unit_gradients_(q, i);
      for (unsigned int d = 0; d < 3; ++d)
        g[d] /= extents[d];
      return g;
    }

    /// div grad of shape function i at point q on a box of `extents`
    /// [1/m^2]; needs second_derivatives.
    double laplacian(unsigned int i, unsigned int q, const dealii::Tensor<1, 3> &extents) const
    {
      const dealii::Tensor<1, 3> &s = unit_second_(q, i);
      return s[0] / (extents[0] * extents[0]) + s[1] / (extents[1] * extents[1]) +
             s[2] / (extents[2] * extents[2]);
    }

  private:
    ReferenceTabulation() = default;
    void tabulate(const dealii::FiniteElement<3> &fe, const dealii::Quadrature<3> &quadrature,
                  bool second_derivatives);

    std::vector<dealii::Point<3>>          points_;
    std::vector<double>                    weights_;
    dealii::Table<2, double>               values_;         // (q, i)
    dealii::Table<2, dealii::Tensor<1, 3>> unit_gradients_; // (q, i)
    dealii::Table<2, dealii::Tensor<1, 3>> unit_second_;    // (q, i): d^2/dx_d^2
  };

  /// Area [m^2] of face f of a box with `extents`.
  double face_area(const dealii::Tensor<1, 3> &extents, unsigned int f);
} // namespace ebweld
