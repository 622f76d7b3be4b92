#pragma once
// Minimum of a function known on a grid: bracket it at the best grid point
// and refine with Brent's method (Boost.Math), for the least heat input
// over R / z_m (issue 3).

#include <functional>
#include <vector>

namespace ebweld
{
  struct GridMinimum
  {
    double argument = 0.;
    double value    = 0.;
    /// true if the minimum lies inside the grid (bracketed) and was refined
    bool refined = false;
    /// function evaluations Brent used
    unsigned int evaluations = 0;
  };

  /// `grid` ascending with `values` at its points (non-finite values mark
  /// points where f is undefined). If the smallest finite value is at an
  /// interior point with finite neighbours and `refine` is set, Brent's
  /// method refines it in the bracket [x_{i-1}, x_{i+1}] to a relative
  /// tolerance of about 2^-bits.
  GridMinimum minimise_on_grid(const std::function<double(double)> &f,
                               const std::vector<double> &grid, const std::vector<double> &values,
                               bool refine = true, int bits = 20);
} // namespace ebweld
