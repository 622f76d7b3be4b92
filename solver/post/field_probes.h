#pragma once
// Nodal values of the temperature rise along mesh lines, gathered from all
// ranks. The half-brick mesh has node lines on the surface centreline
// (y = z = 0), under the beam (xi = y = 0) and on every node plane.

#include "solver/fe/heat_problem.h"

#include <vector>

namespace ebweld
{
  /// (position along `axis`, rise [K]) of the nodes whose other two
  /// coordinates equal those of `through`; sorted by position, on every rank.
  std::vector<std::pair<double, double>> nodal_line(const HeatProblem &problem, unsigned int axis,
                                                    const dealii::Point<3> &through);

  /// Largest rise on each node plane normal to `axis`: (position, max
  /// rise [K]), sorted by position, on every rank. For Q1 the largest value
  /// of the field on a node plane is a nodal value.
  std::vector<std::pair<double, double>> max_rise_per_node_plane(const HeatProblem &problem,
                                                                 unsigned int       axis);

  /// Nodes on the plane normal to `axis` at `position`: (point, rise [K]),
  /// gathered on rank 0 only (empty elsewhere).
  std::vector<std::pair<dealii::Point<3>, double>> nodal_plane(const HeatProblem &problem,
                                                               unsigned int axis, double position);

  /// Rise [K] at the points of the tensor grid xi_m x across_m, where a
  /// point is (xi, 0, across) (`across_axis` 2) or (xi, across, z_fixed)
  /// (`across_axis` 1); on every rank, point (j, k) at j * xi_m.size() + k.
  /// The half-brick cells are axis-parallel bricks, so a point's reference
  /// coordinates follow from the cell's corners without a mapping search.
  /// Throws std::runtime_error if a point lies outside the domain.
  std::vector<double> rise_on_grid(const HeatProblem &problem, const std::vector<double> &xi_m,
                                   const std::vector<double> &across_m, unsigned int across_axis,
                                   double fixed_coordinate_m);

  /// The xi of the node plane nearest to `xi_m` (the same on every rank).
  double nearest_node_plane(const HeatProblem &problem, double xi_m);
} // namespace ebweld
