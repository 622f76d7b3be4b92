#include "solver/post/melt_pool.h"

#include <deal.II/base/mpi.h>
#include <deal.II/fe/fe.h>

#include <algorithm>
#include <limits>

namespace ebweld
{
  using namespace dealii;

  namespace
  {
    /// Field values at points given in reference coordinates of one cell.
    class ReferenceEvaluator
    {
    public:
      ReferenceEvaluator(const FiniteElement<3> &fe, const std::vector<Point<3>> &points)
          : shape_(points.size(), std::vector<double>(fe.n_dofs_per_cell()))
      {
        for (std::size_t p = 0; p < points.size(); ++p)
          for (unsigned int i = 0; i < fe.n_dofs_per_cell(); ++i)
            shape_[p][i] = fe.shape_value(i, points[p]);
      }

      void evaluate(const Vector<double> &dof_values, std::vector<double> &values) const
      {
        values.resize(shape_.size());
        for (std::size_t p = 0; p < shape_.size(); ++p)
          {
            double v = 0.;
            for (unsigned int i = 0; i < dof_values.size(); ++i)
              v += shape_[p][i] * dof_values[i];
            values[p] = v;
          }
      }

    private:
      std::vector<std::vector<double>> shape_;
    };

    /// Where a line of samples (reference positions t_k) leaves the melt
    /// region going to larger t: the largest such crossing, or -1 if none.
    /// Positions are linear interpolations between the last melted sample
    /// and the next one.
    double last_crossing(const std::vector<double> &values, const std::vector<double> &t,
                         const double melt)
    {
      double result = -1.;
      for (std::size_t k = 0; k < values.size(); ++k)
        if (values[k] >= melt)
          {
            if (k + 1 == values.size())
              result = t[k];
            else if (values[k + 1] < melt)
              result = t[k] + (values[k] - melt) / (values[k] - values[k + 1]) * (t[k + 1] - t[k]);
          }
      return result;
    }
  } // namespace

  MeltPool measure_melt_pool(const HeatProblem &problem, const double melt_rise_K,
                             const unsigned int samples)
  {
    const ElementPieces &pieces = problem.pieces();
    const auto          &fe     = pieces.piece_element();
    std::vector<double>  t(samples);
    for (unsigned int k = 0; k < samples; ++k)
      t[k] = double(k) / (samples - 1);
    std::vector<Point<3>> lattice;
    for (unsigned int k = 0; k < samples; ++k)
      for (unsigned int j = 0; j < samples; ++j)
        for (unsigned int i = 0; i < samples; ++i)
          lattice.emplace_back(t[i], t[j], t[k]);
    const auto index = [samples](unsigned int i, unsigned int j, unsigned int k) {
      return i + samples * (j + samples * k);
    };
    const ReferenceEvaluator evaluator(fe, lattice);
    // Q2 can exceed its nodal values between nodes: look at cells close to
    // melting as well.
    const double candidate = fe.degree > 1 ? 0.9 * melt_rise_K : melt_rise_K;

    const double        lowest = std::numeric_limits<double>::lowest();
    double              depth = lowest, width = lowest, front = lowest;
    double              rear      = std::numeric_limits<double>::max();
    double              widest_xi = 0.;
    Vector<double>      cell_values(problem.dof_handler().get_fe().n_dofs_per_cell()), dof_values;
    std::vector<double> values, line(samples);

    for (const auto &cell : problem.dof_handler().active_cell_iterators())
      {
        if (!cell->is_locally_owned())
          continue;
        cell->get_dof_values(problem.rise(), cell_values);
        if (*std::max_element(cell_values.begin(), cell_values.end()) < candidate)
          continue;
        const Box cell_extent = cell_box(cell);
        for (unsigned int piece = 0; piece < pieces.size(); ++piece)
          {
            pieces.gather(cell_values, piece, dof_values);
            if (*std::max_element(dof_values.begin(), dof_values.end()) < candidate)
              continue;
            evaluator.evaluate(dof_values, values);
            const Box box = pieces.box(cell_extent, piece);
            for (unsigned int a = 0; a < samples; ++a)
              for (unsigned int b = 0; b < samples; ++b)
                {
                  // z-line at (x = a, y = b): deepest crossing
                  for (unsigned int k = 0; k < samples; ++k)
                    line[k] = values[index(a, b, k)];
                  if (const double s = last_crossing(line, t, melt_rise_K); s >= 0.)
                    depth = std::max(depth, box.coordinate(2, s));
                  // y-line at (x = a, z = b): widest crossing
                  for (unsigned int k = 0; k < samples; ++k)
                    line[k] = values[index(a, k, b)];
                  if (const double s = last_crossing(line, t, melt_rise_K); s >= 0.)
                    if (box.coordinate(1, s) > width)
                      {
                        width     = box.coordinate(1, s);
                        widest_xi = box.coordinate(0, t[a]);
                      }
                  // x-line at (y = a, z = b): front (largest xi) and rear
                  for (unsigned int k = 0; k < samples; ++k)
                    line[k] = values[index(k, a, b)];
                  if (const double s = last_crossing(line, t, melt_rise_K); s >= 0.)
                    front = std::max(front, box.coordinate(0, s));
                  // rear: the same search on the reversed line
                  std::reverse(line.begin(), line.end());
                  if (const double s = last_crossing(line, t, melt_rise_K); s >= 0.)
                    rear = std::min(rear, box.coordinate(0, 1. - s));
                }
          }
      }

    const MPI_Comm comm = problem.communicator();
    MeltPool       pool;
    const double   global_width = Utilities::MPI::max(width, comm);
    pool.melted                 = global_width > lowest / 2;
    if (!pool.melted)
      return pool;
    pool.depth_m      = Utilities::MPI::max(depth, comm);
    pool.half_width_m = global_width;
    pool.front_xi_m   = Utilities::MPI::max(front, comm);
    pool.rear_xi_m    = Utilities::MPI::min(rear, comm);
    pool.length_m     = pool.front_xi_m - pool.rear_xi_m;
    // the widest section: the rank(s) holding the maximum agree on the
    // smallest xi among them
    pool.widest_xi_m = Utilities::MPI::min(
        width == global_width ? widest_xi : std::numeric_limits<double>::max(), comm);
    return pool;
  }

  DepthResponse depth_response(const HeatProblem &problem, const double depth_m)
  {
    const ElementPieces &pieces = problem.pieces();
    const auto          &fe     = pieces.piece_element();
    const unsigned       n      = fe.degree + 1; // nodes per direction: exact plane max for Q1
    Vector<double>       cell_values(problem.dof_handler().get_fe().n_dofs_per_cell()), dof_values;
    std::vector<double>  values;
    double               at_depth = 0., below = 0., depth_of_below = depth_m;

    // Support points of the reference cell, to find the depth of each value.
    const auto &unit_points = fe.get_unit_support_points();
    for (const auto &cell : problem.dof_handler().active_cell_iterators())
      {
        if (!cell->is_locally_owned())
          continue;
        const Box cell_extent = cell_box(cell);
        if (cell_extent.high[2] < depth_m)
          continue;
        cell->get_dof_values(problem.rise(), cell_values);
        for (unsigned int s = 0; s < pieces.size(); ++s)
          {
            const Box box = pieces.box(cell_extent, s);
            if (box.high[2] < depth_m)
              continue;
            pieces.gather(cell_values, s, dof_values);
            for (unsigned int i = 0; i < dof_values.size(); ++i)
              {
                const double z = box.coordinate(2, unit_points[i][2]);
                if (z >= depth_m && dof_values[i] > below)
                  {
                    below          = dof_values[i];
                    depth_of_below = z;
                  }
              }
            if (box.low[2] > depth_m)
              continue;
            // The piece straddles the plane: evaluate on it.
            const double          zeta = (depth_m - box.low[2]) / (box.high[2] - box.low[2]);
            std::vector<Point<3>> plane;
            for (unsigned int j = 0; j < n; ++j)
              for (unsigned int i = 0; i < n; ++i)
                plane.emplace_back(double(i) / (n - 1), double(j) / (n - 1), zeta);
            ReferenceEvaluator(fe, plane).evaluate(dof_values, values);
            at_depth = std::max(at_depth, *std::max_element(values.begin(), values.end()));
          }
      }

    const MPI_Comm comm = problem.communicator();
    DepthResponse  r;
    r.rise_at_depth_K      = Utilities::MPI::max(at_depth, comm);
    below                  = std::max(below, at_depth);
    r.max_rise_below_K     = Utilities::MPI::max(below, comm);
    r.depth_of_max_below_m = Utilities::MPI::min(
        below == r.max_rise_below_K ? (below == at_depth ? depth_m : depth_of_below)
                                    : std::numeric_limits<double>::max(),
        comm);
    return r;
  }

  std::string no_current_reason(const DepthResponse &response)
  {
    if (response.max_rise_below_K <= 0.)
      return "no temperature rise at the target depth";
    if (!response.attainable())
      return "unattainable: the temperature rise peaks at depth " +
             std::to_string(response.depth_of_max_below_m * 1e6) +
             " um, below the target, so the first melt appears deeper than the target with "
             "this source and voltage";
    return "";
  }
} // namespace ebweld
