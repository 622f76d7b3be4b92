#include "solver/studies/grid_minimiser.h"

#include <boost/math/tools/minima.hpp>

#include <cmath>
#include <cstdint>
#include <limits>

namespace ebweld
{
  GridMinimum minimise_on_grid(const std::function<double(double)> &f,
                               const std::vector<double> &grid, const std::vector<double> &values,
                               const bool refine, const int bits)
  {
    GridMinimum best;
    std::size_t at = values.size();
    best.value     = std::numeric_limits<double>::infinity();
    for (std::size_t i = 0; i < values.size(); ++i)
      if (std::isfinite(values[i]) && values[i] < best.value)
        {
          best.value = values[i];
          at         = i;
        }
    if (at == values.size())
      {
        best.value = std::numeric_limits<double>::quiet_NaN();
        return best;
      }
    best.argument = grid[at];
    if (!refine || at == 0 || at + 1 == values.size() || !std::isfinite(values[at - 1]) ||
        !std::isfinite(values[at + 1]))
      return best;
    std::uintmax_t evaluations = 50;
    const auto     refined     = boost::math::tools::brent_find_minima(
        [&](double x) {
          const double v = f(x);
          return std::isfinite(v) ? v : std::numeric_limits<double>::max();
        },
        grid[at - 1], grid[at + 1], bits, evaluations);
    best.evaluations = static_cast<unsigned int>(evaluations);
    if (refined.second <= best.value)
      {
        best.argument = refined.first;
        best.value    = refined.second;
      }
    best.refined = true;
    return best;
  }
} // namespace ebweld
