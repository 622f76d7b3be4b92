#pragma once
// Every ebweld mesh is a brick of axis-parallel cells (meshes/), so the
// reference-to-real map is a per-axis scaling: MappingCartesian computes it
// several times faster than the general Q1 mapping, with the same values.

#include <deal.II/fe/mapping_cartesian.h>
#include <deal.II/grid/tria_accessor.h>

namespace ebweld
{
  inline const dealii::MappingCartesian<3> &brick_mapping()
  {
    static const dealii::MappingCartesian<3> mapping;
    return mapping;
  }

  /// Edge lengths [m] of an axis-parallel brick cell along x, y, z.
  /// deal.II's extent_in_direction() measures the cell's edge lines, which
  /// costs a line lookup each (several per cent of a run at 1M cells).
  template <typename CellIteratorType>
  dealii::Tensor<1, 3> brick_extents_m(const CellIteratorType &cell)
  {
    // deal.II's hexahedron vertices are lexicographic: 0 lowest, 7 highest
    return cell->vertex(7) - cell->vertex(0);
  }
} // namespace ebweld
