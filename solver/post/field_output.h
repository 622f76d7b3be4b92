#pragma once
// Field output for ParaView: one .vtu piece per rank, a .pvtu record and a
// .pvd index, each written atomically (pieces first, the record last).

#include "solver/case/case_setup.h"
#include "solver/fe/heat_problem.h"

#include <functional>
#include <string>

namespace ebweld
{
  struct FieldOutputData
  {
    /// ambient / initial temperature T0 [K]
    double initial_temperature_K = 300.;
    double melting_temperature_K = 0.;
    std::vector<const HeatSource *> sources;
    /// further cell data: name and value on a cell or piece of one
    std::vector<std::pair<std::string, std::function<double(const Box &)>>> cell_fields;
  };

  /// T0, T_m and the sources of `setup`.
  FieldOutputData field_output_data(const CaseSetup &setup);

  /// Writes temperature [K], source density [W/m^3], melted indicator and
  /// MPI rank into <directory>/<basename>.pvtu (+ pieces, + .pvd). Returns
  /// the .pvd path.
  std::string write_fields(const HeatProblem     &problem,
                           const FieldOutputData &data,
                           const std::string     &directory,
                           const std::string     &basename);

  /// Writes CSV line profiles (from nodal values) on rank 0:
  ///  profile_centreline.csv  T(xi) on the surface centreline y = z = 0
  ///  profile_depth.csv       T(z) under the beam, xi = y = 0
  ///  profile_width.csv       T(y) on the surface at the node plane nearest
  ///                          to xi = `section_xi_m` (the widest melt section)
  void write_line_profiles(const HeatProblem &problem,
                           double             initial_temperature_K,
                           double             section_xi_m,
                           const std::string &directory);
} // namespace ebweld
