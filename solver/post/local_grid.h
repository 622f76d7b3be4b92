#pragma once
// This rank's owned cells as an unstructured grid with shared points (each
// vertex once, not once per cell as deal.II's DataOut patches have it) and
// the output fields on it: what the .vtu writer and the Catalyst adaptor
// hand on. Each piece of a cell (element_pieces.h) is a linear hexahedron:
// Q1 is written exactly, Q2 on its vertices.

#include "solver/fe/heat_problem.h"
#include "solver/post/field_output_data.h"

#include <string>
#include <utility>
#include <vector>

namespace ebweld
{
  struct LocalGrid
  {
    using Field = std::pair<std::string, std::vector<double>>;

    std::vector<double>    points_m;     // x, y, z of each point
    std::vector<long long> connectivity; // 8 points per cell, VTK hexahedron order
    /// temperature_K, source_density_W_per_m3, melted (1 at T >= T_m)
    std::vector<Field> point_fields;
    /// mpi_rank, then FieldOutputData::cell_fields
    std::vector<Field> cell_fields;

    std::size_t n_points() const { return points_m.size() / 3; }
    std::size_t n_cells() const { return connectivity.size() / 8; }
  };

  LocalGrid build_local_grid(const HeatProblem &problem, const FieldOutputData &data);
} // namespace ebweld
