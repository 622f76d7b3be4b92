#include "materials/nano/cation_exchange.h"

#include "materials/nano/physical_constants.h"
#include "solver/base/number_pattern.h"
#include "solver/base/parameter_section.h"

#include <boost/math/quadrature/gauss_kronrod.hpp>
#include <boost/math/tools/roots.hpp>

#include <cmath>

namespace ebweld
{
  void CationExchange::declare_parameters(dealii::ParameterHandler &prm)
  {
    using dealii::Patterns::Double;
    prm.declare_entry("Rate law", "first order",
                      dealii::Patterns::Selection("first order|shrinking core"),
                      "g(X) of dX/dt = k(T) g(X): first order (1 - X) or diffusion-controlled "
                      "shrinking core (Ginstling-Brounshtein).");
    // Defaults: X = 1 % after 10 min at 300 C, 50 % at 350 C, > 99.9 % at
    // 400 C (first order), as in vacuum CdSe -> Cu2Se exchange experiments.
    prm.declare_entry("Activation energy (kJ/mol)", "250", NumberPattern::positive(),
                      "Ea [kJ/mol], > 0.");
    prm.declare_entry("Pre-exponential factor (1/s)", "1.04e18", NumberPattern::positive(),
                      "k0 [1/s], > 0.");
  }

  CationExchange::CationExchange(const ParameterSection &s, const ParticleContext &)
      : shrinking_core_(s.text("Rate law") == "shrinking core")
      , prefactor_per_s_(s.number("Pre-exponential factor (1/s)"))
      , activation_J_per_mol_(s.number("Activation energy (kJ/mol)") * 1e3)
  {
  }

  std::vector<std::string> CationExchange::state_names() const
  {
    return {"exchange_fraction", "kinetic_time"};
  }

  double CationExchange::rate_constant_per_s(const double T) const
  {
    return prefactor_per_s_ * arrhenius_factor(activation_J_per_mol_, T);
  }

  double CationExchange::conversion(const double tau) const
  {
    if (!shrinking_core_)
      return -std::expm1(-tau);
    if (tau >= 1. / 3.) // F(1) = 1/3: complete
      return 1.;
    const auto F = [tau](const double X) {
      return 1. - 2. * X / 3. - std::cbrt((1. - X) * (1. - X)) - tau;
    };
    std::uintmax_t iterations = 100;
    const auto     bracket    = boost::math::tools::toms748_solve(
               F, 0., 1., boost::math::tools::eps_tolerance<double>(50), iterations);
    return 0.5 * (bracket.first + bracket.second);
  }

  SubmodelResult CationExchange::evolve(const ThermalHistory      &history,
                                        const std::vector<double> &times) const
  {
    double     tau     = 0.;
    const auto advance = [&](const double t0, const double t1, const ThermalHistory::Piece &piece) {
      // smooth on a linear piece: a few Kronrod levels reach 1e-9
      tau += boost::math::quadrature::gauss_kronrod<double, 31>::integrate(
          [&](const double t) { return rate_constant_per_s(piece.temperature_K(t)); }, t0, t1, 6,
          1e-9);
    };
    SubmodelResult result;
    history.march(times, advance, [&](std::size_t) {
      result.states.push_back({conversion(tau), tau});
    });
    result.summary["rate_constant_at_peak_per_s"] = rate_constant_per_s(history.peak_K());
    result.summary["rate_law"] = shrinking_core_ ? "shrinking core" : "first order";
    return result;
  }

  EBWELD_REGISTER_SUBMODEL(CationExchange, "cation exchange",
                           "Arrhenius cation-exchange conversion (docs/PHYSICS.md 5.5)")
} // namespace ebweld
