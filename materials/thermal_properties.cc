#include "materials/thermal_properties.h"

#include "solver/base/csv_lines.h"
#include "solver/base/input_error.h"

#include <algorithm>
#include <map>
#include <set>

namespace ebweld
{
  std::pair<double, double> ThermalProperties::melting_range_K(const double smoothing_K) const
  {
    if (liquidus_K - solidus_K >= smoothing_K)
      return {solidus_K, liquidus_K};
    const double middle = 0.5 * (solidus_K + liquidus_K);
    return {middle - 0.5 * smoothing_K, middle + 0.5 * smoothing_K};
  }

  double ThermalProperties::liquid_fraction(const double T, const double smoothing_K) const
  {
    const auto [low, high] = melting_range_K(smoothing_K);
    if (T <= low)
      return 0.;
    if (T >= high)
      return 1.;
    const double s = (T - low) / (high - low);
    // C1 at both ends: the apparent heat capacity has no jump for Newton
    return s * s * (3. - 2. * s);
  }

  namespace
  {
    double blend(const PropertyCurve &solid, const PropertyCurve &liquid, const double f,
                 const double T)
    {
      if (f == 0.)
        return solid(T);
      if (f == 1.)
        return liquid(T);
      return (1. - f) * solid(T) + f * liquid(T);
    }
  } // namespace

  double ThermalProperties::conductivity_W_per_mK(const double T, const double smoothing_K) const
  {
    return blend(conductivity_solid_W_per_mK, conductivity_liquid_W_per_mK,
                 liquid_fraction(T, smoothing_K), T);
  }

  double ThermalProperties::heat_capacity_J_per_kgK(const double T, const double smoothing_K) const
  {
    return blend(heat_capacity_solid_J_per_kgK, heat_capacity_liquid_J_per_kgK,
                 liquid_fraction(T, smoothing_K), T);
  }

  double ThermalProperties::density_kg_per_m3(const double T, const double smoothing_K) const
  {
    return blend(density_solid_kg_per_m3, density_liquid_kg_per_m3, liquid_fraction(T, smoothing_K),
                 T);
  }

  namespace
  {
    using Points = std::vector<std::pair<double, double>>;

    /// The curves a property file can hold, by column-0 name.
    std::map<std::string, PropertyCurve ThermalProperties::*> curve_members()
    {
      return {{"k_solid_W_per_mK", &ThermalProperties::conductivity_solid_W_per_mK},
              {"k_liquid_W_per_mK", &ThermalProperties::conductivity_liquid_W_per_mK},
              {"cp_solid_J_per_kgK", &ThermalProperties::heat_capacity_solid_J_per_kgK},
              {"cp_liquid_J_per_kgK", &ThermalProperties::heat_capacity_liquid_J_per_kgK},
              {"rho_solid_kg_per_m3", &ThermalProperties::density_solid_kg_per_m3},
              {"rho_liquid_kg_per_m3", &ThermalProperties::density_liquid_kg_per_m3}};
    }

    /// The scalars, with their allowed ranges.
    struct ScalarEntry
    {
      double ThermalProperties::*member;
      double                     lower, upper;
    };

    std::map<std::string, ScalarEntry> scalar_members()
    {
      using P = ThermalProperties;
      return {
          {"solidus_K", {&P::solidus_K, 1., 1e5}},
          {"liquidus_K", {&P::liquidus_K, 1., 1e5}},
          {"latent_heat_fusion_J_per_kg", {&P::latent_heat_fusion_J_per_kg, 0., 1e8}},
          {"boiling_temperature_K", {&P::boiling_temperature_K, 1., 1e5}},
          {"latent_heat_vaporisation_J_per_kg", {&P::latent_heat_vaporisation_J_per_kg, 1e3, 1e9}},
          {"molar_mass_kg_per_mol", {&P::molar_mass_kg_per_mol, 1e-3, 1.}},
          {"emissivity", {&P::emissivity, 0., 1.}},
          {"surface_tension_N_per_m", {&P::surface_tension_N_per_m, 1e-3, 10.}}};
    }

    std::string known_names()
    {
      std::string names;
      for (const auto &entry : curve_members())
        names += (names.empty() ? "" : ", ") + entry.first;
      for (const auto &entry : scalar_members())
        names += ", " + entry.first;
      return names;
    }

    /// A table point "name,T,value": T increasing, value > 0.
    void add_point(Points &points, const CsvLine &line)
    {
      const double T     = parse_csv_number(line.fields[1], line.where);
      const double value = parse_csv_number(line.fields[2], line.where);
      const auto  &name  = line.fields[0];
      if (!(T > 0.))
        throw_input_error(line.where + " " + name + " temperature", line.fields[1], "> 0 K");
      if (!points.empty() && !(T > points.back().first))
        throw_input_error(line.where + " " + name + " temperature", line.fields[1],
                          "above the previous row's " + format_value(points.back().first) +
                              " K (temperatures strictly increasing, no duplicates)");
      if (!(value > 0.))
        throw_input_error(line.where + " " + name, line.fields[2], "> 0");
      points.emplace_back(T, value);
    }

    void require_curve(const ThermalProperties &p, const PropertyCurve &curve,
                       const std::string &name)
    {
      if (curve.empty())
        throw InputError(p.source_file + ": no rows for " + name +
                         " (a required property: give a table, a constant or a polynomial)");
    }

    /// Cross-property checks once the file is read.
    void validate(ThermalProperties &p)
    {
      require_curve(p, p.conductivity_solid_W_per_mK, "k_solid_W_per_mK");
      require_curve(p, p.heat_capacity_solid_J_per_kgK, "cp_solid_J_per_kgK");
      require_curve(p, p.density_solid_kg_per_m3, "rho_solid_kg_per_m3");
      if (p.solidus_K == 0. || p.liquidus_K == 0.)
        throw InputError(p.source_file + ": solidus_K and liquidus_K are required");
      if (p.solidus_K > p.liquidus_K)
        throw_input_error(p.source_file + " solidus_K", format_value(p.solidus_K),
                          "<= liquidus_K = " + format_value(p.liquidus_K));
      // a liquid without data of its own continues the solid's curve
      if (p.conductivity_liquid_W_per_mK.empty())
        p.conductivity_liquid_W_per_mK = p.conductivity_solid_W_per_mK;
      if (p.heat_capacity_liquid_J_per_kgK.empty())
        p.heat_capacity_liquid_J_per_kgK = p.heat_capacity_solid_J_per_kgK;
      if (p.density_liquid_kg_per_m3.empty())
        p.density_liquid_kg_per_m3 = p.density_solid_kg_per_m3;
      const bool any_evaporation = p.boiling_temperature_K > 0. ||
                                   p.latent_heat_vaporisation_J_per_kg > 0. ||
                                   p.molar_mass_kg_per_mol > 0.;
      const bool all_evaporation = p.boiling_temperature_K > 0. &&
                                   p.latent_heat_vaporisation_J_per_kg > 0. &&
                                   p.molar_mass_kg_per_mol > 0.;
      if (any_evaporation && !all_evaporation)
        throw InputError(p.source_file +
                         ": evaporation needs all of boiling_temperature_K, "
                         "latent_heat_vaporisation_J_per_kg and molar_mass_kg_per_mol");
      if (all_evaporation && p.boiling_temperature_K <= p.liquidus_K)
        throw_input_error(p.source_file + " boiling_temperature_K",
                          format_value(p.boiling_temperature_K),
                          "> liquidus_K = " + format_value(p.liquidus_K));
    }
  } // namespace

  ThermalProperties read_thermal_properties(const std::string &path, const std::string &parameter)
  {
    ThermalProperties p;
    p.source_file                         = path;
    const auto                    curves  = curve_members();
    const auto                    scalars = scalar_members();
    std::map<std::string, Points> tables;
    std::set<std::string>         seen_once; // constants, polynomials and scalars
    for (const auto &line : read_csv_lines(path, parameter,
                                           "rows 'property,T_K,value', 'property,value' or "
                                           "'property,poly,c0,c1,...'"))
      {
        const std::string &name     = line.fields[0];
        const bool         is_curve = curves.count(name) != 0;
        if (!is_curve && scalars.count(name) == 0)
          throw_input_error(line.where + " property", name, "one of " + known_names());
        if (line.fields.size() < 2)
          throw InputError(line.where + ": " + name + " has no value");
        if (seen_once.count(name))
          throw InputError(line.where + ": " + name + " is given twice");
        if (!is_curve)
          {
            if (line.fields.size() != 2)
              throw InputError(line.where + ": " + name + " takes one value, found " +
                               std::to_string(line.fields.size() - 1));
            const ScalarEntry &entry = scalars.at(name);
            const double       value = parse_csv_number(line.fields[1], line.where);
            require_in_range(line.where + " " + name, value, entry.lower, entry.upper);
            p.*(entry.member) = value;
            seen_once.insert(name);
          }
        else if (line.fields[1] == "poly")
          {
            if (tables.count(name))
              throw InputError(line.where + ": " + name + " has table rows and a polynomial");
            std::vector<double> coefficients;
            for (std::size_t i = 2; i < line.fields.size(); ++i)
              coefficients.push_back(parse_csv_number(line.fields[i], line.where));
            if (coefficients.empty())
              throw InputError(line.where + ": " + name + " poly has no coefficients");
            p.*(curves.at(name)) = PropertyCurve::polynomial(coefficients);
            seen_once.insert(name);
          }
        else if (line.fields.size() == 2)
          {
            if (tables.count(name))
              throw InputError(line.where + ": " + name + " has table rows and a constant");
            const double value = parse_csv_number(line.fields[1], line.where);
            if (!(value > 0.))
              throw_input_error(line.where + " " + name, line.fields[1], "> 0");
            p.*(curves.at(name)) = PropertyCurve::constant(value);
            seen_once.insert(name);
          }
        else if (line.fields.size() == 3)
          add_point(tables[name], line);
        else
          throw InputError(line.where + ": expected '" + name + ",T_K,value', found " +
                           std::to_string(line.fields.size()) + " fields");
      }
    for (auto &[name, points] : tables)
      p.*(curves.at(name)) = PropertyCurve::table(std::move(points));
    validate(p);
    return p;
  }
} // namespace ebweld
