#include "solver/run/run_case.h"

#include "solver/base/atomic_file.h"
#include "solver/base/input_error.h"
#include "solver/base/output_directory.h"
#include "solver/base/phase_timer.h"
#include "solver/filler/interface_coupling.h"
#include "solver/run/target_depth_search.h"

#include <deal.II/base/mpi.h>
#include <deal.II/base/timer.h>
#include <deal.II/base/utilities.h>

#include <algorithm>
#include <fstream>

namespace ebweld
{
  using namespace dealii;

  namespace
  {
    /// Peak resident memory of this process [bytes] (VmHWM), 0 if unknown.
    double peak_resident_bytes()
    {
      std::ifstream status("/proc/self/status");
      std::string   line;
      while (std::getline(status, line))
        if (line.rfind("VmHWM:", 0) == 0)
          return std::stod(line.substr(6)) * 1024.; // reported in kB
      return 0.;
    }

    CoupledCase solve(const CaseSetup &setup, MPI_Comm comm, const OutputOptions &options,
                      std::ostream &log, const FillerSettings *filler)
    {
      if (filler)
        return solve_coupled_case(setup, *filler, comm, log, options.catalyst);
      CoupledCase plain;
      plain.solved = solve_case(setup, comm, log);
      return plain;
    }

    /// The quantities the set-up and the solve give without measuring.
    void record_setup_and_solve(const CaseSetup &setup, const SolvedCase &solved, CaseResults &r)
    {
      const HeatProblem &problem = *solved.problem;
      const auto        &m       = setup.material;
      r.set("dofs", problem.dof_handler().n_dofs());
      r.set("cells", problem.n_global_pieces());
      r.set("mpi_ranks", Utilities::MPI::n_mpi_processes(problem.communicator()));
      r.set("setup_time_s", solved.setup_time_s);
      r.set("assembly_time_s", solved.assembly_time_s);
      r.set("solve_time_s", solved.solve_time_s);
      r.set("linear_iterations", solved.iterations);
      r.set("preconditioner", problem.preconditioner());
      r.set("krylov_method", problem.krylov_method());
      r.set("max_cell_peclet", problem.max_cell_peclet());
      r.set("temperature_dependent", setup.temperature_dependent());
      if (const NonlinearState *nonlinear = problem.nonlinear())
        {
          r.set("nonlinear_iterations", nonlinear->newton_iterations);
          r.set("continuation_steps", nonlinear->continuation_steps);
          r.set("newton_linear_iterations", nonlinear->linear_iterations);
          r.set("newton_residual_history", nonlinear->residual_history);
          r.set("melting_smoothing_K", nonlinear->melting_smoothing_K);
        }
      r.set("element_degree", setup.discretisation.degree);
      r.set("material", m.name);
      r.set("source_type",
            setup.sources.size() == 1 ? setup.sources[0]->name() : std::string("combined"));
      nlohmann::ordered_json sources = nlohmann::ordered_json::array();
      for (const auto &source : setup.sources)
        sources.push_back(source->describe());
      r.set("sources", sources);
      r.set("beam_voltage_V", setup.beam.voltage_V);
      r.set("beam_current_A", setup.beam.current_A);
      r.set("beam_diameter_m", setup.beam.diameter_m);
      r.set("travel_speed_m_per_s", setup.speed_m_per_s);
      r.set("peclet_number", setup.peclet_number());
      r.set("electron_range_m", setup.beam_context.electron_range_m);
      r.set("heating_efficiency", setup.beam_context.heating_efficiency);
      r.set("heat_input_J_per_m",
            setup.beam.voltage_V * setup.beam.current_A / setup.speed_m_per_s);
      r.set("initial_temperature_K", setup.boundary.initial_temperature_K);
      r.set("melting_temperature_K", m.melting_temperature_K);
      if (setup.temperature_dependent())
        {
          r.set("solidus_temperature_K", setup.solidus_K());
          r.set("liquidus_temperature_K", setup.liquidus_K());
        }
      r.set("domain_m", {{"xi_min", -setup.extents.behind_m},
                         {"xi_max", setup.extents.ahead_m},
                         {"y_max", setup.extents.side_m},
                         {"z_max", setup.extents.depth_m}});
    }

    /// The target-depth current with temperature-dependent properties (the
    /// constant-property one is the postprocessor's, from the same solve).
    void record_target_depth_search(const CaseSetup &setup, SolvedCase &solved, std::ostream &log,
                                    CaseResults &r)
    {
      PhaseTimer              phase(solved.problem->communicator());
      const TargetDepthSearch search = search_target_depth_current(setup, solved, log);
      solved.kirchhoff.reset();
      r.set("target_melt_depth_m", *setup.beam.target_melt_depth_m);
      r.set("target_depth_search_solves", search.solves);
      r.set("target_depth_search_time_s", phase.lap());
      if (!search.current_A)
        {
          r.set("current_for_target_depth_A", nullptr);
          r.set("target_depth_note", search.note);
          log << "  target depth: no current (" << search.note << ")\n";
          return;
        }
      r.set("current_for_target_depth_A", *search.current_A);
      log << "  target depth: " << r.report({"target_melt_depth_m", "current_for_target_depth_A"})
          << " (" << *search.current_A * setup.beam.voltage_V << " W of V I; " << search.solves
          << " warm-started Newton solves)\n";
    }

    /// Runs `postprocessors`' measure(), then their write(); returns the
    /// wall times of the two phases [s].
    std::pair<double, double>
    postprocess(std::vector<std::unique_ptr<Postprocessor>> &postprocessors,
                PostprocessContext                          &context)
    {
      PhaseTimer phase(context.problem.communicator());
      for (auto &postprocessor : postprocessors)
        postprocessor->measure(context);
      const double measure_time = phase.lap();
      const auto  &options      = context.options;
      if (options.write_fields || options.write_profiles || options.write_summary ||
          options.write_picture)
        make_directories(options.output_directory);
      for (auto &postprocessor : postprocessors)
        postprocessor->write(context);
      return {measure_time, phase.lap()};
    }
  } // namespace

  nlohmann::ordered_json run_case(const CaseSetup &setup, MPI_Comm comm,
                                  const OutputOptions &options, std::ostream &log,
                                  const FillerSettings *filler)
  {
    Timer total(comm, true);
    // before the solve: a failed one must not leave the last run's behind
    if (options.write_summary)
      remove_stale_summary(options.output_directory, comm);
    CoupledCase coupled = solve(setup, comm, options, log, filler);
    CaseResults results;
    results.warnings = setup.warnings;
    if (const auto &warning = coupled.solved.resources.warning)
      results.warnings.push_back(*warning);
    record_setup_and_solve(setup, coupled.solved, results);
    if (coupled.solved.kirchhoff)
      record_target_depth_search(setup, coupled.solved, log, results);

    PostprocessContext context(setup, *coupled.solved.problem, coupled.solved.deposited_W, options,
                               log, results, filler ? &coupled : nullptr);
    auto               postprocessors = PostprocessorRegistry::instance().create(
                      options.postprocessors.empty() ? PostprocessorRegistry::instance().names()
                                                     : options.postprocessors);
    const auto [postprocess_time, output_time] = postprocess(postprocessors, context);

    const double memory_bytes = Utilities::MPI::sum(peak_resident_bytes(), comm);
    results.set("peak_memory_bytes", memory_bytes);
    results.set("memory_per_dof_bytes",
                memory_bytes / coupled.solved.problem->dof_handler().n_dofs());
    results.set("estimated_memory_bytes", coupled.solved.resources.estimate.memory_bytes);
    results.set("postprocess_time_s", postprocess_time);
    results.set("output_time_s", output_time);
    total.stop();
    results.set("wall_time_s", total.wall_time());
    for (const auto &warning : results.warnings)
      if (std::find(setup.warnings.begin(), setup.warnings.end(), warning) == setup.warnings.end())
        log << "  WARNING: " << printable(warning) << "\n";
    log << "  times: "
        << results.report({"setup_time_s", "assembly_time_s", "solve_time_s", "postprocess_time_s",
                           "output_time_s", "wall_time_s"})
        << "\n";

    const auto summary = results.summary();
    if (options.write_summary && Utilities::MPI::this_mpi_process(comm) == 0)
      write_file_atomically(options.output_directory + "/summary.json",
                            [&](std::ostream &out) { out << summary.dump(2) << "\n"; });
    return summary;
  }
} // namespace ebweld
