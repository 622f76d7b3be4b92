#include "meshes/graded_spacing.h"

#include <algorithm>

namespace ebweld
{
  std::optional<std::vector<double>> graded_steps(const double length, const double fine_length,
                                                  const double h, const double ratio,
                                                  const double near_length, const double far_ratio,
                                                  const std::size_t max_steps)
  {
    std::vector<double> steps;
    double              covered = 0.;
    while (length - covered > 1e-9 * length)
      {
        double step = (covered < fine_length || steps.empty())
                          ? h
                          : steps.back() * (covered < near_length ? ratio : far_ratio);
        step        = std::min(step, length - covered);
        if (!steps.empty() && step < 0.5 * steps.back())
          {
            steps.back() += step;
            break;
          }
        if (steps.size() == max_steps)
          return std::nullopt;
        steps.push_back(step);
        covered += step;
      }
    return steps;
  }
} // namespace ebweld
