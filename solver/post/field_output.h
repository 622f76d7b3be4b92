#pragma once
// Field output for ParaView: one .vtu piece per rank, a .pvtu record and a
// .pvd index, each written atomically (pieces first, the record last).

#include "solver/fe/heat_problem.h"
#include "solver/post/field_output_data.h"

#include <string>

namespace ebweld
{
  /// Writes temperature [K], source density [W/m^3], melted indicator and
  /// MPI rank into <directory>/<basename>.pvtu (+ pieces, + .pvd). Returns
  /// the .pvd path.
  std::string write_fields(const HeatProblem &problem, const FieldOutputData &data,
                           const std::string &directory, const std::string &basename);

  /// Writes CSV line profiles (from nodal values) on rank 0:
  ///  profile_centreline.csv  T(xi) on the surface centreline y = z = 0
  ///  profile_depth.csv       T(z) under the beam, xi = y = 0
  ///  profile_width.csv       T(y) on the surface at the node plane nearest
  ///                          to xi = `section_xi_m` (the widest melt section)
  void write_line_profiles(const HeatProblem &problem, double initial_temperature_K,
                           double section_xi_m, const std::string &directory);
} // namespace ebweld
