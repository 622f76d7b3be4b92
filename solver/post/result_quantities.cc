#include "solver/post/result_quantities.h"

#include <algorithm>
#include <iomanip>
#include <sstream>
#include <stdexcept>

namespace ebweld
{
  namespace
  {
    constexpr unsigned int S = case_summary, R = study_results, P = optimiser_points,
                           O = optimiser_summary;

    std::vector<ResultQuantity> make_registry()
    {
      return {
          {"case_id", "", "a study case's id (its index and varied values)", "study", R},
          {"status", "", "ok or failed (study); ok or unattainable (optimiser point)",
           "study, optimiser", R | P},
          {"error", "", "why a study case failed", "study", R},
          {"kind", "", "grid, brent, section or optimum: why the optimiser evaluated the point",
           "optimiser", P},
          {"dofs", "-", "degrees of freedom of the temperature field", "solve", S | R},
          {"cells", "-", "cells the solution is polynomial on (Q1's pieces counted)", "solve", S},
          {"mpi_ranks", "-", "MPI ranks that solved the case", "solve", S | R | O},
          {"wall_time_s", "s", "wall time of the whole case (or optimisation)", "run", S | R | O},
          {"setup_time_s", "s", "mesh and DoF set-up", "solve", S | R},
          {"assembly_time_s", "s", "assembly of the operator and the sources", "solve", S | R},
          {"solve_time_s", "s", "linear solve, preconditioner set-up included", "solve", S | R | P},
          {"linear_iterations", "-", "Krylov iterations of the (last) linear solve", "solve",
           S | R | P},
          {"preconditioner", "", "the preconditioner used (boomeramg, air, jacobi)", "solve",
           S | R},
          {"krylov_method", "", "the Krylov method used (bicgstab, gmres)", "solve", S | R},
          {"max_cell_peclet", "-", "largest cell Peclet number |u| h rho c_p / (2 k)", "solve",
           S | R},
          {"temperature_dependent", "",
           "true: k(T), c_p(T), latent heat and surface losses, solved by Newton's method",
           "set-up", S | R},
          {"nonlinear_iterations", "-", "Newton steps over all continuation levels", "solve",
           S | R},
          {"continuation_steps", "-", "beam-power levels of the nonlinear solve (1: none needed)",
           "solve", S | R},
          {"newton_linear_iterations", "-", "Krylov iterations of all Newton steps", "solve",
           S | R},
          {"newton_residual_history", "-",
           "|R|/|F| before each Newton step at full power, and after the last", "solve", S},
          {"element_degree", "-", "polynomial degree of the elements (1 or 2)", "set-up", S},
          {"material", "", "material name", "set-up", S | R | O},
          {"source_type", "", "the heat source's name, or combined", "set-up", S | R | O},
          {"sources", "", "every active source with its parameters", "set-up", S},
          {"beam_voltage_V", "V", "accelerating voltage", "set-up", S | R | P},
          {"beam_current_A", "A", "beam current", "set-up", S | R | P},
          {"beam_diameter_m", "m", "beam diameter (FWHM)", "set-up", S | R | O},
          {"travel_speed_m_per_s", "m/s", "travel speed U", "set-up", S | R | P},
          {"peclet_number", "-", "Pe = U d / alpha", "set-up", S | R | P},
          {"range_over_target_depth", "-", "R / z_m, the optimiser's penetration ratio",
           "optimiser", P},
          {"electron_range_m", "m", "Kanaya-Okayama electron range R", "set-up", S | R | P},
          {"heating_efficiency", "-", "eta_h, the fraction of the beam power left in the solid",
           "set-up", S | R},
          {"absorbed_power_W", "W", "sum of eta V I over the sources", "energy balance", S | R},
          {"deposited_power_W", "W", "power the source quadrature put into the mesh",
           "energy balance", S | R},
          {"heat_input_J_per_m", "J/m", "V I / U", "set-up", S | R | P},
          {"initial_temperature_K", "K", "T0, ambient and initial temperature", "set-up", S},
          {"melting_temperature_K", "K", "T_m of the material", "set-up", S},
          {"solidus_temperature_K", "K", "T_s: the fusion line the melt pool is measured at",
           "set-up", S},
          {"liquidus_temperature_K", "K", "T_l (T_s for a pure element)", "set-up", S},
          {"melting_smoothing_K", "K",
           "width the liquid-fraction step was spread over (a pure element's T_m; auto: the "
           "mesh's resolution of the fusion line)",
           "solve", S},
          {"peak_temperature_K", "K", "largest nodal temperature", "peak temperatures", S | R},
          {"peak_surface_temperature_K", "K", "largest nodal temperature on the top surface",
           "peak temperatures", S | R | P},
          {"peak_surface_over_boiling", "-", "peak surface temperature / boiling point",
           "peak temperatures", S | R | P},
          {"melted", "", "true if any point reaches T_m", "melt pool", S | R},
          {"melt_depth_m", "m", "deepest point with T >= T_m (the solidus)", "melt pool",
           S | R | P},
          {"melt_half_width_m", "m", "largest y with T >= T_m (the solidus)", "melt pool", S | R},
          {"melt_length_m", "m", "melt_front_xi_m - melt_rear_xi_m", "melt pool", S | R},
          {"melt_front_xi_m", "m", "largest xi with T >= T_m (ahead of the beam > 0)", "melt pool",
           S | R},
          {"melt_rear_xi_m", "m", "smallest xi with T >= T_m", "melt pool", S | R},
          {"liquidus_depth_m", "m", "deepest point with T >= the liquidus (alloys)", "melt pool",
           S | R},
          {"liquidus_half_width_m", "m", "largest y with T >= the liquidus (alloys)", "melt pool",
           S | R},
          {"liquidus_length_m", "m", "length of the region above the liquidus (alloys)",
           "melt pool", S | R},
          {"energy_balance_relative_error", "-", "|absorbed - leaving| / absorbed",
           "energy balance", S | R},
          {"heat_advected_out_W", "W", "rho c_p theta u.n through the outflow face",
           "energy balance", S},
          {"heat_conducted_out_W", "W", "heat conducted through the fixed-temperature faces",
           "energy balance", S},
          {"heat_convected_out_W", "W", "h (theta - theta_amb) through the top surface",
           "energy balance", S},
          {"radiated_power_W", "W", "eps sigma (T^4 - T_amb^4) over the top surface",
           "energy balance", S | R},
          {"evaporated_power_W", "W", "L_v times the evaporated mass flux over the top surface",
           "energy balance", S | R},
          {"evaporation_rate_kg_per_s", "kg/s", "mass evaporated per second", "surface losses",
           S | R},
          {"peak_recoil_pressure_Pa", "Pa", "largest 0.54 p_sat(T) on the top surface",
           "surface losses", S | R},
          {"capillary_pressure_Pa", "Pa", "4 gamma_lv / d, what holds the surface flat",
           "surface losses", S | R},
          {"keyhole_indicator", "-",
           "peak recoil over capillary pressure; above 1 a keyhole is likely", "surface losses",
           S | R},
          {"domain_m", "m", "the domain used: xi_min, xi_max, y_max, z_max", "set-up", S},
          {"target_melt_depth_m", "m",
           "the melt depth asked for (Beam/Target melt depth, Optimisation/Target melt depth)",
           "target depth current", S | R | O},
          {"current_for_target_depth_A", "A",
           "the current that gives the target depth (null: see target_depth_note)",
           "target depth current", S | R},
          {"target_depth_note", "", "why there is no current for the target depth",
           "target depth current", S | R},
          {"target_depth_search_solves", "-",
           "warm-started Newton solves of the target-depth root find (temperature-dependent)",
           "target depth current", S},
          {"target_depth_search_time_s", "s", "wall time of the target-depth root find",
           "target depth current", S},
          {"interface", "", "the interface filler's state and coupling history (coupled runs)",
           "interface", S},
          {"catalyst", "",
           "time_step, points_handed, cells_handed, time_s, startup_time_s (with --catalyst)",
           "catalyst", S},
          {"reuse_operator", "", "whether each Peclet number kept one operator and preconditioner",
           "optimiser", O},
          {"solves", "-", "linear solves of the optimisation", "optimiser", O},
          {"operator_setup_time_s", "s",
           "mesh, operator and preconditioner set-up over all Peclet numbers", "optimiser", O},
          {"optima", "", "the least heat input point of each Peclet number", "optimiser", O},
          {"optimum", "", "the least heat input point overall", "optimiser", O},
          {"peak_memory_bytes", "B", "peak resident memory (VmHWM) summed over the ranks", "run",
           S | R},
          {"memory_per_dof_bytes", "B", "peak_memory_bytes / dofs", "run", S},
          {"estimated_memory_bytes", "B",
           "memory estimated before the mesh was built (Resources/Memory limit (GB))", "run", S},
          {"postprocess_time_s", "s", "measurements after the solve", "run", S},
          {"output_time_s", "s", "writing fields, profiles and tables", "run", S},
          {"note", "", "what the optimiser noticed at a point", "optimiser", P},
          {"warnings", "", "everything that makes the result doubtful", "run", S | R},
      };
    }
  } // namespace

  const std::vector<ResultQuantity> &result_quantities()
  {
    static const std::vector<ResultQuantity> registry = make_registry();
    return registry;
  }

  const ResultQuantity &result_quantity(const std::string &key)
  {
    for (const auto &quantity : result_quantities())
      if (quantity.key == key)
        return quantity;
    throw std::logic_error("'" + key +
                           "' is not a registered result quantity "
                           "(solver/post/result_quantities.cc)");
  }

  std::vector<std::string> result_keys(const ResultTable table)
  {
    std::vector<std::string> keys;
    for (const auto &quantity : result_quantities())
      if (quantity.tables & table)
        keys.push_back(quantity.key);
    return keys;
  }

  std::string screen_text(const std::string &key, const double value)
  {
    const ResultQuantity &q      = result_quantity(key);
    std::string           label  = key;
    const std::string     suffix = "_" + q.unit;
    // the unit's spelling in the key: J/m is "_J_per_m", m/s "_m_per_s", B "_bytes"
    for (const std::string &tail : {suffix, std::string("_J_per_m"), std::string("_m_per_s"),
                                    std::string("_kg_per_s"), std::string("_bytes")})
      if (label.size() > tail.size() &&
          label.compare(label.size() - tail.size(), tail.size(), tail) == 0)
        {
          label.erase(label.size() - tail.size());
          break;
        }
    std::replace(label.begin(), label.end(), '_', ' ');
    const bool         length = q.unit == "m";
    std::ostringstream text;
    text << std::setprecision(5) << label << " " << (length ? value * 1e6 : value);
    if (q.unit != "-" && !q.unit.empty())
      text << " " << (length ? "um" : q.unit);
    return text.str();
  }

  std::string result_quantities_markdown()
  {
    const std::pair<ResultTable, const char *> tables[] = {{case_summary, "run"},
                                                           {study_results, "study"},
                                                           {optimiser_points, "points"},
                                                           {optimiser_summary, "optimize"}};
    std::string text = "| key | unit | meaning | computed by | in |\n|---|---|---|---|---|\n";
    for (const auto &q : result_quantities())
      {
        std::string in;
        for (const auto &[table, name] : tables)
          if (q.tables & table)
            in += (in.empty() ? "" : ", ") + std::string(name);
        text += "| `" + q.key + "` | " + (q.unit.empty() ? "" : q.unit) + " | " + q.description +
                " | " + q.computed_by + " | " + in + " |\n";
      }
    return text;
  }
} // namespace ebweld
