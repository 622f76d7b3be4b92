#pragma once
// One-dimensional cell sizes for a mesh graded away from the beam.

#include <cstddef>
#include <optional>
#include <vector>

namespace ebweld
{
  /// Cell sizes covering [0, length]: size h up to fine_length, then each
  /// cell `ratio` times the previous one, and `far_ratio` times beyond
  /// near_length; the last cell is trimmed (or merged into its neighbour if
  /// it would be tiny) so that the sizes sum to length. Nothing (after at
  /// most max_steps cells) when that takes more than max_steps cells.
  std::optional<std::vector<double>> graded_steps(double length, double fine_length, double h,
                                                  double ratio, double near_length,
                                                  double far_ratio, std::size_t max_steps);
} // namespace ebweld
