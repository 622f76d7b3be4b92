#include "solver/post/local_grid.h"

#include <deal.II/base/mpi.h>

namespace ebweld
{
  using namespace dealii;

  LocalGrid build_local_grid(const HeatProblem &problem, const FieldOutputData &data)
  {
    // deal.II's lexicographic hexahedron vertices in VTK's order
    static constexpr unsigned int to_vtk[8] = {0, 1, 3, 2, 4, 5, 7, 6};
    const auto                   &dofs      = problem.dof_handler();
    const ElementPieces          &pieces    = problem.pieces();
    const IndexSet               &relevant  = problem.locally_relevant_dofs();
    // point number of each locally relevant DoF (-1: not yet a point); a
    // piece's vertices are DoFs, its first 8 (FE_Q numbers vertices first)
    std::vector<long long> point_of_dof(relevant.n_elements(), -1);
    std::vector<Point<3>>  positions;
    std::vector<double>    temperature, melted;
    LocalGrid              grid;
    grid.cell_fields.emplace_back("mpi_rank", std::vector<double>());
    for (const auto &field : data.cell_fields)
      grid.cell_fields.emplace_back(field.first, std::vector<double>());
    // reserved up front: growing these vectors cell by cell touched about
    // twice their final memory, and fresh pages are costly on this machine.
    // The relevant DoFs bound the points and the rank's active cells
    // (owned, ghost, artificial) the owned ones; capacity that is never
    // written costs no pages.
    const std::size_t n_cells =
        std::size_t(dofs.get_triangulation().n_active_cells()) * pieces.size();
    positions.reserve(relevant.n_elements());
    temperature.reserve(relevant.n_elements());
    melted.reserve(relevant.n_elements());
    grid.connectivity.reserve(8 * n_cells);
    for (auto &field : grid.cell_fields)
      field.second.reserve(n_cells);
    const double rank = Utilities::MPI::this_mpi_process(problem.communicator());
    std::vector<types::global_dof_index> cell_dofs(dofs.get_fe().n_dofs_per_cell());
    for (const auto &cell : dofs.active_cell_iterators())
      {
        if (!cell->is_locally_owned())
          continue;
        cell->get_dof_indices(cell_dofs);
        const Box box = cell_box(cell);
        for (unsigned int s = 0; s < pieces.size(); ++s)
          {
            const Box   piece = pieces.box(box, s);
            const auto &local = pieces.local_dofs(s);
            for (const unsigned int v : to_vtk)
              {
                const types::global_dof_index dof   = cell_dofs[local[v]];
                long long                    &point = point_of_dof[relevant.index_within_set(dof)];
                if (point < 0)
                  {
                    point = positions.size();
                    positions.push_back(piece.map(GeometryInfo<3>::unit_cell_vertex(v)));
                    const double T = data.initial_temperature_K + problem.rise()[dof];
                    temperature.push_back(T);
                    melted.push_back(T >= data.melting_temperature_K ? 1. : 0.);
                  }
                grid.connectivity.push_back(point);
              }
            grid.cell_fields[0].second.push_back(rank);
            for (std::size_t f = 0; f < data.cell_fields.size(); ++f)
              grid.cell_fields[f + 1].second.push_back(data.cell_fields[f].second(piece));
          }
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
