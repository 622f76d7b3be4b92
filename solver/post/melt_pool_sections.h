#pragma once
// Three sections through the solved temperature field on regular grids,
// what a picture of the melt pool shows: the top surface z = 0, the
// longitudinal section y = 0 under the beam's path, and the cross-section
// where the pool is widest. Written as JSON for postproc/plot_melt_pool.py.

#include "meshes/half_brick_mesh.h"
#include "solver/fe/heat_problem.h"
#include "solver/post/melt_pool.h"

#include <nlohmann/json.hpp>

#include <string>

namespace ebweld
{
  /// The box of the half solid the sections cover [m].
  struct SectionWindow
  {
    double xi_low_m  = 0.;
    double xi_high_m = 0.;
    double side_m    = 0.;
    double depth_m   = 0.;
  };

  /// The pool with a margin on every side (without melt: the beam's
  /// neighbourhood, from a few diameters behind it to one ahead), inside
  /// the domain.
  SectionWindow section_window(const MeltPool &pool, double beam_diameter_m,
                               const DomainExtents &domain);

  /// Samples the three sections on `window` (the cross-section at xi =
  /// `cross_section_xi_m`) and writes them with `description` (what the
  /// picture's title and isotherms need) to `path` on rank 0. Collective.
  void write_melt_pool_sections(const HeatProblem &problem, const SectionWindow &window,
                                double cross_section_xi_m, double initial_temperature_K,
                                const nlohmann::ordered_json &description, const std::string &path);
} // namespace ebweld
