#include "solver/interface_coupling.h"

#include "solver/csv_table.h"
#include "solver/melt_pool.h"

#include <deal.II/base/mpi.h>

#include <cmath>

namespace ebweld
{
  using namespace dealii;

  namespace
  {
    /// k_eff / k_particle at every streamline sample: [point][xi index].
    std::vector<std::vector<double>> conductivity_ratios(const InterfaceState &state,
                                                         const FillerSettings &filler)
    {
      const std::size_t neck = state.column("neck_ratio"), density = state.column("relative_density");
      auto ratios = state.values[neck];
      for (std::size_t j = 0; j < ratios.size(); ++j)
        for (std::size_t k = 0; k < ratios[j].size(); ++k)
          ratios[j][k] = filler.conductivity_ratio(state.values[neck][j][k], state.values[density][j][k]);
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
    InterfaceState initial_state(const SubmodelList &models,
                                 const double T0)
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

    double across(const Box &box, const FillerSettings &filler)
    {
      return box.center()[filler.across_axis()];
    }
  } // namespace

  CoupledCase solve_coupled_case(const CaseSetup      &setup,
                                 const FillerSettings &filler,
                                 MPI_Comm              comm,
                                 std::ostream         &log,
                                 CatalystSession      *catalyst)
  {
    const auto  &models = filler.models;
    CoupledCase  coupled;
    const double T0     = setup.boundary.initial_temperature_K;
    const double k_bulk = setup.material.conductivity_W_per_mK;
    const double k_particle = filler.particles.material.conductivity_W_per_mK;
    const bool two_way = filler.coupling == CouplingMode::two_way;

    // k_eff / k_particle on the streamline grid; starts as the unheated
    // bed. The conductivity callback owns what it reads (by value and a
    // shared table): the solved problem keeps the callback after this
    // function returns (energy balance, output).
    struct RatioTable
    {
      std::vector<std::vector<double>> ratio;
      std::vector<double>              xi = {0.}, across = {0.};
    };
    InterfaceState previous = initial_state(models, T0);
    const auto     table    = std::make_shared<RatioTable>();
    table->ratio = two_way ? conductivity_ratios(previous, filler) : std::vector<std::vector<double>>{{1.}};
    const auto conductivity = [table, filler, k_bulk, k_particle, two_way](const Box &box) {
      const double f = filler.layer_fraction(box);
      if (f == 0. || !two_way)
        return k_bulk;
      const double r = interpolate_on_streamlines(table->ratio, table->across, table->xi,
                                                  box.center()[0], across(box, filler));
      return (1. - f) * k_bulk + f * k_particle * r;
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
            log << "  interface filler: " << (filler.joint == JointType::butt ? "butt" : "lap")
                << " joint, " << filler.particles.material.name << " particles of radius "
                << filler.particles.radius_m * 1e9 << " nm, " << (two_way ? "two-way" : "one-way")
                << " coupling\n";
          }
        else
          assemble_and_solve(coupled.solved, setup, coefficients);
        const HeatProblem &problem = *coupled.solved.problem;
        const MeltPool     pool    = measure_melt_pool(problem, setup.material.melting_temperature_K - T0);
        if (iteration == 1)
          {
            const double scale = filler.joint == JointType::butt ?
                                   (pool.melted ? pool.depth_m : setup.scales.bulk_depth_m) :
                                   (pool.melted ? pool.half_width_m : setup.beam.diameter_m);
            const double extent = filler.extent_m.value_or(1.5 * scale);
            for (unsigned int j = 0; j < filler.points; ++j)
              points_across.push_back(extent * j / (filler.points - 1.));
          }
        coupled.state =
          compute_interface_state(problem, filler, models, points_across, T0, setup.speed_m_per_s);

        CouplingIteration record;
        record.melt_depth_m      = pool.depth_m;
        record.linear_iterations = coupled.solved.iterations;
        record.depth_change =
          iteration == 1 ? 1. : std::abs(pool.depth_m - previous_depth) / std::max(pool.depth_m, 1e-300);
        record.state_change =
          iteration == 1 ? 1. : largest_state_change(coupled.state, previous);
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
        record.mean_filler_conductivity_W_per_mK =
          Utilities::MPI::sum(k_sum, comm) / std::max(Utilities::MPI::sum(volume, comm), 1e-300);
        coupled.iterations.push_back(record);
        log << "  coupling iteration " << iteration << ": melt depth " << pool.depth_m * 1e6
            << " um, change " << record.depth_change << " (depth), " << record.state_change
            << " (state); mean filler k " << record.mean_filler_conductivity_W_per_mK << " W/m/K\n"
            << std::flush;
        previous_depth = pool.depth_m;
        if (!two_way)
          {
            coupled.converged = true;
            break;
          }
        if (iteration > 1 && record.depth_change < filler.tolerance && record.state_change < filler.tolerance)
          {
            coupled.converged = true;
            break;
          }
        if (catalyst) // an intermediate state: the conductivity it was solved with
          {
            FieldOutputData data = field_output_data(setup);
            data.cell_fields.emplace_back("conductivity_W_per_mK", conductivity);
            const int step = catalyst->calls();
            catalyst->coprocess(problem, data, step + 1., step,
                                {{"coupling_iteration", iteration}, {"melt_depth_m", pool.depth_m}});
          }
        // relax towards k_eff(state) on the streamline grid of this solve
        const auto target = conductivity_ratios(coupled.state, filler);
        std::vector<std::vector<double>> relaxed = target;
        for (std::size_t j = 0; j < relaxed.size(); ++j)
          for (std::size_t k = 0; k < relaxed[j].size(); ++k)
            relaxed[j][k] = filler.relaxation * target[j][k] +
                            (1. - filler.relaxation) *
                              interpolate_on_streamlines(table->ratio, table->across, table->xi,
                                                         coupled.state.xi_m[k], points_across[j]);
        table->ratio  = relaxed;
        table->xi     = coupled.state.xi_m;
        table->across = points_across;
        previous     = coupled.state;
      }
    if (!coupled.converged)
      log << "  WARNING: the coupling did not converge in " << filler.max_iterations
          << " iterations (Interface filler/Maximum iterations); try a Relaxation below 1\n";

    coupled.conductivity_W_per_mK = conductivity;
    return coupled;
  }

  nlohmann::ordered_json describe_interface(const CoupledCase &coupled, const FillerSettings &filler)
  {
    const auto            &state = coupled.state;
    nlohmann::ordered_json j;
    j["joint"]               = filler.joint == JointType::butt ? "butt" : "lap";
    j["layer_width_m"]       = filler.layer_width_m;
    j["particle_material"]   = filler.particles.material.name;
    j["particle_radius_m"]   = filler.particles.radius_m;
    j["coupling"]            = filler.coupling == CouplingMode::two_way ? "two-way" : "one-way";
    j["converged"]           = coupled.converged;
    j["coupling_iterations"] = coupled.iterations.size();
    j["across_axis"]         = filler.across_axis() == 2 ? "z" : "y";
    j["points_m"]            = state.across_m;
    j["peak_temperature_K"]  = state.peak_temperature_K;
    j["threshold_temperature_K"] = filler.threshold_temperature_K;
    j["time_above_threshold_s"]  = state.time_above_threshold_s;
    for (std::size_t c = 0; c < state.names.size(); ++c)
      {
        nlohmann::ordered_json values = nlohmann::ordered_json::array();
        for (const double v : state.final_values(c))
          values.push_back(std::isfinite(v) ? nlohmann::ordered_json(v) : nlohmann::ordered_json(nullptr));
        j["final_" + state.names[c]] = values;
      }
    auto &history = j["iteration_history"];
    history       = nlohmann::ordered_json::array();
    for (const auto &it : coupled.iterations)
      history.push_back({{"melt_depth_m", it.melt_depth_m},
                         {"depth_change", it.depth_change},
                         {"state_change", it.state_change},
                         {"mean_filler_conductivity_W_per_mK", it.mean_filler_conductivity_W_per_mK},
                         {"linear_iterations", it.linear_iterations}});
    return j;
  }

  void write_interface_tables(const CoupledCase &coupled, const std::string &directory)
  {
    const auto &state = coupled.state;
    CsvTable    histories;
    histories.columns = {"point", "across_m", "xi_m", "time_s", "temperature_K"};
    for (const auto &name : state.names)
      histories.columns.push_back(name);
    for (std::size_t j = 0; j < state.across_m.size(); ++j)
      for (std::size_t k = state.xi_m.size(); k-- > 0;) // in time order
        {
          std::vector<double> row = {double(j), state.across_m[j], state.xi_m[k], state.time_s[k],
                                     state.temperature_K[j][k]};
          for (const auto &column : state.values)
            row.push_back(column[j][k]);
          histories.rows.push_back(row);
        }
    CsvTable final_state;
    final_state.columns = {"point", "across_m", "peak_temperature_K", "time_above_threshold_s"};
    for (const auto &name : state.names)
      final_state.columns.push_back(name);
    std::vector<std::vector<double>> finals; // [column][point]
    for (std::size_t c = 0; c < state.names.size(); ++c)
      finals.push_back(state.final_values(c));
    for (std::size_t j = 0; j < state.across_m.size(); ++j)
      {
        std::vector<double> row = {double(j), state.across_m[j], state.peak_temperature_K[j],
                                   state.time_above_threshold_s[j]};
        for (const auto &column : finals)
          row.push_back(column[j]);
        final_state.rows.push_back(row);
      }
    CsvTable iterations;
    iterations.columns = {"iteration", "melt_depth_m", "depth_change", "state_change",
                          "mean_filler_conductivity_W_per_mK", "linear_iterations"};
    for (std::size_t i = 0; i < coupled.iterations.size(); ++i)
      {
        const auto &it = coupled.iterations[i];
        iterations.rows.push_back({i + 1., it.melt_depth_m, it.depth_change, it.state_change,
                                   it.mean_filler_conductivity_W_per_mK, double(it.linear_iterations)});
      }
    write_csv_atomically(directory + "/interface_histories.csv", histories);
    write_csv_atomically(directory + "/interface_state.csv", final_state);
    write_csv_atomically(directory + "/coupling_history.csv", iterations);
  }

  std::vector<std::pair<std::string, std::function<double(const Box &)>>>
  interface_cell_fields(const CoupledCase &coupled, const FillerSettings &filler)
  {
    std::vector<std::pair<std::string, std::function<double(const Box &)>>> fields = {
      {"conductivity_W_per_mK", coupled.conductivity_W_per_mK},
      {"filler_fraction", [filler](const Box &box) { return filler.layer_fraction(box); }}};
    // the fields are read after `coupled` may be gone: they own a copy
    const auto state = std::make_shared<const InterfaceState>(coupled.state);
    for (std::size_t c = 0; c < state->names.size(); ++c)
      fields.emplace_back("interface_" + state->names[c], [state, filler, c](const Box &box) {
        return filler.layer_fraction(box) > 0. ? state->at(c, box.center()[0], across(box, filler)) : 0.;
      });
    return fields;
  }
} // namespace ebweld
