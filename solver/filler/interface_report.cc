// The interface filler's state after a coupled solve: summary entries,
// CSV tables (interface_histories.csv, interface_state.csv,
// coupling_history.csv) and cell fields for the field files and Catalyst.

#include "solver/base/csv_table.h"
#include "solver/filler/interface_coupling.h"
#include "solver/post/postprocessor.h"

#include <deal.II/base/mpi.h>

#include <cmath>

namespace ebweld
{
  namespace
  {
    nlohmann::ordered_json describe_interface(const CoupledCase    &coupled,
                                              const FillerSettings &filler)
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
            values.push_back(std::isfinite(v) ? nlohmann::ordered_json(v)
                                              : nlohmann::ordered_json(nullptr));
          j["final_" + state.names[c]] = values;
        }
      auto &history = j["iteration_history"];
      history       = nlohmann::ordered_json::array();
      for (const auto &it : coupled.iterations)
        history.push_back(
            {{"melt_depth_m", it.melt_depth_m},
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
      iterations.columns = {"iteration",
                            "melt_depth_m",
                            "depth_change",
                            "state_change",
                            "mean_filler_conductivity_W_per_mK",
                            "linear_iterations"};
      for (std::size_t i = 0; i < coupled.iterations.size(); ++i)
        {
          const auto &it = coupled.iterations[i];
          iterations.rows.push_back({i + 1., it.melt_depth_m, it.depth_change, it.state_change,
                                     it.mean_filler_conductivity_W_per_mK,
                                     double(it.linear_iterations)});
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
          return filler.layer_fraction(box) > 0. ? state->at(c, box.center()[0], filler.across(box))
                                                 : 0.;
        });
      return fields;
    }
  } // namespace

  class InterfaceReport : public Postprocessor
  {
  public:
    void measure(PostprocessContext &context) override
    {
      const auto *coupled = context.extension<CoupledCase>();
      if (!coupled)
        return;
      context.results.set("interface", describe_interface(*coupled, coupled->filler));
      if (!coupled->converged)
        context.results.warnings.push_back("the interface coupling did not converge");
      for (auto &field : interface_cell_fields(*coupled, coupled->filler))
        context.fields.cell_fields.push_back(std::move(field));
    }

    void write(PostprocessContext &context) override
    {
      const auto *coupled = context.extension<CoupledCase>();
      if (coupled && context.options.write_profiles &&
          dealii::Utilities::MPI::this_mpi_process(context.problem.communicator()) == 0)
        write_interface_tables(*coupled, context.options.output_directory);
    }
  };

  EBWELD_REGISTER_POSTPROCESSOR(InterfaceReport, "interface", 50,
                                "coupled runs: the filler's state, its tables and cell fields")
} // namespace ebweld
