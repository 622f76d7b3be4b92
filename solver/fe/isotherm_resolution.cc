#include "solver/fe/isotherm_resolution.h"

#include <deal.II/base/mpi.h>

#include <algorithm>

namespace ebweld
{
  using namespace dealii;

  double isotherm_cell_spread_K(const HeatProblem &problem, const double rise_K)
  {
    const ElementPieces &pieces = problem.pieces();
    Vector<double> cell_values(problem.dof_handler().get_fe().n_dofs_per_cell()), piece_values;
    double         spread_sum = 0.;
    std::uint64_t  crossed    = 0;
    for (const auto &cell : problem.dof_handler().active_cell_iterators())
      {
        if (!cell->is_locally_owned())
          continue;
        cell->get_dof_values(problem.rise(), cell_values);
        if (*std::max_element(cell_values.begin(), cell_values.end()) < rise_K)
          continue;
        for (unsigned int s = 0; s < pieces.size(); ++s)
          {
            pieces.gather(cell_values, s, piece_values);
            const auto [low, high] = std::minmax_element(piece_values.begin(), piece_values.end());
            if (*low < rise_K && *high >= rise_K)
              {
                spread_sum += *high - *low;
                ++crossed;
              }
          }
      }
    const MPI_Comm comm = problem.communicator();
    crossed             = Utilities::MPI::sum(crossed, comm);
    return crossed == 0 ? 0. : Utilities::MPI::sum(spread_sum, comm) / crossed;
  }
} // namespace ebweld
