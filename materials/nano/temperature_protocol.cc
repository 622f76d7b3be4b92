#include "materials/nano/temperature_protocol.h"

#include "solver/base/csv_lines.h"
#include "solver/base/input_error.h"
#include "solver/base/number_pattern.h"
#include "solver/base/parameter_section.h"

#include <cmath>

namespace ebweld
{
  using dealii::Patterns::Anything;
  using dealii::Patterns::Selection;

  void declare_temperature_protocol(dealii::ParameterHandler &prm)
  {
    prm.enter_subsection("Temperature protocol");
    prm.declare_entry("Type", "isothermal", Selection("isothermal|ramp|staircase|table"),
                      "isothermal: hold at 'Hold temperature (K)' for 'Hold time (s)'; ramp: "
                      "from 'Start temperature (K)' to 'End temperature (K)' at 'Ramp rate "
                      "(K/s)', then hold for 'Hold time (s)'; staircase: from the start to the "
                      "end temperature in steps of 'Step (K)', each held 'Step time (s)'; "
                      "table: the (time s, temperature K) rows of 'Table file'.");
    prm.declare_entry("Hold temperature (K)", "623.15", NumberPattern::positive(),
                      "Isothermal hold temperature [K], > 0.");
    prm.declare_entry("Hold time (s)", "600", NumberPattern::at_least(0.),
                      "Duration of the isothermal hold, or of the hold after a ramp [s], >= 0.");
    prm.declare_entry("Start temperature (K)", "300", NumberPattern::positive(),
                      "First temperature of a ramp or staircase [K], > 0.");
    prm.declare_entry("End temperature (K)", "573", NumberPattern::positive(),
                      "Last temperature of a ramp or staircase [K], > 0.");
    prm.declare_entry("Ramp rate (K/s)", "1", NumberPattern::positive(),
                      "Heating (or cooling) rate of a ramp [K/s], > 0.");
    prm.declare_entry("Step (K)", "25", NumberPattern::positive(),
                      "Temperature step of a staircase [K], > 0.");
    prm.declare_entry("Step time (s)", "60", NumberPattern::positive(),
                      "Dwell at each staircase step [s], > 0.");
    prm.declare_entry("Table file", "", Anything(),
                      "CSV file of 'time_s,temperature_K' rows (times not decreasing; a "
                      "repeated time is a jump); '#' starts a comment.");
    prm.declare_entry("Output interval (s)", "auto", NumberPattern::positive().or_keyword("auto"),
                      "Spacing of the reported states [s], > 0; auto: 1/200 of the protocol, "
                      "plus every protocol breakpoint.");
    prm.leave_subsection();
  }

  namespace
  {
    ThermalHistory staircase(const ParameterSection &s)
    {
      const double T0 = s.number("Start temperature (K)"), T1 = s.number("End temperature (K)");
      const double step = s.number("Step (K)"), dwell = s.number("Step time (s)");
      const double n_steps = std::floor(std::abs(T1 - T0) / step + 1e-9);
      if (n_steps > 1e5)
        throw_input_error(s.path("Step (K)"), format_value(step),
                          "at least |end - start| / 1e5 (no more than 100000 steps)");
      std::vector<double> t, T;
      const double        sign = T1 >= T0 ? 1. : -1.;
      for (unsigned int i = 0; i <= n_steps; ++i)
        {
          const double Ti = T0 + sign * i * step;
          t.insert(t.end(), {i * dwell, (i + 1) * dwell});
          T.insert(T.end(), {Ti, Ti});
        }
      return ThermalHistory(t, T, s.path("Type") + " = staircase");
    }

    ThermalHistory table(const ParameterSection &s)
    {
      const std::string   file = s.text("Table file");
      std::vector<double> t, T;
      for (const auto &line :
           read_csv_lines(file, s.path("Table file"), "time_s,temperature_K rows"))
        {
          if (line.fields.size() < 2 || !is_csv_number(line.fields[0]))
            {
              if (t.empty() && line.fields.size() >= 2) // header
                continue;
              throw InputError(line.where + ": expected 'time_s,temperature_K'");
            }
          t.push_back(parse_csv_number(line.fields[0], line.where));
          T.push_back(parse_csv_number(line.fields[1], line.where));
        }
      return ThermalHistory(t, T, s.path("Table file") + " = " + file);
    }
  } // namespace

  TemperatureProtocol parse_temperature_protocol(const ParameterSection &parent)
  {
    const ParameterSection s(parent, "Temperature protocol");
    const std::string      type    = s.text("Type");
    const auto             history = [&]() {
      if (type == "isothermal")
        {
          const double T = s.number("Hold temperature (K)"), hold_s = s.number("Hold time (s)");
          if (hold_s <= 0.) // a ramp may end without a hold, an isothermal protocol not
            throw_input_error(s.path("Hold time (s)"), format_value(hold_s),
                                          "> 0 for an isothermal protocol");
          return ThermalHistory({0., hold_s}, {T, T}, s.path("Type"));
        }
      if (type == "ramp")
        {
          const double T0 = s.number("Start temperature (K)"), T1 = s.number("End temperature (K)");
          const double ramp_s = std::abs(T1 - T0) / s.number("Ramp rate (K/s)");
          const double hold_s = s.number("Hold time (s)");
          return ThermalHistory({0., ramp_s, ramp_s + hold_s}, {T0, T1, T1}, s.path("Type"));
        }
      if (type == "staircase")
        {
          return staircase(s);
        }
      return table(s);
    }();
    const double duration = history.end_s() - history.start_s();
    if (!(duration > 0.))
      throw_input_error(s.path("Type"), type, "a protocol that lasts longer than 0 s");
    const double interval = s.auto_or_number("Output interval (s)").value_or(duration / 200.);
    if (duration / interval > 1e6)
      throw_input_error(s.path("Output interval (s)"), format_value(interval),
                        "at least the protocol duration / 1e6 = " + format_value(duration / 1e6) +
                            " s (no more than a million reported states)");
    return {history, interval};
  }
} // namespace ebweld
