#include "materials/nano/knock_on.h"

#include "materials/nano/physical_constants.h"
#include "solver/base/csv_lines.h"
#include "solver/base/input_error.h"
#include "solver/base/number_pattern.h"
#include "solver/base/parameter_section.h"

#include <cmath>

namespace ebweld
{
  namespace
  {
    std::string shipped_element_table()
    {
      return std::string(EBWELD_SOURCE_DIR) + "/materials/nano/knock_on_elements.csv";
    }
  } // namespace

  void KnockOn::declare_parameters(dealii::ParameterHandler &prm)
  {
    using dealii::Patterns::Anything;
    using dealii::Patterns::Double;
    prm.declare_entry("Beam voltages (kV)", "80, 120, 200, 300", Anything(),
                      "Comma-separated accelerating voltages [kV], each in (0, 10000].");
    prm.declare_entry("Elements", "O, C, Si, Cu, Ag, Au, Ta, W", Anything(),
                      "Comma-separated element names from the element table.");
    prm.declare_entry("Element table", "", Anything(),
                      "CSV with columns element,Z,atomic_mass_g_per_mol,displacement_threshold_eV; "
                      "empty: the shipped materials/nano/knock_on_elements.csv.");
    prm.declare_entry("Sputtering threshold fraction", "0.5", NumberPattern::in_range(1e-3, 1.),
                      "E_s / E_d for surface atoms [-], in (0, 1] (typically 1/5 to 1/2).");
    prm.declare_entry("Screen current (nA)", "1", NumberPattern::positive(),
                      "Imaging beam current I_screen [nA], > 0.");
    prm.declare_entry("Frame time (s)", "1", NumberPattern::positive(),
                      "Exposure per frame [s], > 0.");
    prm.declare_entry("Frame area (nm^2)", "10000", NumberPattern::positive(),
                      "Illuminated area per frame [nm^2], > 0.");
  }

  KnockOn::KnockOn(const ParameterSection &s, const ParticleContext &)
  {
    for (const auto &text : dealii::Utilities::split_string_list(s.text("Beam voltages (kV)")))
      {
        if (!is_csv_number(text))
          throw_input_error(s.path("Beam voltages (kV)"), text,
                            "a comma-separated list of numbers");
        const double kV = std::stod(text);
        require_in_range(s.path("Beam voltages (kV)"), kV, 1e-3, 1e4);
        voltages_V_.push_back(kV * 1e3);
      }
    if (voltages_V_.empty())
      throw_input_error(s.path("Beam voltages (kV)"), "", "at least one voltage");

    const std::string file =
        s.text("Element table").empty() ? shipped_element_table() : s.text("Element table");
    std::map<std::string, Element> table;
    for (const auto &line :
         read_csv_lines(file, s.path("Element table"),
                        "element,Z,atomic_mass_g_per_mol,displacement_threshold_eV"))
      {
        if (line.fields.size() != 4)
          throw InputError(line.where + ": expected 4 columns, element,Z,atomic_mass_g_per_mol,"
                                        "displacement_threshold_eV");
        if (!is_csv_number(line.fields[1]))
          continue; // header
        const Element e{line.fields[0], parse_csv_number(line.fields[1], line.where),
                        parse_csv_number(line.fields[2], line.where),
                        parse_csv_number(line.fields[3], line.where)};
        if (!(e.atomic_mass_g_per_mol > 0. && e.displacement_threshold_eV > 0.))
          throw InputError(line.where + ": atomic mass and displacement threshold must be > 0");
        table[e.name] = e;
      }
    for (const auto &name : dealii::Utilities::split_string_list(s.text("Elements")))
      {
        if (table.count(name) == 0)
          {
            std::string known;
            for (const auto &entry : table)
              known += (known.empty() ? "" : ", ") + entry.first;
            throw_input_error(s.path("Elements"), name, "one of the table's elements: " + known);
          }
        elements_.push_back(table.at(name));
      }
    if (elements_.empty())
      throw_input_error(s.path("Elements"), "", "at least one element");
    sputtering_fraction_ = s.number("Sputtering threshold fraction");
    screen_current_A_    = s.number("Screen current (nA)") * 1e-9;
    frame_time_s_        = s.number("Frame time (s)");
    frame_area_nm2_      = s.number("Frame area (nm^2)");
  }

  std::vector<std::string> KnockOn::state_names() const
  {
    return {"frames", "accumulated_dose_electrons_per_nm2"};
  }

  double KnockOn::max_transferred_energy_eV(const double E, const double A)
  {
    const double Mc2 = A * constants::atomic_mass_unit_eV, mc2 = constants::electron_rest_energy_eV;
    return 2. * Mc2 * E * (E + 2. * mc2) / ((Mc2 + mc2) * (Mc2 + mc2) + 2. * Mc2 * E);
  }

  double KnockOn::threshold_voltage_V(const double Ed, const double A)
  {
    // dE_max(E) = Ed is the quadratic E^2 + (2 m c^2 - Ed) E - Ed (M + m)^2 c^4 / (2 M c^2) = 0
    const double Mc2 = A * constants::atomic_mass_unit_eV, mc2 = constants::electron_rest_energy_eV;
    const double b = 2. * mc2 - Ed, c = -Ed * (Mc2 + mc2) * (Mc2 + mc2) / (2. * Mc2);
    return 0.5 * (-b + std::sqrt(b * b - 4. * c)); // eV of kinetic energy = V of voltage
  }

  double KnockOn::dose_per_frame_per_nm2() const
  {
    return screen_current_A_ * frame_time_s_ / (constants::elementary_charge_C * frame_area_nm2_);
  }

  SubmodelResult KnockOn::evolve(const ThermalHistory      &history,
                                 const std::vector<double> &times) const
  {
    SubmodelResult result;
    for (const double t : times)
      {
        const double frames = (t - history.start_s()) / frame_time_s_;
        result.states.push_back({frames, frames * dose_per_frame_per_nm2()});
      }
    CsvTable &table = result.tables["knock_on"];
    table.columns   = {"Z",
                       "voltage_kV",
                       "max_transferred_energy_eV",
                       "displacement_threshold_eV",
                       "sputtering_threshold_eV",
                       "displaces_bulk_atoms",
                       "sputters_surface_atoms",
                       "displacement_onset_kV",
                       "sputtering_onset_kV"};
    auto &rows      = result.summary["elements"];
    for (const auto &e : elements_)
      {
        const double Es = sputtering_fraction_ * e.displacement_threshold_eV;
        const double onset_d =
            threshold_voltage_V(e.displacement_threshold_eV, e.atomic_mass_g_per_mol);
        const double onset_s = threshold_voltage_V(Es, e.atomic_mass_g_per_mol);
        rows[e.name]         = {{"displacement_onset_V", onset_d}, {"sputtering_onset_V", onset_s}};
        for (const double V : voltages_V_)
          {
            const double E_max = max_transferred_energy_eV(V, e.atomic_mass_g_per_mol);
            table.rows.push_back({e.atomic_number, V * 1e-3, E_max, e.displacement_threshold_eV, Es,
                                  E_max >= e.displacement_threshold_eV ? 1. : 0.,
                                  E_max >= Es ? 1. : 0., onset_d * 1e-3, onset_s * 1e-3});
          }
      }
    result.summary["dose_per_frame_electrons_per_nm2"] = dose_per_frame_per_nm2();
    result.summary["dose_rate_electrons_per_nm2_s"]    = dose_per_frame_per_nm2() / frame_time_s_;
    return result;
  }

  EBWELD_REGISTER_SUBMODEL(
      KnockOn, "knock-on",
      "electron knock-on energy transfer and dose per frame (docs/PHYSICS.md 5.4)")
} // namespace ebweld
