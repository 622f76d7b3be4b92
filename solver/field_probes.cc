#include "solver/field_probes.h"

#include <deal.II/base/mpi.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

namespace ebweld
{
  using namespace dealii;

  std::vector<std::pair<double, double>>
  nodal_line(const HeatProblem &problem, const unsigned int axis, const Point<3> &through)
  {
    // coordinates are compared with a tolerance relative to the domain size
    const double tolerance = 1e-9 * problem.triangulation_diameter_m();
    std::vector<std::pair<double, double>> local;
    const auto &points = problem.owned_support_points();
    for (std::size_t i = 0; i < points.size(); ++i)
      {
        const auto &p       = points[i];
        bool        on_line = true;
        for (unsigned int d = 0; d < 3; ++d)
          if (d != axis && std::abs(p[d] - through[d]) > tolerance)
            on_line = false;
        if (on_line)
          local.emplace_back(p[axis], problem.owned_rise()[i]);
      }
    std::vector<std::pair<double, double>> all;
    for (const auto &part : Utilities::MPI::all_gather(problem.communicator(), local))
      all.insert(all.end(), part.begin(), part.end());
    std::sort(all.begin(), all.end());
    return all;
  }

  std::vector<std::pair<double, double>> max_rise_per_node_plane(const HeatProblem &problem,
                                                                 const unsigned int axis)
  {
    // node planes of the tensor-product mesh, identified by coordinate
    std::map<double, double> local;
    const auto              &points = problem.owned_support_points();
    for (std::size_t i = 0; i < points.size(); ++i)
      {
        auto [it, inserted] = local.emplace(points[i][axis], problem.owned_rise()[i]);
        if (!inserted)
          it->second = std::max(it->second, problem.owned_rise()[i]);
      }
    std::map<double, double> merged;
    for (const auto &part : Utilities::MPI::all_gather(problem.communicator(), local))
      for (const auto &[position, rise] : part)
        {
          auto [it, inserted] = merged.emplace(position, rise);
          if (!inserted)
            it->second = std::max(it->second, rise);
        }
    return {merged.begin(), merged.end()};
  }

  std::vector<std::pair<Point<3>, double>>
  nodal_plane(const HeatProblem &problem, const unsigned int axis, const double position)
  {
    const double tolerance = 1e-9 * problem.triangulation_diameter_m();
    std::vector<std::pair<Point<3>, double>> local;
    const auto                              &points = problem.owned_support_points();
    for (std::size_t i = 0; i < points.size(); ++i)
      if (std::abs(points[i][axis] - position) <= tolerance)
        local.emplace_back(points[i], problem.owned_rise()[i]);
    std::vector<std::pair<Point<3>, double>> all;
    for (const auto &part : Utilities::MPI::gather(problem.communicator(), local, 0))
      all.insert(all.end(), part.begin(), part.end());
    return all;
  }

  double nearest_node_plane(const HeatProblem &problem, const double xi_m)
  {
    double nearest = std::numeric_limits<double>::max();
    for (const auto &p : problem.owned_support_points())
      if (std::abs(p[0] - xi_m) < std::abs(nearest - xi_m))
        nearest = p[0];
    const MPI_Comm comm     = problem.communicator();
    const double   distance = Utilities::MPI::min(std::abs(nearest - xi_m), comm);
    return Utilities::MPI::min(std::abs(nearest - xi_m) == distance
                                 ? nearest
                                 : std::numeric_limits<double>::max(),
                               comm);
  }
} // namespace ebweld
