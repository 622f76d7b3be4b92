#include "solver/commands/command_optimize.h"

#include "solver/base/atomic_file.h"
#include "solver/base/input_error.h"
#include "solver/base/output_directory.h"
#include "solver/case/case_setup.h"
#include "solver/commands/command_arguments.h"
#include "solver/commands/command_guard.h"
#include "solver/commands/parameter_overrides.h"
#include "solver/post/case_results.h"
#include "solver/post/plot_script.h"
#include "solver/post/result_quantities.h"
#include "solver/studies/grid_minimiser.h"
#include "solver/studies/optimisation.h"
#include "solver/studies/results_table.h"

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

    /// Every optimiser-point quantity of `p` (result_quantities.h).
    nlohmann::ordered_json point_values(const OptimisationPoint &p, const std::string &kind)
    {
      return {{"status", p.status},
              {"kind", kind},
              {"solve_time_s", p.solve_time_s},
              {"linear_iterations", p.iterations},
              {"beam_voltage_V", p.voltage_V},
              {"beam_current_A", p.current_A},
              {"travel_speed_m_per_s", p.speed_m_per_s},
              {"peclet_number", p.peclet_number},
              {"range_over_target_depth", p.ratio},
              {"electron_range_m", p.range_m},
              {"heat_input_J_per_m", p.heat_input_J_per_m},
              {"peak_surface_temperature_K", p.peak_surface_temperature_K},
              {"peak_surface_over_boiling", p.peak_surface_over_boiling},
              {"melt_depth_m", p.melt_depth_m},
              {"note", p.note}};
    }

    /// optimisation.csv / optimum.csv: the optimiser-point columns of the
    /// result registry.
    void write_points(const std::string &path, const std::vector<OptimisationPoint> &points,
                      const std::vector<std::string> &kinds)
    {
      const auto columns = result_keys(optimiser_points);
      write_file_atomically(path, [&](std::ostream &out) {
        out.precision(10);
        for (std::size_t c = 0; c < columns.size(); ++c)
          out << (c ? "," : "") << columns[c];
        out << "\n";
        for (std::size_t i = 0; i < points.size(); ++i)
          {
            const auto values = point_values(points[i], kinds[i]);
            for (std::size_t c = 0; c < columns.size(); ++c)
              {
                const auto &value = values.at(columns[c]);
                out << (c ? "," : "");
                if (value.is_string())
                  out << csv_field(value.get<std::string>());
                else
                  out << value.get<double>();
              }
            out << "\n";
          }
      });
    }

    /// The summary entry of an optimum: its process and outcome.
    nlohmann::ordered_json point_json(const OptimisationPoint &p)
    {
      return select(point_values(p, "optimum"),
                    {"peclet_number", "range_over_target_depth", "electron_range_m",
                     "beam_voltage_V", "beam_current_A", "travel_speed_m_per_s",
                     "heat_input_J_per_m", "peak_surface_temperature_K",
                     "peak_surface_over_boiling"});
    }

    /// Every point evaluated, why, and what it cost.
    struct OptimisationRecord
    {
      std::vector<OptimisationPoint> points, optima;
      std::vector<std::string>       kinds;
      unsigned int                   solves     = 0;
      double                         setup_time = 0.;

      void add(const OptimisationPoint &p, const std::string &kind, std::ostream &log)
      {
        points.push_back(p);
        kinds.push_back(kind);
        ++solves;
        log << std::setprecision(4) << "  Pe " << p.peclet_number << "  R/z_m " << std::setw(7)
            << p.ratio << "  V " << std::setw(8) << p.voltage_V * 1e-3 << " kV  I " << std::setw(10)
            << p.current_A << " A  HI " << std::setw(10) << p.heat_input_J_per_m
            << " J/m  T_surf/T_boil " << std::setw(6) << p.peak_surface_over_boiling << "  "
            << p.status << " (" << p.iterations << " its, " << p.solve_time_s << " s)"
            << (p.note.empty() ? "" : "  " + p.note) << "\n"
            << std::flush;
      }
    };

    /// The grid over R / z_m at one Peclet number, Brent's refinement of its
    /// minimum and the requested cross-sections and depth profiles.
    /// The input's case with further overrides, as a sweep reads its points.
    CaseReader case_reader(const CommandArguments &args)
    {
      return [&args](const std::vector<std::string> &extra) {
        std::vector<std::string> overrides = args.overrides;
        overrides.insert(overrides.end(), extra.begin(), extra.end());
        dealii::ParameterHandler prm;
        read_input(prm, args.input_file, overrides);
        return std::make_unique<CaseSetup>(prm);
      };
    }

    void optimise_peclet(const double peclet, const CommandArguments &args,
                         const OptimisationSettings &settings, const std::string &directory,
                         MPI_Comm comm, OptimisationRecord &record, std::ostream &log)
    {
      PecletSweep         sweep(case_reader(args), settings, peclet, comm);
      std::vector<double> heat_inputs;
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
        record.add(p, kind, log);
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
            record.add(p, "section", log);
            if (p.status == "ok")
              sweep.write_cross_section(p, directory + "/" + point_file("cross_section", p));
          }
      if (std::isnan(minimum.value))
        {
          log << "  Pe " << peclet << ": the target depth is unattainable at every ratio\n";
          return;
        }
      const auto best = evaluate(minimum.argument, "optimum");
      record.optima.push_back(best);
      record.setup_time += sweep.setup_time_s();
      log << "  Pe " << peclet << ": least heat input " << best.heat_input_J_per_m
          << " J/m at R/z_m " << best.ratio << (minimum.refined ? " (Brent)" : " (grid edge)")
          << "\n";
    }

    /// summary.json of the optimisation; reports the overall optimum.
    CaseResults optimisation_summary(const CaseSetup &base, const OptimisationSettings &settings,
                                     const OptimisationRecord &record, MPI_Comm comm,
                                     std::ostream &log)
    {
      CaseResults summary;
      summary.set("material", base.material.name);
      summary.set("source_type", base.sources.front()->name());
      summary.set("beam_diameter_m", base.beam.diameter_m);
      summary.set("target_melt_depth_m", settings.target_depth_m);
      summary.set("reuse_operator", settings.reuse_operator);
      summary.set("mpi_ranks", dealii::Utilities::MPI::n_mpi_processes(comm));
      summary.set("solves", record.solves);
      summary.set("operator_setup_time_s", record.setup_time);
      nlohmann::ordered_json   optima  = nlohmann::ordered_json::array();
      const OptimisationPoint *overall = nullptr;
      for (const auto &p : record.optima)
        {
          optima.push_back(point_json(p));
          if (!overall || p.heat_input_J_per_m < overall->heat_input_J_per_m)
            overall = &p;
        }
      summary.set("optima", optima);
      if (overall)
        {
          summary.set("optimum", point_json(*overall));
          log << "optimum: Pe " << overall->peclet_number << ", R/z_m " << overall->ratio << ", V "
              << overall->voltage_V * 1e-3 << " kV, I " << overall->current_A << " A, U "
              << overall->speed_m_per_s << " m/s, heat input " << overall->heat_input_J_per_m
              << " J/m\n";
        }
      return summary;
    }
  } // namespace

  std::string optimize_usage()
  {
    return "Usage: ebweld optimize FILE.prm [--set \"Section/Name=value\" ...] [--output-dir DIR]\n"
           "       ebweld optimize --validate FILE.prm [--set ...]   check FILE without solving\n"
           "\n"
           "For the material, beam diameter and source of FILE, finds over the Peclet\n"
           "numbers and penetration ratios R/z_m of subsection Optimisation the voltage,\n"
           "current and speed that reach the target melt depth with the least heat\n"
           "input V I / U. One unit-power solve per point gives the current; each\n"
           "Peclet number assembles its matrix and preconditioner once.\n"
           "Writes optimisation.csv (every point), optimum.csv (per Pe), summary.json\n"
           "and the requested cross-sections and depth profiles, and draws them\n"
           "(process_window.png, heat_input.png, cross_section_*.png; Output/Write\n"
           "picture = false skips the pictures).\n";
  }

  int command_optimize(const std::vector<std::string> &arguments, MPI_Comm comm)
  {
    const bool root = dealii::Utilities::MPI::this_mpi_process(comm) == 0;
    return run_command(arguments, comm, optimize_usage(), [&](std::ostream &log) {
      auto       args          = CommandArguments::parse(arguments, "optimize", {"--validate"}, {});
      const bool validate_only = args.take_validate();
      dealii::ParameterHandler prm;
      read_input(prm, args.input_file, args.overrides);
      const auto      settings = OptimisationSettings::parse(prm);
      const CaseSetup base(prm);
      // the sweep scales one linear solve per source (docs/PHYSICS.md 1.4)
      if (base.temperature_dependent())
        throw_input_error("Material/Temperature-dependent properties", "true",
                          "false for ebweld optimize (the optimiser's shortcuts need the "
                          "constant-property model)");
      // every point's inputs and every sweep's mesh, before any solve
      for (const double peclet : settings.peclet_numbers)
        PecletSweep(case_reader(args), settings, peclet, comm).check_inputs();
      if (validate_only)
        return report_valid(args.input_file, base.warnings, log);
      const std::string directory = args.prepared_output_directory(base.output.directory, comm);
      remove_stale_summary(directory, comm);

      dealii::Timer total(comm, true);
      log << "ebweld optimize: " << base.material.name << ", d " << base.beam.diameter_m * 1e6
          << " um, target melt depth " << settings.target_depth_m * 1e6 << " um, source "
          << base.sources.front()->name() << ", " << settings.peclet_numbers.size()
          << " Peclet numbers x " << settings.ratios.size() << " ratios"
          << (settings.reuse_operator ? "" : " (re-assembling every point)") << "\n";
      OptimisationRecord record;
      for (const double peclet : settings.peclet_numbers)
        optimise_peclet(peclet, args, settings, directory, comm, record, log);
      if (root)
        {
          write_points(directory + "/optimisation.csv", record.points, record.kinds);
          write_points(directory + "/optimum.csv", record.optima,
                       std::vector<std::string>(record.optima.size(), "optimum"));
        }
      CaseResults summary = optimisation_summary(base, settings, record, comm, log);
      total.stop();
      summary.set("wall_time_s", total.wall_time());
      log << "  " << record.solves << " solves in " << total.wall_time() << " s; results in "
          << directory << "/optimisation.csv, optimum.csv, summary.json\n";
      if (root)
        write_file_atomically(directory + "/summary.json", [&](std::ostream &out) {
          out << summary.summary(optimiser_summary).dump(2) << "\n";
        });
      if (root && base.output.write_picture)
        log << draw_picture("plot_optimisation.py",
                            {directory, std::to_string(base.material.melting_temperature_K)},
                            directory + "/process_window.png");
      return 0;
    });
  }
} // namespace ebweld
