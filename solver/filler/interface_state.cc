#include "solver/filler/interface_state.h"

#include "solver/post/field_probes.h"

#include <algorithm>

namespace ebweld
{
  using namespace dealii;

  namespace
  {
    /// Index i and weight w with x = (1 - w) grid[i] + w grid[i + 1], clamped.
    std::pair<std::size_t, double> bracket(const std::vector<double> &grid, const double x)
    {
      if (grid.size() < 2 || x <= grid.front())
        return {0, 0.};
      if (x >= grid.back())
        return {grid.size() - 2, 1.};
      const std::size_t i = std::upper_bound(grid.begin(), grid.end(), x) - grid.begin() - 1;
      return {i, (x - grid[i]) / (grid[i + 1] - grid[i])};
    }
  } // namespace

  double interpolate_on_streamlines(const std::vector<std::vector<double>> &values,
                                    const std::vector<double>              &across_m,
                                    const std::vector<double> &xi_m, const double xi,
                                    const double across)
  {
    const auto [j, wj] = bracket(across_m, across);
    const auto [k, wk] = bracket(xi_m, xi);
    const auto along   = [&](const std::vector<double> &v) {
      return v.size() < 2 ? v.front() : (1. - wk) * v[k] + wk * v[k + 1];
    };
    if (values.size() < 2)
      return along(values.front());
    return (1. - wj) * along(values[j]) + wj * along(values[j + 1]);
  }

  double InterfaceState::at(const std::size_t c, const double xi, const double across) const
  {
    return interpolate_on_streamlines(values[c], across_m, xi_m, xi, across);
  }

  std::size_t InterfaceState::column(const std::string &name) const
  {
    return std::find(names.begin(), names.end(), name) - names.begin();
  }

  std::vector<double> InterfaceState::final_values(const std::size_t c) const
  {
    std::vector<double> result;
    for (const auto &point : values[c])
      result.push_back(point.front()); // smallest xi: the material leaves last
    return result;
  }

  InterfaceState compute_interface_state(const HeatProblem &problem, const FillerSettings &filler,
                                         const SubmodelList        &models,
                                         const std::vector<double> &across_m,
                                         const double               initial_temperature_K,
                                         const double               speed_m_per_s)
  {
    InterfaceState state;
    state.across_m = across_m;
    for (const auto &plane : max_rise_per_node_plane(problem, 0))
      state.xi_m.push_back(plane.first);
    const std::size_t n_xi = state.xi_m.size();
    for (const double xi : state.xi_m)
      state.time_s.push_back((state.xi_m.back() - xi) / speed_m_per_s);

    // every rank gets every point, so that every rank has every history
    const auto rise =
        rise_on_plane(problem, {0, state.xi_m, filler.across_axis(), across_m,
                                filler.joint == JointType::butt ? 0. : filler.lap_depth_m});

    for (const auto &model : models)
      for (const auto &name : model->state_names())
        state.names.push_back(name);
    state.values.assign(state.names.size(), std::vector<std::vector<double>>(
                                                across_m.size(), std::vector<double>(n_xi)));
    for (std::size_t j = 0; j < across_m.size(); ++j)
      {
        // in time order: from the inflow (largest xi) to the outflow
        std::vector<double> T(n_xi), t(n_xi);
        for (std::size_t k = 0; k < n_xi; ++k)
          {
            T[k] = initial_temperature_K + rise[j * n_xi + n_xi - 1 - k];
            t[k] = state.time_s[n_xi - 1 - k];
          }
        const ThermalHistory history(t, T, "streamline");
        state.temperature_K.emplace_back(T.rbegin(), T.rend());
        state.peak_temperature_K.push_back(history.peak_K());
        state.time_above_threshold_s.push_back(
            history.time_above_s(filler.threshold_temperature_K));
        std::size_t column = 0;
        for (const auto &model : models)
          {
            const SubmodelResult result = model->evolve(history, t);
            for (std::size_t c = 0; c < result.states.front().size(); ++c, ++column)
              for (std::size_t k = 0; k < n_xi; ++k)
                state.values[column][j][n_xi - 1 - k] = result.states[k][c];
          }
      }
    return state;
  }
} // namespace ebweld
