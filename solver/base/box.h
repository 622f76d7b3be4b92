#pragma once
// An axis-parallel box: a cell of the brick meshes (meshes/) or a piece of
// one (element_pieces.h). Everything that integrates or samples the field
// works on boxes, so it needs no deal.II cell for a piece.

#include <deal.II/base/point.h>

namespace ebweld
{
  struct Box
  {
    dealii::Point<3> low, high; // lowest and highest corner [m]

    /// The coordinate at reference coordinate t in [0, 1] along axis d [m];
    /// exactly low[d] at 0 and high[d] at 1, so neighbours share corners.
    double coordinate(const unsigned int d, const double t) const
    {
      return (1. - t) * low[d] + t * high[d];
    }
    /// The point at reference coordinates `unit` in the unit cube.
    dealii::Point<3> map(const dealii::Point<3> &unit) const
    {
      return {coordinate(0, unit[0]), coordinate(1, unit[1]), coordinate(2, unit[2])};
    }
    /// Edge lengths along x, y, z [m].
    dealii::Tensor<1, 3> extents() const { return high - low; }
    dealii::Point<3>     center() const { return map(dealii::Point<3>(0.5, 0.5, 0.5)); }
    double               volume() const
    {
      const auto e = extents();
      return e[0] * e[1] * e[2];
    }
  };

  /// The box of an axis-parallel hexahedral cell: deal.II's vertices are
  /// lexicographic, 0 lowest and 7 highest.
  template <typename CellIteratorType>
  Box cell_box(const CellIteratorType &cell)
  {
    return {cell->vertex(0), cell->vertex(7)};
  }
} // namespace ebweld
