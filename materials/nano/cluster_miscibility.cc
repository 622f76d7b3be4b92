#include "materials/nano/cluster_miscibility.h"

#include "materials/nano/physical_constants.h"
#include "solver/base/csv_lines.h"
#include "solver/base/input_error.h"
#include "solver/base/number_pattern.h"
#include "solver/base/parameter_section.h"

#include <cmath>
#include <limits>

namespace ebweld
{
  void ClusterMiscibility::declare_parameters(dealii::ParameterHandler &prm)
  {
    using dealii::Patterns::Anything;
    using dealii::Patterns::Double;
    prm.declare_entry("Element A", "Au", Anything(), "Name of species A (labels only).");
    prm.declare_entry("Element B", "Ta", Anything(), "Name of species B (labels only).");
    // Cohesive energies: Kittel, Introduction to Solid State Physics, table 3.1.
    prm.declare_entry("Cohesive energy A (kJ/mol)", "-368", NumberPattern::in_range(-1e4, -1e-6),
                      "Bulk cohesive energy H_A [kJ/mol], < 0 (Au: -368).");
    prm.declare_entry("Cohesive energy B (kJ/mol)", "-782", NumberPattern::in_range(-1e4, -1e-6),
                      "Bulk cohesive energy H_B [kJ/mol], < 0 (Ta: -782).");
    prm.declare_entry("Regular-solution parameter (kJ/mol)", "80",
                      NumberPattern::in_range(-1e4, 1e4),
                      "Omega of the bulk mixing enthalpy dH = Omega x_A x_B [kJ/mol]; > 0 for "
                      "a pair immiscible in bulk.");
    prm.declare_entry("Composition", "0.5, 0.5", Anything(),
                      "Atom fractions 'x_A, x_B' [-], each in (0, 1), summing to 1.");
    prm.declare_entry("Cluster size (atoms)", "100", NumberPattern::in_range(2., 1e30),
                      "n of the cluster whose mixing is followed over time, >= 2.");
  }

  ClusterMiscibility::ClusterMiscibility(const ParameterSection &s, const ParticleContext &)
  {
    element_A_             = s.text("Element A");
    element_B_             = s.text("Element B");
    cohesive_A_J_per_mol_  = s.number("Cohesive energy A (kJ/mol)") * 1e3;
    cohesive_B_J_per_mol_  = s.number("Cohesive energy B (kJ/mol)") * 1e3;
    interaction_J_per_mol_ = s.number("Regular-solution parameter (kJ/mol)") * 1e3;
    const auto fractions   = dealii::Utilities::split_string_list(s.text("Composition"));
    if (fractions.size() != 2 || !is_csv_number(fractions[0]) || !is_csv_number(fractions[1]))
      throw_input_error(s.path("Composition"), s.text("Composition"), "two fractions 'x_A, x_B'");
    const double xA = std::stod(fractions[0]), xB = std::stod(fractions[1]);
    if (!(xA > 0. && xB > 0.) || std::abs(xA + xB - 1.) > 1e-9)
      throw_input_error(s.path("Composition"), s.text("Composition"),
                        "two fractions in (0, 1) that sum to 1 (they sum to " +
                            format_value(xA + xB) + ")");
    fraction_A_    = xA;
    cluster_atoms_ = s.number("Cluster size (atoms)");
  }

  std::vector<std::string> ClusterMiscibility::state_names() const
  {
    return {"largest_mixing_size_atoms", "mixing_gibbs_energy_J_per_mol", "cluster_mixes"};
  }

  double ClusterMiscibility::bulk_mixing_gibbs_energy_J_per_mol(const double xA,
                                                                const double T) const
  {
    const double xB = 1. - xA;
    return interaction_J_per_mol_ * xA * xB +
           constants::gas_J_per_molK * T * (xA * std::log(xA) + xB * std::log(xB));
  }

  namespace
  {
    /// The bracket multiplying n^(-1/3) [J/mol].
    double surface_term(const double dH, const double HA, const double HB, const double xA)
    {
      const double xB = 1. - xA;
      return dH - HA * (std::cbrt(xA * xA) - xA) - HB * (std::cbrt(xB * xB) - xB);
    }
  } // namespace

  double ClusterMiscibility::mixing_gibbs_energy_J_per_mol(const double n, const double xA,
                                                           const double T) const
  {
    const double dH = interaction_J_per_mol_ * xA * (1. - xA);
    return bulk_mixing_gibbs_energy_J_per_mol(xA, T) -
           surface_term(dH, cohesive_A_J_per_mol_, cohesive_B_J_per_mol_, xA) / std::cbrt(n);
  }

  double ClusterMiscibility::largest_mixing_size_atoms(const double xA, const double T) const
  {
    // dG = G_bulk - B n^(-1/3) < 0  <=>  n^(-1/3) > G_bulk / B  (B > 0)
    const double bulk = bulk_mixing_gibbs_energy_J_per_mol(xA, T);
    const double B    = surface_term(interaction_J_per_mol_ * xA * (1. - xA), cohesive_A_J_per_mol_,
                                     cohesive_B_J_per_mol_, xA);
    if (bulk < 0. && B >= 0.)
      return std::numeric_limits<double>::infinity();
    if (B <= 0.) // small clusters mix less readily than the bulk
      return bulk < 0. ? std::numeric_limits<double>::infinity() : 0.;
    return std::pow(B / bulk, 3);
  }

  SubmodelResult ClusterMiscibility::evolve(const ThermalHistory      &history,
                                            const std::vector<double> &times) const
  {
    SubmodelResult result;
    for (const double t : times)
      {
        const double T  = history.temperature_K(t);
        const double dG = mixing_gibbs_energy_J_per_mol(cluster_atoms_, fraction_A_, T);
        result.states.push_back({largest_mixing_size_atoms(fraction_A_, T), dG, dG < 0. ? 1. : 0.});
      }
    const double T_peak = history.peak_K();
    CsvTable    &size   = result.tables["dG_versus_size"];
    size.columns = {"atoms", "mixing_gibbs_energy_J_per_mol", "bulk_mixing_gibbs_energy_J_per_mol"};
    for (double e = 0.3; e <= 7.0001; e += 0.05)
      size.rows.push_back({std::pow(10., e),
                           mixing_gibbs_energy_J_per_mol(std::pow(10., e), fraction_A_, T_peak),
                           bulk_mixing_gibbs_energy_J_per_mol(fraction_A_, T_peak)});
    CsvTable &composition = result.tables["mixing_size_versus_composition"];
    composition.columns   = {"fraction_A", "largest_mixing_size_atoms"};
    for (int k = 1; k < 100; ++k)
      composition.rows.push_back({k / 100., largest_mixing_size_atoms(k / 100., T_peak)});

    const double n_star             = largest_mixing_size_atoms(fraction_A_, T_peak);
    result.summary["pair"]          = element_A_ + "-" + element_B_;
    result.summary["fraction_A"]    = fraction_A_;
    result.summary["temperature_K"] = T_peak;
    result.summary["bulk_mixing_gibbs_energy_J_per_mol"] =
        bulk_mixing_gibbs_energy_J_per_mol(fraction_A_, T_peak);
    result.summary["largest_mixing_size_atoms"] = std::isfinite(n_star)
                                                      ? nlohmann::ordered_json(n_star)
                                                      : nlohmann::ordered_json("unbounded");
    return result;
  }

  EBWELD_REGISTER_SUBMODEL(
      ClusterMiscibility, "cluster miscibility",
      "mixing Gibbs energy of A-B nanoclusters against size (docs/PHYSICS.md 5.3)")
} // namespace ebweld
