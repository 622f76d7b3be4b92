#pragma once
// The state of the interface filler along the material streamlines of a
// solved field: for each point across the interface, the thermal history
// T(t) = T(xi0 - U t) sampled at the mesh's node planes in xi, and every
// submodel's state integrated over it. Values between the streamlines are
// bilinear in (xi, across), which gives the state fields of the filler
// cells.

#include "materials/nano/interface_submodel.h"
#include "solver/fe/heat_problem.h"
#include "solver/filler/interface_filler.h"

namespace ebweld
{
  struct InterfaceState
  {
    /// node-plane positions along xi, ascending [m]
    std::vector<double> xi_m;
    /// streamline positions across the interface, ascending [m]
    std::vector<double> across_m;
    /// time since the material entered the domain at each xi [s]
    std::vector<double> time_s;
    /// T [K] of each streamline (point) at each xi
    std::vector<std::vector<double>> temperature_K;
    /// state column names of all submodels, in order
    std::vector<std::string> names;
    /// values[column][point][xi index]
    std::vector<std::vector<std::vector<double>>> values;
    std::vector<double>                           peak_temperature_K, time_above_threshold_s;

    /// Column `name` at (xi, across), bilinear between the streamlines.
    double      at(std::size_t column, double xi_m, double across_m) const;
    std::size_t column(const std::string &name) const;
    /// The state where the material leaves the domain (last xi in time),
    /// per point, for column `name`.
    std::vector<double> final_values(std::size_t column) const;
  };

  /// Samples the streamlines at `across_m` (collective) and integrates the
  /// submodels along them.
  InterfaceState compute_interface_state(const HeatProblem &problem, const FillerSettings &filler,
                                         const SubmodelList        &models,
                                         const std::vector<double> &across_m,
                                         double initial_temperature_K, double speed_m_per_s);

  /// Bilinear interpolation in a table values[point][xi index] on the
  /// grid (across, xi), clamped at the edges.
  double interpolate_on_streamlines(const std::vector<std::vector<double>> &values,
                                    const std::vector<double>              &across_m,
                                    const std::vector<double> &xi_m, double xi, double across);
} // namespace ebweld
