#include "solver/case/solve_case.h"

#include "solver/base/input_error.h"
#include "solver/base/phase_timer.h"
#include "solver/fe/isotherm_resolution.h"

#include <deal.II/base/utilities.h>

#include <algorithm>

namespace ebweld
{
  using namespace dealii;

  HeatOperatorCoefficients coefficients_for(const CaseSetup &setup)
  {
    HeatOperatorCoefficients c;
    c.velocity_m_per_s[0]      = -setup.speed_m_per_s;
    c.streamline_stabilisation = setup.discretisation.streamline_stabilisation;
    c.ambient_rise_K = setup.boundary.ambient_temperature_K - setup.boundary.initial_temperature_K;
    if (setup.temperature_dependent())
      {
        // the operator at T0's properties; the surface losses, convection
        // included, are the nonlinear solve's (kirchhoff_solver.h)
        const KirchhoffMap &map = *setup.kirchhoff_map;
        c.rho_cp_J_per_m3K      = map.reference_heat_capacity_J_per_m3K();
        const double k0         = map.reference_conductivity_W_per_mK();
        c.conductivity_W_per_mK = [k0](const Box &) { return k0; };
        return c;
      }
    c.rho_cp_J_per_m3K      = setup.material.volumetric_heat_capacity_J_per_m3K();
    const double k          = setup.material.conductivity_W_per_mK;
    c.conductivity_W_per_mK = [k](const Box &) { return k; };
    if (setup.boundary.top_convection_W_per_m2K > 0.)
      c.convection_W_per_m2K[boundary_id::top] = setup.boundary.top_convection_W_per_m2K;
    return c;
  }

  const std::set<types::boundary_id> &fixed_temperature_faces()
  {
    static const std::set<types::boundary_id> faces = {boundary_id::inflow, boundary_id::side,
                                                       boundary_id::bottom};
    return faces;
  }

  CaseResources check_case_resources(const CaseSetup &setup, const unsigned int ranks,
                                     const double available_bytes)
  {
    CaseResources resources;
    resources.estimate = estimate_resources(setup.mesh_plan, setup.discretisation.degree,
                                            setup.temperature_dependent(), ranks);
    resources.warning =
        check_resources(resources.estimate, setup.resources, available_bytes, setup.mesh_inputs());
    return resources;
  }

  CaseResources check_case_resources(const CaseSetup &setup, MPI_Comm comm)
  {
    return check_case_resources(setup, Utilities::MPI::n_mpi_processes(comm),
                                Utilities::MPI::sum(rank_memory_share_bytes(), comm));
  }

  std::unique_ptr<HeatProblem> build_problem(const CaseSetup &setup, MPI_Comm comm)
  {
    check_case_resources(setup, comm);
    // Q1 keeps up to two of the mesh's refinements in its element
    // (FE_Q_iso_Q1 pieces, element_pieces.h): the same space and matrix on
    // 1/64 of deal.II's cells, which were half of the memory per DoF. More
    // would trade little memory for large elements (FE_Q_iso_Q1(8) has
    // 729 DoFs per cell).
    const unsigned int degree = setup.discretisation.degree;
    const unsigned int refinements_in_element =
        degree == 1 ? std::min(setup.mesh.refinements, 2u) : 0;
    auto problem = std::make_unique<HeatProblem>(comm, degree, 1u << refinements_in_element);
    generate_half_brick(problem->triangulation(), setup.mesh_plan, refinements_in_element);
    problem->setup(fixed_temperature_faces());
    return problem;
  }

  namespace
  {
    unsigned int solve_linear(HeatProblem &problem, const LinearSolverSettings &settings)
    {
      problem.prepare_solver(settings);
      const unsigned int iterations = problem.solve();
      problem.release_solver();
      return iterations;
    }
    /// The melting range's smoothing and the map with it: the input's, or
    /// (auto) widened to what the mesh resolves at the fusion line of the
    /// linear predictor in `problem`'s rise.
    struct MeltingSmoothing
    {
      double                              width_K = 0.;
      std::shared_ptr<const KirchhoffMap> resolved_map;
    };

    MeltingSmoothing melting_smoothing(const CaseSetup &setup, const HeatProblem &problem)
    {
      const auto &model = setup.material_model;
      if (model.melting_smoothing_K)
        return {*model.melting_smoothing_K, setup.kirchhoff_map};
      const double T0         = setup.boundary.initial_temperature_K;
      const double melting_K  = 0.5 * (setup.solidus_K() + setup.liquidus_K());
      const double resolution = isotherm_cell_spread_K(problem, melting_K - T0);
      // capped where a coarse mesh would blur the melting range into the
      // solid's heating (775 K on ti64_surface_evaporation's mesh)
      const double width_K =
          std::clamp(resolution, MaterialModelSettings::automatic_smoothing_floor_K,
                     MaterialModelSettings::automatic_smoothing_cap * (melting_K - T0));
      return {width_K,
              std::make_shared<const KirchhoffMap>(*setup.material.thermal, T0, width_K,
                                                   setup.kirchhoff_map->top_temperature_K())};
    }
  } // namespace

  void assemble_and_solve(SolvedCase &solved, const CaseSetup &setup,
                          const HeatOperatorCoefficients &coefficients, std::ostream &log)
  {
    PhaseTimer   phase(solved.problem->communicator());
    HeatProblem &problem = *solved.problem;
    if (!setup.temperature_dependent())
      {
        problem.assemble_operator(coefficients);
        solved.deposited_W =
            2. * problem.assemble_sources(setup.source_pointers(), boundary_id::top);
        solved.assembly_time_s += phase.lap();
        solved.iterations = solve_linear(problem, setup.linear_solver);
        solved.solve_time_s += phase.lap();
        return;
      }
    // Newton starts from the linear solution at mean properties, solved
    // first; then the operator at T0's properties is the nonlinear one's
    const auto predictor = predictor_coefficients(coefficients, *setup.kirchhoff_map,
                                                  setup.solidus_K(), setup.liquidus_K());
    problem.assemble_operator(predictor);
    solved.deposited_W = 2. * problem.assemble_sources(setup.source_pointers(), boundary_id::top);
    solved.assembly_time_s += phase.lap();
    solved.iterations = solve_linear(problem, setup.linear_solver);
    log << "  linear predictor at the mean properties up to melting (k "
        << predictor.conductivity_W_per_mK(Box{}) << " W/m/K, rho c_p "
        << predictor.rho_cp_J_per_m3K << " J/m^3/K): " << solved.iterations
        << " Krylov iterations, peak "
        << setup.boundary.initial_temperature_K + problem.rise().linfty_norm() << " K\n";
    const MeltingSmoothing smoothing = melting_smoothing(setup, problem);
    log << "  melting range smoothed over " << smoothing.width_K << " K"
        << (setup.material_model.melting_smoothing_K
                ? " (Material/Melting range smoothing (K))\n"
                : " (auto: the predictor's temperature change across a cell at the fusion "
                  "line, within [" +
                      format_value(MaterialModelSettings::automatic_smoothing_floor_K) + " K, " +
                      format_value(MaterialModelSettings::automatic_smoothing_cap) +
                      " (T_m - T0)])\n");
    problem.assemble_operator(coefficients);
    const KirchhoffModel model{smoothing.resolved_map, setup.surface_losses,
                               boundary_id::top,       setup.solidus_K(),
                               smoothing.width_K,      predictor.rho_cp_J_per_m3K};
    auto solver = std::make_unique<KirchhoffSolver>(problem, model, setup.nonlinear_solver,
                                                    setup.linear_solver, log);
    // kept for the target-depth search (solver/run/target_depth_search.h)
    if (setup.beam.target_melt_depth_m)
      solved.kirchhoff = std::move(solver);
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
      log << "  WARNING: " << printable(warning) << "\n";

    SolvedCase solved;
    solved.resources = check_case_resources(setup, comm);
    log << "  estimate: " << solved.resources.estimate.describe() << "\n";
    if (solved.resources.warning)
      log << "  WARNING: " << *solved.resources.warning << "\n";
    log << std::flush;
    solved.problem       = build_problem(setup, comm);
    HeatProblem &problem = *solved.problem;
    solved.setup_time_s  = phase.lap();
    log << "  domain xi [" << -setup.extents.behind_m * 1e6 << ", " << setup.extents.ahead_m * 1e6
        << "] um, y [0, " << setup.extents.side_m * 1e6 << "] um, z [0, "
        << setup.extents.depth_m * 1e6 << "] um; " << problem.n_global_pieces() << " cells, "
        << problem.dof_handler().n_dofs() << " DoFs on " << Utilities::MPI::n_mpi_processes(comm)
        << " MPI rank(s)\n"
        << std::flush;

    if (setup.temperature_dependent())
      log << "  temperature-dependent properties: solidus " << setup.solidus_K() << " K, liquidus "
          << setup.liquidus_K() << " K; radiation "
          << (setup.surface_losses.emissivity > 0. ? "on" : "off") << ", evaporation "
          << (setup.surface_losses.evaporates() ? "on" : "off") << "\n";
    assemble_and_solve(solved, setup, coefficients ? *coefficients : coefficients_for(setup), log);
    if (const NonlinearState *nonlinear = problem.nonlinear())
      log << "  solved: Newton, " << nonlinear->newton_iterations << " iterations in "
          << nonlinear->continuation_steps << " continuation level(s), "
          << nonlinear->linear_iterations << " Krylov iterations (max cell Peclet at T0 "
          << problem.max_cell_peclet() << ")\n";
    else
      log << "  solved: " << (problem.krylov_method() == "gmres" ? "GMRES" : "BiCGStab") << " + "
          << problem.preconditioner() << " (max cell Peclet " << problem.max_cell_peclet() << "), "
          << solved.iterations << " iterations\n";
    return solved;
  }
} // namespace ebweld
