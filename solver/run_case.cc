#include "solver/run_case.h"

#include "solver/atomic_file.h"
#include "solver/energy_balance.h"
#include "solver/field_output.h"
#include "solver/field_probes.h"
#include "solver/heat_problem.h"
#include "solver/interface_coupling.h"
#include "solver/melt_pool.h"

#include <deal.II/base/mpi.h>
#include <deal.II/base/timer.h>
#include <deal.II/base/utilities.h>

#include <algorithm>
#include <fstream>
#include <iomanip>

namespace ebweld
{
  using namespace dealii;

  namespace
  {
    /// Wall time of a phase, the slowest rank's.
    class PhaseTimer
    {
    public:
      explicit PhaseTimer(MPI_Comm comm) : timer_(comm, true) {}
      double lap()
      {
        timer_.stop();
        const double t = timer_.last_wall_time();
        timer_.reset();
        timer_.start();
        return t;
      }

    private:
      Timer timer_;
    };

    /// I* = (T_m - T0) I / max_{z >= z_t} theta(z) by linearity of theta in
    /// the power; unattainable if the largest rise below z_t lies deeper
    /// than z_t (the first melt would appear below the target).
    void add_target_current(nlohmann::ordered_json &summary, const CaseSetup &setup,
                            const HeatProblem &problem, double melt_rise_K, std::ostream &log)
    {
      const double z_t = *setup.beam.target_melt_depth_m;
      summary["target_melt_depth_m"] = z_t;
      if (setup.boundary.top_convection_W_per_m2K > 0. &&
          setup.boundary.ambient_temperature_K != setup.boundary.initial_temperature_K)
        {
          summary["current_for_target_depth_A"] = nullptr;
          summary["target_depth_note"] =
            "not linear in the power: the top-surface ambient temperature differs from T0";
          return;
        }
      const DepthResponse r = depth_response(problem, z_t);
      if (r.max_rise_below_K <= 0.)
        {
          summary["current_for_target_depth_A"] = nullptr;
          summary["target_depth_note"] = "no temperature rise at the target depth";
          return;
        }
      if (!r.attainable())
        {
          summary["current_for_target_depth_A"] = nullptr;
          summary["target_depth_note"] =
            "unattainable: the temperature rise peaks at depth " +
            std::to_string(r.depth_of_max_below_m * 1e6) + " um, below the target, so the first melt "
            "appears deeper than the target with this source and voltage";
          log << "  target depth " << z_t * 1e6 << " um: unattainable (rise peaks at "
              << r.depth_of_max_below_m * 1e6 << " um)\n";
          return;
        }
      const double current = setup.beam.current_A * r.power_factor(melt_rise_K);
      summary["current_for_target_depth_A"] = current;
      log << "  current for target melt depth " << z_t * 1e6 << " um: " << current << " A ("
          << current * setup.beam.voltage_V << " W of V I)\n";
    }
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
  } // namespace

  HeatOperatorCoefficients coefficients_for(const CaseSetup &setup)
  {
    HeatOperatorCoefficients c;
    c.rho_cp_J_per_m3K    = setup.material.volumetric_heat_capacity_J_per_m3K();
    c.velocity_m_per_s[0] = -setup.speed_m_per_s;
    const double k        = setup.material.conductivity_W_per_mK;
    c.conductivity_W_per_mK     = [k](const Box &) { return k; };
    c.streamline_stabilisation  = setup.discretisation.streamline_stabilisation;
    if (setup.boundary.top_convection_W_per_m2K > 0.)
      c.convection_W_per_m2K[boundary_id::top] = setup.boundary.top_convection_W_per_m2K;
    c.ambient_rise_K = setup.boundary.ambient_temperature_K - setup.boundary.initial_temperature_K;
    return c;
  }

  FieldOutputData field_output_data(const CaseSetup &setup)
  {
    FieldOutputData data;
    data.initial_temperature_K = setup.boundary.initial_temperature_K;
    data.melting_temperature_K = setup.material.melting_temperature_K;
    data.sources               = setup.source_pointers();
    return data;
  }

  const std::set<types::boundary_id> &fixed_temperature_faces()
  {
    static const std::set<types::boundary_id> faces = {boundary_id::inflow, boundary_id::side,
                                                       boundary_id::bottom};
    return faces;
  }

  std::unique_ptr<HeatProblem> build_problem(const CaseSetup &setup, MPI_Comm comm)
  {
    // Q1 keeps up to two of the mesh's refinements in its element
    // (FE_Q_iso_Q1 pieces, element_pieces.h): the same space and matrix on
    // 1/64 of deal.II's cells, which were half of the memory per DoF. More
    // would trade little memory for large elements (FE_Q_iso_Q1(8) has
    // 729 DoFs per cell).
    const unsigned int degree                 = setup.discretisation.degree;
    const unsigned int refinements_in_element = degree == 1 ? std::min(setup.mesh.refinements, 2u) : 0;
    auto problem = std::make_unique<HeatProblem>(comm, degree, 1u << refinements_in_element);
    generate_half_brick(problem->triangulation(), setup.mesh, setup.extents, setup.scales,
                        refinements_in_element);
    problem->setup(fixed_temperature_faces());
    return problem;
  }

  void assemble_and_solve(SolvedCase &solved, const CaseSetup &setup,
                          const HeatOperatorCoefficients &coefficients)
  {
    PhaseTimer   phase(solved.problem->communicator());
    HeatProblem &problem = *solved.problem;
    problem.assemble_operator(coefficients);
    solved.deposited_W = 2. * problem.assemble_sources(setup.source_pointers(), boundary_id::top);
    solved.assembly_time_s += phase.lap();
    problem.prepare_solver(setup.linear_solver);
    solved.iterations = problem.solve();
    problem.release_solver();
    solved.solve_time_s += phase.lap();
  }

  SolvedCase solve_case(const CaseSetup &setup, MPI_Comm comm, std::ostream &log,
                        const std::optional<HeatOperatorCoefficients> &coefficients)
  {
    PhaseTimer  phase(comm);
    const auto &m  = setup.material;
    const auto &bc = setup.beam_context;
    log << "ebweld: steady moving-frame heat solve\n"
        << "  material " << m.name << " (k " << m.conductivity_W_per_mK << " W/m/K, alpha "
        << m.diffusivity_m2_per_s() << " m^2/s, T_m " << m.melting_temperature_K << " K)\n"
        << "  beam V " << setup.beam.voltage_V * 1e-3 << " kV, I " << setup.beam.current_A
        << " A, d " << setup.beam.diameter_m * 1e6 << " um, U " << setup.speed_m_per_s
        << " m/s, Pe " << setup.peclet_number() << "\n"
        << "  electron range R " << bc.electron_range_m * 1e6 << " um, heating efficiency "
        << bc.heating_efficiency << ", absorbed power " << setup.absorbed_power_W() << " W\n";
    for (const auto &source : setup.sources)
      log << "  source: " << source->describe().dump() << "\n";
    for (const auto &warning : setup.warnings)
      log << "  WARNING: " << warning << "\n";

    SolvedCase solved;
    solved.problem       = build_problem(setup, comm);
    HeatProblem &problem = *solved.problem;
    solved.setup_time_s = phase.lap();
    log << "  domain xi [" << -setup.extents.behind_m * 1e6 << ", " << setup.extents.ahead_m * 1e6
        << "] um, y [0, " << setup.extents.side_m * 1e6 << "] um, z [0, "
        << setup.extents.depth_m * 1e6 << "] um; " << problem.n_global_pieces() << " cells, "
        << problem.dof_handler().n_dofs() << " DoFs on "
        << Utilities::MPI::n_mpi_processes(comm) << " MPI rank(s)\n"
        << std::flush;

    assemble_and_solve(solved, setup, coefficients ? *coefficients : coefficients_for(setup));
    log << "  solved: " << (problem.krylov_method() == "gmres" ? "GMRES" : "BiCGStab") << " + "
        << problem.preconditioner() << " (max cell Peclet "
        << problem.max_cell_peclet() << "), " << solved.iterations << " iterations\n";
    return solved;
  }

  nlohmann::ordered_json run_case(const CaseSetup  &setup,
                                  MPI_Comm          comm,
                                  const RunOptions &options,
                                  std::ostream     &log,
                                  const FillerSettings *filler)
  {
    Timer       total(comm, true);
    CoupledCase coupled;
    if (filler)
      coupled = solve_coupled_case(setup, *filler, comm, log, options.catalyst);
    else
      coupled.solved = solve_case(setup, comm, log);
    const SolvedCase &solved = coupled.solved;
    PhaseTimer       phase(comm);
    const auto      &problem = *solved.problem;
    const auto      &m       = setup.material;
    const auto      &bc      = setup.beam_context;
    const auto       dofs    = problem.dof_handler().n_dofs();
    const auto       ranks   = Utilities::MPI::n_mpi_processes(comm);
    const double     setup_time = solved.setup_time_s, assembly_time = solved.assembly_time_s,
                 solve_time = solved.solve_time_s;
    const unsigned int iterations = solved.iterations;

    const double melt_rise_K = m.melting_temperature_K - setup.boundary.initial_temperature_K;
    const MeltPool      pool    = measure_melt_pool(problem, melt_rise_K);
    const EnergyBalance balance = compute_energy_balance(problem, fixed_temperature_faces(),
                                                         setup.absorbed_power_W(), solved.deposited_W);
    const double T0        = setup.boundary.initial_temperature_K;
    // the node plane z = 0 (the top surface) comes first
    const auto planes       = max_rise_per_node_plane(problem, 2);
    const double surface_peak = planes.front().second;
    double       peak_rise    = 0.;
    for (const auto &plane : planes)
      peak_rise = std::max(peak_rise, plane.second);

    std::vector<std::string> warnings = setup.warnings;
    if (balance.conducted_out_W > 0.02 * balance.absorbed_W)
      warnings.push_back("the domain is too small: " +
                         std::to_string(100. * balance.conducted_out_W / balance.absorbed_W) +
                         " % of the absorbed power leaves through the fixed-temperature faces "
                         "(a semi-infinite solid carries it all downstream); enlarge Mesh/Half-width, "
                         "Mesh/Depth or Mesh/Length ahead of beam");
    // the tests hold the default case to 1e-6; beyond 1 % the field itself
    // is suspect, whatever the cause
    if (balance.relative_error() > 0.01)
      warnings.push_back("the energy balance is off by " +
                         std::to_string(100. * balance.relative_error()) + " %: " +
                         std::to_string(balance.absorbed_W) + " W absorbed, " +
                         std::to_string(balance.deposited_W) + " W deposited, " +
                         std::to_string(balance.leaving_W()) +
                         " W leaving; refine the mesh (Mesh/Cells per beam diameter, "
                         "Mesh/Cells per deposition depth) or enlarge the domain");
    if (pool.melted && pool.rear_xi_m < -setup.extents.behind_m * 0.999)
      warnings.push_back("the melt pool reaches the outflow face: its length is truncated; "
                         "enlarge Mesh/Length behind beam (um)");

    nlohmann::ordered_json s;
    s["dofs"]                  = dofs;
    s["cells"]                 = problem.n_global_pieces();
    s["mpi_ranks"]             = ranks;
    s["wall_time_s"]           = 0.; // set below, after output
    s["setup_time_s"]          = setup_time;
    s["assembly_time_s"]       = assembly_time;
    s["solve_time_s"]          = solve_time;
    s["linear_iterations"]     = iterations;
    s["preconditioner"]        = problem.preconditioner();
    s["krylov_method"]         = problem.krylov_method();
    s["max_cell_peclet"]       = problem.max_cell_peclet();
    s["element_degree"]        = setup.discretisation.degree;
    s["material"]              = m.name;
    s["source_type"]           = setup.sources.size() == 1 ? setup.sources[0]->name() : std::string("combined");
    s["sources"]               = nlohmann::ordered_json::array();
    for (const auto &source : setup.sources)
      s["sources"].push_back(source->describe());
    s["beam_voltage_V"]        = setup.beam.voltage_V;
    s["beam_current_A"]        = setup.beam.current_A;
    s["beam_diameter_m"]       = setup.beam.diameter_m;
    s["travel_speed_m_per_s"]  = setup.speed_m_per_s;
    s["peclet_number"]         = setup.peclet_number();
    s["electron_range_m"]      = bc.electron_range_m;
    s["heating_efficiency"]    = bc.heating_efficiency;
    s["absorbed_power_W"]      = balance.absorbed_W;
    s["deposited_power_W"]     = balance.deposited_W;
    s["heat_input_J_per_m"]    = setup.beam.voltage_V * setup.beam.current_A / setup.speed_m_per_s;
    s["initial_temperature_K"] = T0;
    s["melting_temperature_K"] = m.melting_temperature_K;
    s["peak_temperature_K"]    = T0 + peak_rise;
    s["peak_surface_temperature_K"] = T0 + surface_peak;
    s["peak_surface_over_boiling"]  = (T0 + surface_peak) / m.boiling_temperature_K;
    s["melted"]                = pool.melted;
    s["melt_depth_m"]          = pool.depth_m;
    s["melt_half_width_m"]     = pool.half_width_m;
    s["melt_length_m"]         = pool.length_m;
    s["melt_front_xi_m"]       = pool.front_xi_m;
    s["melt_rear_xi_m"]        = pool.rear_xi_m;
    s["energy_balance_relative_error"] = balance.relative_error();
    s["heat_advected_out_W"]   = balance.advected_out_W;
    s["heat_conducted_out_W"]  = balance.conducted_out_W;
    s["heat_convected_out_W"]  = balance.convected_out_W;
    s["domain_m"] = {{"xi_min", -setup.extents.behind_m}, {"xi_max", setup.extents.ahead_m},
                     {"y_max", setup.extents.side_m},    {"z_max", setup.extents.depth_m}};

    log << std::setprecision(5) << "  peak temperature " << T0 + peak_rise << " K (surface "
        << T0 + surface_peak << " K, boiling point " << m.boiling_temperature_K << " K)\n";
    if (pool.melted)
      log << "  melt pool: depth " << pool.depth_m * 1e6 << " um, half-width "
          << pool.half_width_m * 1e6 << " um, length " << pool.length_m * 1e6 << " um (xi "
          << pool.rear_xi_m * 1e6 << " to " << pool.front_xi_m * 1e6 << " um)\n";
    else
      log << "  no melting (peak below T_m = " << m.melting_temperature_K << " K)\n";
    log << "  energy balance: absorbed " << balance.absorbed_W << " W, deposited "
        << balance.deposited_W << " W; out by advection " << balance.advected_out_W
        << " W, conduction " << balance.conducted_out_W << " W, convection "
        << balance.convected_out_W << " W; relative error " << balance.relative_error() << "\n";
    if (setup.beam.target_melt_depth_m)
      add_target_current(s, setup, problem, melt_rise_K, log);
    if (filler)
      {
        s["interface"] = describe_interface(coupled, *filler);
        if (!coupled.converged)
          warnings.push_back("the interface coupling did not converge");
      }
    const double postprocess_time = phase.lap();

    if (options.write_fields || options.write_profiles || options.write_summary)
      make_directories(options.output_directory);
    FieldOutputData data = field_output_data(setup);
    if (filler)
      data.cell_fields = interface_cell_fields(coupled, *filler);
    if (options.write_fields)
      log << "  fields: " << write_fields(problem, data, options.output_directory, "fields") << "\n";
    if (options.catalyst)
      {
        auto parameters = options.catalyst_parameters;
        for (const char *key : {"melt_depth_m", "melt_half_width_m", "melt_length_m", "peak_temperature_K"})
          parameters[key] = s[key];
        const int  step =
          options.catalyst_time_step >= 0 ? options.catalyst_time_step : options.catalyst->calls();
        Timer      timer(comm, true);
        // a run's final state always; a study's cases at the session's interval
        const auto handed = options.catalyst->coprocess(problem, data, step + 1., step, parameters,
                                                        options.catalyst_time_step < 0);
        timer.stop();
        s["catalyst"] = {{"time_step", step},
                         {"points_handed", handed.first},
                         {"cells_handed", handed.second},
                         {"time_s", timer.wall_time()},
                         {"startup_time_s", options.catalyst->startup_time_s()}};
        log << "  fields handed to Catalyst\n";
      }
    if (options.write_profiles)
      write_line_profiles(problem, T0, pool.widest_xi_m, options.output_directory);
    if (filler && options.write_profiles && Utilities::MPI::this_mpi_process(comm) == 0)
      write_interface_tables(coupled, options.output_directory);
    const double output_time = phase.lap();

    const double memory_bytes = Utilities::MPI::sum(peak_resident_bytes(), comm);
    s["peak_memory_bytes"]    = memory_bytes;
    s["memory_per_dof_bytes"] = memory_bytes / dofs;
    s["postprocess_time_s"] = postprocess_time;
    s["output_time_s"]      = output_time;
    s["warnings"]           = warnings;
    total.stop();
    s["wall_time_s"] = total.wall_time();
    for (const auto &warning : warnings)
      if (std::find(setup.warnings.begin(), setup.warnings.end(), warning) == setup.warnings.end())
        log << "  WARNING: " << warning << "\n";
    log << "  times [s]: setup " << setup_time << ", assembly " << assembly_time << ", solve "
        << solve_time << ", postprocess " << postprocess_time << ", output " << output_time
        << ", total " << s["wall_time_s"].get<double>() << "\n";

    if (options.write_summary && Utilities::MPI::this_mpi_process(comm) == 0)
      write_file_atomically(options.output_directory + "/summary.json",
                            [&](std::ostream &out) { out << s.dump(2) << "\n"; });
    return s;
  }
} // namespace ebweld
