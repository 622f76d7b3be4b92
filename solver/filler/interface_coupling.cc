#include "solver/filler/interface_coupling.h"

#include "solver/post/melt_pool.h"

#include <deal.II/base/mpi.h>

#include <cmath>
#include <functional>

namespace ebweld
{
  using namespace dealii;

  namespace
  {
    /// k_eff / k_particle at every streamline sample: [point][xi index].
    std::vector<std::vector<double>> conductivity_ratios(const InterfaceState &state,
                                                         const FillerSettings &filler)
    {
      const std::size_t neck    = state.column("neck_ratio"),
                        density = state.column("relative_density");
      auto ratios               = state.values[neck];
      for (std::size_t j = 0; j < ratios.size(); ++j)
        for (std::size_t k = 0; k < ratios[j].size(); ++k)
          ratios[j][k] =
              filler.conductivity_ratio(state.values[neck][j][k], state.values[density][j][k]);
      return ratios;
    }

    /// Largest change of any final state, relative to max(|value|, 1).
    double largest_state_change(const InterfaceState &now, const InterfaceState &before)
    {
      double change = 0.;
      for (std::size_t c = 0; c < now.names.size(); ++c)
        {
          const auto a = now.final_values(c), b = before.final_values(c);
          for (std::size_t j = 0; j < a.size(); ++j)
            if (std::isfinite(a[j]) || std::isfinite(b[j]))
              change = std::max(change, std::abs(a[j] - b[j]) / std::max(std::abs(a[j]), 1.));
        }
      return change;
    }

    /// The state of unheated filler (the submodels at T0 for no time).
    InterfaceState initial_state(const SubmodelList &models, const double T0)
    {
      InterfaceState state;
      state.xi_m = {0.}, state.across_m = {0.};
      const ThermalHistory at_rest({0.}, {T0}, "initial state");
      for (const auto &model : models)
        {
          const auto result = model->evolve(at_rest, {0.});
          const auto names  = model->state_names();
          for (std::size_t c = 0; c < names.size(); ++c)
            {
              state.names.push_back(names[c]);
              state.values.push_back({{result.states[0][c]}});
            }
        }
      return state;
    }

    /// k_eff / k_particle on the streamline grid of the last solve.
    struct RatioTable
    {
      std::vector<std::vector<double>> ratio;
      std::vector<double>              xi = {0.}, across = {0.};

      double at(const double xi_m, const double across_m) const
      {
        return interpolate_on_streamlines(ratio, across, xi, xi_m, across_m);
      }
    };

    /// Where the streamlines cross the interface: `Points` positions out to
    /// `Extent` (default 1.5 times the first solve's melt depth or
    /// half-width, or the bulk deposition depth or beam diameter without melt).
    std::vector<double> points_across_interface(const FillerSettings &filler,
                                                const CaseSetup &setup, const MeltPool &pool)
    {
      const double        scale  = filler.joint == JointType::butt
                                       ? (pool.melted ? pool.depth_m : setup.scales.bulk_depth_m)
                                       : (pool.melted ? pool.half_width_m : setup.beam.diameter_m);
      const double        extent = filler.extent_m.value_or(1.5 * scale);
      std::vector<double> points;
      for (unsigned int j = 0; j < filler.points; ++j)
        points.push_back(extent * j / (filler.points - 1.));
      return points;
    }

    /// Mean conductivity of the filler layer, weighted by each piece's
    /// fraction inside it [W/m/K].
    double mean_filler_conductivity(const HeatProblem &problem, const FillerSettings &filler,
                                    const std::function<double(const Box &)> &conductivity,
                                    MPI_Comm                                  comm)
    {
      double k_sum = 0., volume = 0.;
      for (const auto &cell : problem.dof_handler().active_cell_iterators())
        if (cell->is_locally_owned())
          {
            const Box cell_extent = cell_box(cell);
            for (unsigned int s = 0; s < problem.pieces().size(); ++s)
              {
                const Box piece = problem.pieces().box(cell_extent, s);
                if (const double f = filler.layer_fraction(piece); f > 0.)
                  {
                    k_sum += conductivity(piece) * f * piece.volume();
                    volume += f * piece.volume();
                  }
              }
          }
      return Utilities::MPI::sum(k_sum, comm) / std::max(Utilities::MPI::sum(volume, comm), 1e-300);
    }

    /// Moves the table by Relaxation towards k_eff(state), on the
    /// streamline grid of `state`.
    void relax_towards(RatioTable &table, const InterfaceState &state, const FillerSettings &filler,
                       const std::vector<double> &points_across)
    {
      const auto                       target  = conductivity_ratios(state, filler);
      std::vector<std::vector<double>> relaxed = target;
      for (std::size_t j = 0; j < relaxed.size(); ++j)
        for (std::size_t k = 0; k < relaxed[j].size(); ++k)
          relaxed[j][k] = filler.relaxation * target[j][k] +
                          (1. - filler.relaxation) * table.at(state.xi_m[k], points_across[j]);
      table.ratio  = relaxed;
      table.xi     = state.xi_m;
      table.across = points_across;
    }

    void log_filler(std::ostream &log, const FillerSettings &filler)
    {
      log << "  interface filler: " << (filler.joint == JointType::butt ? "butt" : "lap")
          << " joint, " << filler.particles.material.name << " particles of radius "
          << filler.particles.radius_m * 1e9 << " nm, "
          << (filler.coupling == CouplingMode::two_way ? "two-way" : "one-way") << " coupling\n";
    }
  } // namespace

  CoupledCase solve_coupled_case(const CaseSetup &setup, const FillerSettings &filler,
                                 MPI_Comm comm, std::ostream &log, CatalystSession *catalyst)
  {
    CoupledCase coupled;
    coupled.filler          = filler;
    const double T0         = setup.boundary.initial_temperature_K;
    const double k_bulk     = setup.material.conductivity_W_per_mK;
    const double k_particle = filler.particles.material.conductivity_W_per_mK;
    const bool   two_way    = filler.coupling == CouplingMode::two_way;

    // The table starts as the unheated bed. The conductivity callback owns
    // what it reads (by value and a shared table): the solved problem keeps
    // the callback after this function returns (energy balance, output).
    InterfaceState previous = initial_state(filler.models, T0);
    const auto     table    = std::make_shared<RatioTable>();
    table->ratio =
        two_way ? conductivity_ratios(previous, filler) : std::vector<std::vector<double>>{{1.}};
    const auto conductivity = [table, filler, k_bulk, k_particle, two_way](const Box &box) {
      const double f = filler.layer_fraction(box);
      if (f == 0. || !two_way)
        return k_bulk;
      return (1. - f) * k_bulk + f * k_particle * table->at(box.center()[0], filler.across(box));
    };
    HeatOperatorCoefficients coefficients = coefficients_for(setup);
    coefficients.conductivity_W_per_mK    = conductivity;

    std::vector<double> points_across;
    double              previous_depth = 0.;
    for (unsigned int iteration = 1; iteration <= filler.max_iterations; ++iteration)
      {
        if (iteration == 1)
          {
            coupled.solved = solve_case(setup, comm, log, coefficients);
            log_filler(log, filler);
          }
        else
          assemble_and_solve(coupled.solved, setup, coefficients, log);
        const HeatProblem &problem = *coupled.solved.problem;
        const MeltPool pool = measure_melt_pool(problem, setup.material.melting_temperature_K - T0);
        if (iteration == 1)
          points_across = points_across_interface(filler, setup, pool);
        coupled.state = compute_interface_state(problem, filler, filler.models, points_across, T0,
                                                setup.speed_m_per_s);

        CouplingIteration record;
        record.melt_depth_m      = pool.depth_m;
        record.linear_iterations = coupled.solved.iterations;
        record.depth_change      = iteration == 1 ? 1.
                                                  : std::abs(pool.depth_m - previous_depth) /
                                                   std::max(pool.depth_m, 1e-300);
        record.state_change = iteration == 1 ? 1. : largest_state_change(coupled.state, previous);
        record.mean_filler_conductivity_W_per_mK =
            mean_filler_conductivity(problem, filler, conductivity, comm);
        coupled.iterations.push_back(record);
        log << "  coupling iteration " << iteration << ": melt depth " << pool.depth_m * 1e6
            << " um, change " << record.depth_change << " (depth), " << record.state_change
            << " (state); mean filler k " << record.mean_filler_conductivity_W_per_mK << " W/m/K\n"
            << std::flush;
        previous_depth    = pool.depth_m;
        coupled.converged = !two_way || (iteration > 1 && record.depth_change < filler.tolerance &&
                                         record.state_change < filler.tolerance);
        if (coupled.converged)
          break;
        if (catalyst) // an intermediate state: the conductivity it was solved with
          {
            FieldOutputData data = field_output_data(setup);
            data.cell_fields.emplace_back("conductivity_W_per_mK", conductivity);
            const int step = catalyst->calls();
            catalyst->coprocess(
                problem, data, step + 1., step,
                {{"coupling_iteration", iteration}, {"melt_depth_m", pool.depth_m}});
          }
        relax_towards(*table, coupled.state, filler, points_across);
        previous = coupled.state;
      }
    if (!coupled.converged)
      log << "  WARNING: the coupling did not converge in " << filler.max_iterations
          << " iterations (Interface filler/Maximum iterations); try a Relaxation below 1\n";

    coupled.conductivity_W_per_mK = conductivity;
    return coupled;
  }
} // namespace ebweld
