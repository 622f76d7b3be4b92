#include "solver/local_grid.h"

#include <deal.II/base/mpi.h>

namespace ebweld
{
  using namespace dealii;

  LocalGrid build_local_grid(const HeatProblem &problem, const FieldOutputData &data)
  {
    // deal.II's lexicographic hexahedron vertices in VTK's order
    static constexpr unsigned int to_vtk[8] = {0, 1, 3, 2, 4, 5, 7, 6};
    const auto &dofs = problem.dof_handler();
    // point number of each vertex of this rank's mesh (-1: not yet a point)
    std::vector<long long> point_of_vertex(dofs.get_triangulation().n_vertices(), -1);
    std::vector<Point<3>>  positions;
    std::vector<double>    temperature, melted;
    LocalGrid              grid;
    grid.cell_fields.emplace_back("mpi_rank", std::vector<double>());
    for (const auto &field : data.cell_fields)
      grid.cell_fields.emplace_back(field.first, std::vector<double>());
    // reserved up front: growing these vectors cell by cell touched about
    // twice their final memory, and fresh pages are costly on this machine.
    // The rank's active cells (owned, ghost, artificial) bound the owned
    // ones; capacity that is never written costs no pages.
    const auto &tria             = dofs.get_triangulation();
    const auto  n_cells          = tria.n_active_cells();
    const auto  n_points_at_most = std::min<std::size_t>(tria.n_vertices(), 8 * n_cells);
    positions.reserve(n_points_at_most);
    temperature.reserve(n_points_at_most);
    melted.reserve(n_points_at_most);
    grid.connectivity.reserve(8 * n_cells);
    for (auto &field : grid.cell_fields)
      field.second.reserve(n_cells);
    const double   rank = Utilities::MPI::this_mpi_process(problem.communicator());
    Vector<double> rise(dofs.get_fe().n_dofs_per_cell());
    for (const auto &cell : dofs.active_cell_iterators())
      {
        if (!cell->is_locally_owned())
          continue;
        cell->get_dof_values(problem.rise(), rise); // Q1 and Q2: vertex DoFs come first
        for (const unsigned int v : to_vtk)
          {
            long long &point = point_of_vertex[cell->vertex_index(v)];
            if (point < 0)
              {
                point = positions.size();
                positions.push_back(cell->vertex(v));
                const double T = data.initial_temperature_K + rise[v];
                temperature.push_back(T);
                melted.push_back(T >= data.melting_temperature_K ? 1. : 0.);
              }
            grid.connectivity.push_back(point);
          }
        grid.cell_fields[0].second.push_back(rank);
        for (std::size_t f = 0; f < data.cell_fields.size(); ++f)
          grid.cell_fields[f + 1].second.push_back(data.cell_fields[f].second[cell->active_cell_index()]);
      }
    grid.points_m.reserve(3 * positions.size());
    for (const auto &p : positions)
      grid.points_m.insert(grid.points_m.end(), {p[0], p[1], p[2]});
    std::vector<double> density(positions.size(), 0.);
    for (const HeatSource *source : data.sources)
      source->add_volumetric_density(positions, density);
    grid.point_fields = {{"temperature_K", std::move(temperature)},
                         {"source_density_W_per_m3", std::move(density)},
                         {"melted", std::move(melted)}};
    return grid;
  }
} // namespace ebweld
