#include "solver/command_optimize.h"

#include "solver/atomic_file.h"
#include "solver/case_setup.h"
#include "solver/command_arguments.h"
#include "solver/command_guard.h"
#include "solver/grid_minimiser.h"
#include "solver/optimisation.h"
#include "solver/parameter_overrides.h"

#include <deal.II/base/mpi.h>
#include <deal.II/base/timer.h>

#include <nlohmann/json.hpp>

#include <cmath>
#include <iomanip>
#include <iostream>
#include <map>
#include <sstream>

namespace ebweld
{
  namespace
  {
    std::string tag(const double value)
    {
      std::ostringstream out;
      out << value;
      return out.str();
    }

    std::string point_file(const std::string &kind, const OptimisationPoint &p)
    {
      return kind + "_Pe" + tag(p.peclet_number) + "_R" + tag(p.ratio) + ".csv";
    }

    void write_points(const std::string &path, const std::vector<OptimisationPoint> &points,
                      const std::vector<std::string> &kinds)
    {
      write_file_atomically(path, [&](std::ostream &out) {
        out.precision(10);
        out << "kind,peclet_number,range_over_target_depth,electron_range_m,beam_voltage_V,"
               "beam_current_A,travel_speed_m_per_s,heat_input_J_per_m,"
               "peak_surface_temperature_K,peak_surface_over_boiling,melt_depth_m,status,"
               "linear_iterations,solve_time_s,note\n";
        for (std::size_t i = 0; i < points.size(); ++i)
          {
            const auto &p = points[i];
            out << kinds[i] << "," << p.peclet_number << "," << p.ratio << "," << p.range_m << ","
                << p.voltage_V << "," << p.current_A << "," << p.speed_m_per_s << ","
                << p.heat_input_J_per_m << "," << p.peak_surface_temperature_K << ","
                << p.peak_surface_over_boiling << "," << p.melt_depth_m << "," << p.status << ","
                << p.iterations << "," << p.solve_time_s << ",\"" << p.note << "\"\n";
          }
      });
    }

    nlohmann::ordered_json point_json(const OptimisationPoint &p)
    {
      return {{"peclet_number", p.peclet_number},
              {"range_over_target_depth", p.ratio},
              {"electron_range_m", p.range_m},
              {"beam_voltage_V", p.voltage_V},
              {"beam_current_A", p.current_A},
              {"travel_speed_m_per_s", p.speed_m_per_s},
              {"heat_input_J_per_m", p.heat_input_J_per_m},
              {"peak_surface_temperature_K", p.peak_surface_temperature_K},
              {"peak_surface_over_boiling", p.peak_surface_over_boiling}};
    }
  } // namespace

  std::string optimize_usage()
  {
    return "Usage: ebweld optimize FILE.prm [--set \"Section/Name=value\" ...] [--output-dir DIR]\n"
           "\n"
           "For the material, beam diameter and source of FILE, finds over the Peclet\n"
           "numbers and penetration ratios R/z_m of subsection Optimisation the voltage,\n"
           "current and speed that reach the target melt depth with the least heat\n"
           "input V I / U. One unit-power solve per point gives the current; each\n"
           "Peclet number assembles its matrix and preconditioner once.\n"
           "Writes optimisation.csv (every point), optimum.csv (per Pe), summary.json\n"
           "and the requested cross-sections and depth profiles.\n";
  }

  int command_optimize(const std::vector<std::string> &arguments, MPI_Comm comm)
  {
    const bool root = dealii::Utilities::MPI::this_mpi_process(comm) == 0;
    return run_command(arguments, comm, optimize_usage(), [&](std::ostream &log) {
      const auto args = CommandArguments::parse(arguments, "optimize", {}, {});
      dealii::ParameterHandler prm;
      read_input(prm, args.input_file, args.overrides);
      const auto      settings = OptimisationSettings::parse(prm);
      const CaseSetup base(prm);
      const std::string directory =
        args.output_directory.empty() ? base.output.directory : args.output_directory;
      make_directories(directory);

      dealii::Timer total(comm, true);
      log << "ebweld optimize: " << base.material.name << ", d " << base.beam.diameter_m * 1e6
          << " um, target melt depth " << settings.target_depth_m * 1e6 << " um, source "
          << base.sources.front()->name() << ", " << settings.peclet_numbers.size()
          << " Peclet numbers x " << settings.ratios.size() << " ratios"
          << (settings.reuse_operator ? "" : " (re-assembling every point)") << "\n";

      std::vector<OptimisationPoint> points, optima;
      std::vector<std::string>       kinds;
      unsigned int                   solves = 0;
      double                         setup_time = 0.;
      for (const double peclet : settings.peclet_numbers)
        {
          PecletSweep       sweep(args.input_file, args.overrides, settings, peclet, comm);
          std::vector<double> heat_inputs;
          const auto record = [&](const OptimisationPoint &p, const std::string &kind) {
            points.push_back(p);
            kinds.push_back(kind);
            ++solves;
            log << std::setprecision(4) << "  Pe " << peclet << "  R/z_m " << std::setw(7) << p.ratio
                << "  V " << std::setw(8) << p.voltage_V * 1e-3 << " kV  I " << std::setw(10)
                << p.current_A << " A  HI " << std::setw(10) << p.heat_input_J_per_m
                << " J/m  T_surf/T_boil " << std::setw(6) << p.peak_surface_over_boiling << "  "
                << p.status << " (" << p.iterations << " its, " << p.solve_time_s << " s)"
                << (p.note.empty() ? "" : "  " + p.note) << "\n"
                << std::flush;
          };
          // Brent may return to a ratio it has evaluated: solve each once
          std::map<double, OptimisationPoint> evaluated;
          const auto evaluate = [&](const double ratio, const std::string &kind) {
            const auto known = evaluated.find(ratio);
            if (known != evaluated.end())
              return known->second;
            const auto p = sweep.evaluate(ratio);
            if (evaluated.empty())
              log << "  Pe " << peclet << ": " << sweep.n_dofs() << " DoFs, operator and "
                  << "preconditioner built in " << sweep.setup_time_s() << " s\n";
            record(p, kind);
            return evaluated[ratio] = p;
          };
          for (const double ratio : settings.ratios)
            {
              const auto p = evaluate(ratio, "grid");
              heat_inputs.push_back(p.heat_input_J_per_m);
              if (settings.write_depth_profiles && p.status == "ok")
                sweep.write_depth_profile(p, directory + "/" + point_file("depth_profile", p));
              for (const auto &[pe, r] : settings.cross_sections)
                if (pe == peclet && r == ratio && p.status == "ok")
                  sweep.write_cross_section(p, directory + "/" + point_file("cross_section", p));
            }
          const auto minimum = minimise_on_grid(
            [&](const double ratio) { return evaluate(ratio, "brent").heat_input_J_per_m; },
            settings.ratios, heat_inputs, settings.refine_minimum, 10);
          for (const auto &[pe, r] : settings.cross_sections)
            if (pe == peclet &&
                std::find(settings.ratios.begin(), settings.ratios.end(), r) == settings.ratios.end())
              {
                // a fresh solve: the field in memory must be this point's
                const auto p = sweep.evaluate(r);
                record(p, "section");
                if (p.status == "ok")
                  sweep.write_cross_section(p, directory + "/" + point_file("cross_section", p));
              }
          if (std::isnan(minimum.value))
            {
              log << "  Pe " << peclet << ": the target depth is unattainable at every ratio\n";
              continue;
            }
          const auto best = evaluate(minimum.argument, "optimum");
          optima.push_back(best);
          setup_time += sweep.setup_time_s();
          log << "  Pe " << peclet << ": least heat input " << best.heat_input_J_per_m
              << " J/m at R/z_m " << best.ratio << (minimum.refined ? " (Brent)" : " (grid edge)")
              << "\n";
        }

      if (root)
        {
          write_points(directory + "/optimisation.csv", points, kinds);
          write_points(directory + "/optimum.csv", optima, std::vector<std::string>(optima.size(), "optimum"));
        }
      nlohmann::ordered_json summary;
      summary["material"]              = base.material.name;
      summary["source_type"]           = base.sources.front()->name();
      summary["beam_diameter_m"]       = base.beam.diameter_m;
      summary["target_melt_depth_m"]   = settings.target_depth_m;
      summary["reuse_operator"]        = settings.reuse_operator;
      summary["mpi_ranks"]             = dealii::Utilities::MPI::n_mpi_processes(comm);
      summary["solves"]                = solves;
      summary["operator_setup_time_s"] = setup_time;
      summary["optima"]                = nlohmann::ordered_json::array();
      const OptimisationPoint *overall = nullptr;
      for (const auto &p : optima)
        {
          summary["optima"].push_back(point_json(p));
          if (!overall || p.heat_input_J_per_m < overall->heat_input_J_per_m)
            overall = &p;
        }
      if (overall)
        {
          summary["optimum"] = point_json(*overall);
          log << "optimum: Pe " << overall->peclet_number << ", R/z_m " << overall->ratio << ", V "
              << overall->voltage_V * 1e-3 << " kV, I " << overall->current_A << " A, U "
              << overall->speed_m_per_s << " m/s, heat input " << overall->heat_input_J_per_m
              << " J/m\n";
        }
      total.stop();
      summary["wall_time_s"] = total.wall_time();
      log << "  " << solves << " solves in " << total.wall_time() << " s; results in " << directory
          << "/optimisation.csv, optimum.csv, summary.json\n";
      if (root)
        write_file_atomically(directory + "/summary.json",
                              [&](std::ostream &out) { out << summary.dump(2) << "\n"; });
      return 0;
    });
  }
} // namespace ebweld
