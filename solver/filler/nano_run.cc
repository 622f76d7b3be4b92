#include "solver/filler/nano_run.h"

#include "materials/material_parameters.h"
#include "solver/base/atomic_file.h"
#include "solver/base/parameter_section.h"

#include <iomanip>

namespace ebweld
{
  void declare_nano_parameters(dealii::ParameterHandler &prm)
  {
    const auto &registry = SubmodelRegistry::instance();
    prm.enter_subsection("Nano");
    prm.declare_entry("Submodel", "neck growth", dealii::Patterns::Selection(registry.pattern()),
                      "Submodel run by 'ebweld nano'; its parameters are in Interface "
                      "submodels/<name>. Available:" +
                          registry.documentation());
    declare_particle_parameters(prm);
    declare_temperature_protocol(prm);
    prm.leave_subsection();
    registry.declare_parameters(prm);
  }

  NanoRun parse_nano(dealii::ParameterHandler &prm)
  {
    const MaterialDatabase database = parse_material_database(prm);
    NanoRun                run;
    {
      const ParameterSection section(prm, "Nano");
      run.submodel  = section.text("Submodel");
      run.particles = parse_particles(section, database);
      run.protocol  = parse_temperature_protocol(section);
    }
    run.model = SubmodelRegistry::instance().create_named(prm, run.submodel, run.particles);
    return run;
  }

  nlohmann::ordered_json run_nano(const NanoRun &run, const std::string &output_directory,
                                  std::ostream &log)
  {
    const std::string        &name      = run.submodel;
    const ParticleContext    &particles = run.particles;
    const auto               &protocol  = run.protocol;
    const auto               &model     = run.model;
    const ThermalHistory     &history   = protocol->history;
    const std::vector<double> times     = history.output_times(protocol->output_interval_s);
    log << "ebweld nano: " << name << ", " << particles.material.name << " particles of radius "
        << particles.radius_m * 1e9 << " nm; protocol " << history.end_s() - history.start_s()
        << " s, peak " << history.peak_K() << " K, " << times.size() << " reported states\n"
        << std::flush;

    const SubmodelResult result = model->evolve(history, times);
    const auto           names  = model->state_names();

    nlohmann::ordered_json summary;
    summary["submodel"]                    = name;
    summary["particle_material"]           = particles.material.name;
    summary["particle_radius_m"]           = particles.radius_m;
    summary["protocol_duration_s"]         = history.end_s() - history.start_s();
    summary["protocol_peak_temperature_K"] = history.peak_K();
    summary["reported_states"]             = times.size();
    auto &final_state                      = summary["final_state"];
    for (std::size_t k = 0; k < names.size(); ++k)
      {
        const double value    = result.states.back()[k];
        final_state[names[k]] = std::isfinite(value) ? nlohmann::ordered_json(value) : "unbounded";
        log << "  final " << names[k] << " = " << value << "\n";
      }
    summary["model"] = result.summary;

    if (output_directory.empty())
      return summary;
    make_directories(output_directory);
    CsvTable state;
    state.columns = {"time_s", "temperature_K"};
    state.columns.insert(state.columns.end(), names.begin(), names.end());
    for (std::size_t i = 0; i < times.size(); ++i)
      {
        std::vector<double> row = {times[i], history.temperature_K(times[i])};
        row.insert(row.end(), result.states[i].begin(), result.states[i].end());
        state.rows.push_back(row);
      }
    write_csv_atomically(output_directory + "/state.csv", state);
    summary["files"] = {"state.csv"};
    for (const auto &[table_name, table] : result.tables)
      {
        write_csv_atomically(output_directory + "/" + table_name + ".csv", table);
        summary["files"].push_back(table_name + ".csv");
      }
    write_file_atomically(output_directory + "/summary.json",
                          [&](std::ostream &out) { out << summary.dump(2) << "\n"; });
    log << "  results in " << output_directory << "/ (state.csv, summary.json";
    for (const auto &table : result.tables)
      log << ", " << table.first << ".csv";
    log << ")\n";
    return summary;
  }
} // namespace ebweld
