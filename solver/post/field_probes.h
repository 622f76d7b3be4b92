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

  /// A tensor grid of points in a plane normal to a coordinate axis: the
  /// plane's two in-plane axes with their sorted coordinates, and the
  /// coordinate of the plane on the third axis.
  struct PlaneGrid
  {
    unsigned int        first_axis = 0;
    std::vector<double> first_m;
    unsigned int        second_axis = 1;
    std::vector<double> second_m;
    double              fixed_m = 0.;

    unsigned int fixed_axis() const { return 3 - first_axis - second_axis; }
    std::size_t  size() const { return first_m.size() * second_m.size(); }
  };

  /// Rise [K] at the points of `grid`, on every rank; point (j, k), at
  /// first_m[k] and second_m[j], is element j * first_m.size() + k. The
  /// half-brick cells are axis-parallel bricks, so a point's reference
  /// coordinates follow from the cell's corners without a mapping search.
  /// Throws std::runtime_error if a point lies outside the domain.
  std::vector<double> rise_on_plane(const HeatProblem &problem, const PlaneGrid &grid);

  /// The xi of the node plane nearest to `xi_m` (the same on every rank).
  double nearest_node_plane(const HeatProblem &problem, double xi_m);
} // namespace ebweld
