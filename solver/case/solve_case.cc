#include "solver/case/solve_case.h"

#include "solver/base/phase_timer.h"

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

  std::unique_ptr<HeatProblem> build_problem(const CaseSetup &setup, MPI_Comm comm)
  {
    // Q1 keeps up to two of the mesh's refinements in its element
    // (FE_Q_iso_Q1 pieces, element_pieces.h): the same space and matrix on
    // 1/64 of deal.II's cells, which were half of the memory per DoF. More
    // would trade little memory for large elements (FE_Q_iso_Q1(8) has
    // 729 DoFs per cell).
    const unsigned int degree = setup.discretisation.degree;
    const unsigned int refinements_in_element =
        degree == 1 ? std::min(setup.mesh.refinements, 2u) : 0;
    auto problem = std::make_unique<HeatProblem>(comm, degree, 1u << refinements_in_element);
    generate_half_brick(problem->triangulation(), setup.mesh, setup.extents, setup.scales,
                        refinements_in_element);
    problem->setup(fixed_temperature_faces());
    return problem;
  }

  void assemble_and_solve(SolvedCase &solved, const CaseSetup &setup,
                          const HeatOperatorCoefficients &coefficients, std::ostream &log)
  {
    PhaseTimer   phase(solved.problem->communicator());
    HeatProblem &problem = *solved.problem;
    problem.assemble_operator(coefficients);
    solved.deposited_W = 2. * problem.assemble_sources(setup.source_pointers(), boundary_id::top);
    solved.assembly_time_s += phase.lap();
    if (setup.temperature_dependent())
      {
        const KirchhoffModel model{*setup.kirchhoff_map, setup.surface_losses, boundary_id::top,
                                   setup.solidus_K()};
        solved.iterations =
            solve_kirchhoff(problem, model, setup.nonlinear_solver, setup.linear_solver, log);
      }
    else
      {
        problem.prepare_solver(setup.linear_solver);
        solved.iterations = problem.solve();
        problem.release_solver();
      }
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
    solved.setup_time_s  = phase.lap();
    log << "  domain xi [" << -setup.extents.behind_m * 1e6 << ", " << setup.extents.ahead_m * 1e6
        << "] um, y [0, " << setup.extents.side_m * 1e6 << "] um, z [0, "
        << setup.extents.depth_m * 1e6 << "] um; " << problem.n_global_pieces() << " cells, "
        << problem.dof_handler().n_dofs() << " DoFs on " << Utilities::MPI::n_mpi_processes(comm)
        << " MPI rank(s)\n"
        << std::flush;

    if (setup.temperature_dependent())
      log << "  temperature-dependent properties: solidus " << setup.solidus_K() << " K, liquidus "
          << setup.liquidus_K() << " K, melting range smoothed to at least "
          << setup.material_model.melting_smoothing_K << " K; radiation "
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
