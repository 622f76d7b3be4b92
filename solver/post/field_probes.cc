#include "solver/post/field_probes.h"

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
    const double                           tolerance = 1e-9 * problem.triangulation_diameter_m();
    std::vector<std::pair<double, double>> local;
    const auto                            &points = problem.owned_support_points();
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
    const double                             tolerance = 1e-9 * problem.triangulation_diameter_m();
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
    return Utilities::MPI::min(
        std::abs(nearest - xi_m) == distance ? nearest : std::numeric_limits<double>::max(), comm);
  }

  std::vector<double> rise_on_plane(const HeatProblem &problem, const PlaneGrid &grid)
  {
    const double         tolerance = 1e-9 * problem.triangulation_diameter_m();
    const unsigned int   a = grid.first_axis, b = grid.second_axis, fixed_axis = grid.fixed_axis();
    const double         fixed_m = grid.fixed_m;
    const ElementPieces &pieces  = problem.pieces();
    const auto          &fe      = pieces.piece_element();
    const std::size_t    n_first = grid.first_m.size();
    std::vector<double>  sum(grid.size(), 0.), count(sum.size(), 0.);
    Vector<double>       cell_values(problem.dof_handler().get_fe().n_dofs_per_cell()), values;
    // indices of the sorted `coordinates` within [lo, hi] (with tolerance)
    const auto within = [tolerance](const std::vector<double> &coordinates, const double lo,
                                    const double hi) {
      return std::make_pair(
          std::lower_bound(coordinates.begin(), coordinates.end(), lo - tolerance) -
              coordinates.begin(),
          std::upper_bound(coordinates.begin(), coordinates.end(), hi + tolerance) -
              coordinates.begin());
    };
    const auto outside = [&](const Box &box) {
      return fixed_m < box.low[fixed_axis] - tolerance ||
             fixed_m > box.high[fixed_axis] + tolerance;
    };
    const auto reference_coordinate = [](const double x, const double lo, const double hi) {
      return std::clamp((x - lo) / (hi - lo), 0., 1.);
    };
    for (const auto &cell : problem.dof_handler().active_cell_iterators())
      {
        if (!cell->is_locally_owned())
          continue;
        const Box cell_extent = cell_box(cell);
        if (outside(cell_extent))
          continue;
        cell->get_dof_values(problem.rise(), cell_values);
        for (unsigned int s = 0; s < pieces.size(); ++s)
          {
            const Box box = pieces.box(cell_extent, s);
            if (outside(box))
              continue;
            const Point<3> lo = box.low, hi = box.high;
            const auto [k0, k1] = within(grid.first_m, lo[a], hi[a]);
            const auto [j0, j1] = within(grid.second_m, lo[b], hi[b]);
            if (k0 == k1 || j0 == j1)
              continue;
            pieces.gather(cell_values, s, values);
            Point<3> reference;
            reference[fixed_axis] = reference_coordinate(fixed_m, lo[fixed_axis], hi[fixed_axis]);
            for (auto j = j0; j < j1; ++j)
              for (auto k = k0; k < k1; ++k)
                {
                  reference[a] = reference_coordinate(grid.first_m[k], lo[a], hi[a]);
                  reference[b] = reference_coordinate(grid.second_m[j], lo[b], hi[b]);
                  double value = 0.;
                  for (unsigned int i = 0; i < fe.n_dofs_per_cell(); ++i)
                    value += values[i] * fe.shape_value(i, reference);
                  sum[j * n_first + k] += value;
                  count[j * n_first + k] += 1.;
                }
          }
      }
    Utilities::MPI::sum(sum, problem.communicator(), sum);
    Utilities::MPI::sum(count, problem.communicator(), count);
    for (std::size_t i = 0; i < sum.size(); ++i)
      {
        if (count[i] == 0.)
          throw std::runtime_error("rise_on_plane: point outside the domain");
        sum[i] /= count[i];
      }
    return sum;
  }
} // namespace ebweld
