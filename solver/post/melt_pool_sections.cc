#include "solver/post/melt_pool_sections.h"

#include "solver/base/atomic_file.h"
#include "solver/post/field_probes.h"

#include <deal.II/base/mpi.h>

#include <algorithm>
#include <cmath>

namespace ebweld
{
  namespace
  {
    // samples along the long axis of a section and across it: the pool's
    // outline in the picture is smooth at a fraction of a pixel column
    constexpr unsigned int samples_along  = 301;
    constexpr unsigned int samples_across = 101;

    std::vector<double> evenly_spaced(const double low, const double high, const unsigned int n)
    {
      std::vector<double> values(n);
      for (unsigned int i = 0; i < n; ++i)
        values[i] = low + (high - low) * i / (n - 1);
      return values;
    }

    nlohmann::ordered_json section(const HeatProblem &problem, const PlaneGrid &grid,
                                   const double initial_temperature_K)
    {
      const char *axis_names[] = {"xi_m", "y_m", "z_m"};
      const auto  rise         = rise_on_plane(problem, grid);
      // to 0.01 K: the file stays small, the picture cannot tell
      std::vector<double> temperature_K(rise.size());
      std::transform(rise.begin(), rise.end(), temperature_K.begin(), [&](const double r) {
        return std::round((initial_temperature_K + r) * 100.) / 100.;
      });
      return {{"first_axis", axis_names[grid.first_axis]},
              {"first_m", grid.first_m},
              {"second_axis", axis_names[grid.second_axis]},
              {"second_m", grid.second_m},
              {"fixed_axis", axis_names[grid.fixed_axis()]},
              {"fixed_m", grid.fixed_m},
              {"temperature_K", temperature_K}};
    }
  } // namespace

  SectionWindow section_window(const MeltPool &pool, const double beam_diameter_m,
                               const DomainExtents &domain)
  {
    SectionWindow window;
    if (pool.melted)
      {
        const double margin_m = 0.15 * pool.length_m + beam_diameter_m;
        window.xi_low_m       = pool.rear_xi_m - margin_m;
        window.xi_high_m      = pool.front_xi_m + margin_m;
        window.side_m         = std::max(2. * pool.half_width_m, beam_diameter_m);
        window.depth_m        = std::max(2. * pool.depth_m, beam_diameter_m);
      }
    else
      {
        window.xi_low_m  = -4. * beam_diameter_m;
        window.xi_high_m = beam_diameter_m;
        window.side_m    = 1.5 * beam_diameter_m;
        window.depth_m   = 1.5 * beam_diameter_m;
      }
    window.xi_low_m  = std::max(window.xi_low_m, -domain.behind_m);
    window.xi_high_m = std::min(window.xi_high_m, domain.ahead_m);
    window.side_m    = std::min(window.side_m, domain.side_m);
    window.depth_m   = std::min(window.depth_m, domain.depth_m);
    return window;
  }

  void write_melt_pool_sections(const HeatProblem &problem, const SectionWindow &window,
                                const double cross_section_xi_m, const double initial_temperature_K,
                                const nlohmann::ordered_json &description, const std::string &path)
  {
    const auto             xi = evenly_spaced(window.xi_low_m, window.xi_high_m, samples_along);
    const auto             y  = evenly_spaced(0., window.side_m, samples_across);
    const auto             z  = evenly_spaced(0., window.depth_m, samples_across);
    nlohmann::ordered_json sections = description;
    sections["top_surface"]         = section(problem, {0, xi, 1, y, 0.}, initial_temperature_K);
    sections["longitudinal"]        = section(problem, {0, xi, 2, z, 0.}, initial_temperature_K);
    sections["cross_section"] =
        section(problem, {1, y, 2, z, cross_section_xi_m}, initial_temperature_K);
    if (dealii::Utilities::MPI::this_mpi_process(problem.communicator()) == 0)
      write_file_atomically(path, [&](std::ostream &out) { out << sections.dump() << "\n"; });
  }
} // namespace ebweld
