#pragma once
// Nodal values of the temperature rise along mesh lines, gathered from all
// ranks. The half-brick mesh has node lines on the surface centreline
// (y = z = 0), under the beam (xi = y = 0) and on every node plane.

#include "solver/heat_problem.h"

#include <vector>

namespace ebweld
{
  /// (position along `axis`, rise [K]) of the nodes whose other two
  /// coordinates equal those of `through`; sorted by position, on every rank.
  std::vector<std::pair<double, double>>
  nodal_line(const HeatProblem &problem, unsigned int axis, const dealii::Point<3> &through);

  /// Largest rise on each node plane normal to `axis`: (position, max
  /// rise [K]), sorted by position, on every rank. For Q1 the largest value
  /// of the field on a node plane is a nodal value.
  std::vector<std::pair<double, double>> max_rise_per_node_plane(const HeatProblem &problem,
                                                                 unsigned int       axis);

  /// Nodes on the plane normal to `axis` at `position`: (point, rise [K]),
  /// gathered on rank 0 only (empty elsewhere).
  std::vector<std::pair<dealii::Point<3>, double>>
  nodal_plane(const HeatProblem &problem, unsigned int axis, double position);

  /// The xi of the node plane nearest to `xi_m` (the same on every rank).
  double nearest_node_plane(const HeatProblem &problem, double xi_m);
} // namespace ebweld
