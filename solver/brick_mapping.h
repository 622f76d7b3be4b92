#pragma once
// Every ebweld mesh is a brick of axis-parallel cells (meshes/), so the
// reference-to-real map is a per-axis scaling: MappingCartesian computes it
// several times faster than the general Q1 mapping, with the same values.

#include <deal.II/fe/mapping_cartesian.h>

namespace ebweld
{
  inline const dealii::MappingCartesian<3> &brick_mapping()
  {
    static const dealii::MappingCartesian<3> mapping;
    return mapping;
  }
} // namespace ebweld
