// Cluster miscibility (docs/PHYSICS.md 5.3), electron knock-on (5.4) and cation
// exchange (5.5) against limits, hand-computed and published values.

#include "materials/nano/cation_exchange.h"
#include "materials/nano/cluster_miscibility.h"
#include "materials/nano/knock_on.h"
#include "materials/nano/physical_constants.h"
#include "tests/common/submodel_fixture.h"

#include <cmath>

using namespace ebweld;
using namespace ebweld::testing;

BOOST_AUTO_TEST_CASE(mixing_energy_tends_to_the_bulk_expression)
{
  const auto model =
      make_submodel<ClusterMiscibility>("cluster miscibility", particles("Au", 1e-9));
  const double T = 573., x = 0.5;
  // bulk: Omega x_A x_B + R T (x ln x + ...) = 80 kJ/mol / 4 - R T ln 2
  const double bulk = 20e3 - constants::gas_J_per_molK * T * std::log(2.);
  BOOST_TEST(model->bulk_mixing_gibbs_energy_J_per_mol(x, T) == bulk,
             boost::test_tools::tolerance(1e-12));
  double previous_gap = std::abs(model->mixing_gibbs_energy_J_per_mol(10., x, T) - bulk);
  for (const double n : {1e2, 1e4, 1e6, 1e9, 1e12, 1e15, 1e18})
    {
      const double gap = std::abs(model->mixing_gibbs_energy_J_per_mol(n, x, T) - bulk);
      BOOST_TEST(gap < previous_gap);
      previous_gap = gap;
    }
  BOOST_TEST(previous_gap < 1e-4 * std::abs(bulk));
}

BOOST_AUTO_TEST_CASE(sign_change_against_size_is_found)
{
  const auto model =
      make_submodel<ClusterMiscibility>("cluster miscibility", particles("Au", 1e-9));
  for (const double T : {300., 573., 900.})
    for (const double x : {0.2, 0.5, 0.8})
      {
        const double n_star = model->largest_mixing_size_atoms(x, T);
        BOOST_TEST_MESSAGE("Au-Ta x_A " << x << ", " << T << " K: mixes below " << n_star
                                        << " atoms");
        BOOST_REQUIRE(std::isfinite(n_star));
        BOOST_TEST(model->mixing_gibbs_energy_J_per_mol(n_star * (1. - 1e-6), x, T) < 0.);
        BOOST_TEST(model->mixing_gibbs_energy_J_per_mol(n_star * (1. + 1e-6), x, T) > 0.);
        // an independent scan over sizes finds the same crossing
        double n = 2.;
        while (model->mixing_gibbs_energy_J_per_mol(n, x, T) < 0.)
          n *= 1.001;
        BOOST_TEST(n / n_star == 1., boost::test_tools::tolerance(2e-3));
      }
  // a pair that mixes in bulk mixes at every size
  const auto miscible = make_submodel<ClusterMiscibility>(
      "cluster miscibility", particles("Au", 1e-9),
      {"Interface submodels/cluster miscibility/Regular-solution parameter (kJ/mol)=-10"});
  BOOST_TEST(std::isinf(miscible->largest_mixing_size_atoms(0.5, 300.)));
}

BOOST_AUTO_TEST_CASE(knock_on_energy_against_hand_computed_values)
{
  // 2 E (E + 2 m c^2) / (M c^2) with M c^2 = A * 931.494 MeV, hand-computed:
  // C (12.011) at 200 kV: 43.69 eV; Cu (63.546) at 200 kV: 8.258 eV;
  // Au (196.97) at 300 kV: 4.323 eV. The exact formula is lower by the
  // factor (1 + m/M)^2 + 2E/(Mc^2), i.e. by less than 1e-4 here.
  BOOST_TEST(KnockOn::max_transferred_energy_eV(200e3, 12.011) == 43.69,
             boost::test_tools::tolerance(1e-3));
  BOOST_TEST(KnockOn::max_transferred_energy_eV(200e3, 63.546) == 8.258,
             boost::test_tools::tolerance(1e-3));
  BOOST_TEST(KnockOn::max_transferred_energy_eV(300e3, 196.97) == 4.323,
             boost::test_tools::tolerance(1e-3));
  // published: graphene (E_d about 17 eV) suffers knock-on above about 86 kV
  BOOST_TEST(KnockOn::threshold_voltage_V(17., 12.011) == 86e3, boost::test_tools::tolerance(0.02));
  // the threshold voltage inverts the transfer formula
  BOOST_TEST(
      KnockOn::max_transferred_energy_eV(KnockOn::threshold_voltage_V(43., 196.97), 196.97) == 43.,
      boost::test_tools::tolerance(1e-10));
}

BOOST_AUTO_TEST_CASE(knock_on_heavy_nucleus_limit)
{
  for (const double E : {80e3, 300e3, 1e6})
    {
      const double A     = 1e7; // a very heavy nucleus
      const double limit = 2. * E * (E + 2. * constants::electron_rest_energy_eV) /
                           (A * constants::atomic_mass_unit_eV);
      BOOST_TEST(KnockOn::max_transferred_energy_eV(E, A) == limit,
                 boost::test_tools::tolerance(1e-6));
    }
}

BOOST_AUTO_TEST_CASE(knock_on_dose_and_table)
{
  const auto model = make_submodel<KnockOn>("knock-on", particles("Au", 1e-9));
  // 1 nA for 1 s on 100 nm x 100 nm: 1e-9 / e / 1e4 electrons per nm^2
  BOOST_TEST(model->dose_per_frame_per_nm2() == 1e-9 / constants::elementary_charge_C / 1e4,
             boost::test_tools::tolerance(1e-12));
  const auto result = model->evolve(isothermal(300., 10.), {0., 5., 10.});
  BOOST_TEST(result.states[2][0] == 10.);
  BOOST_TEST(result.states[2][1] == 10. * model->dose_per_frame_per_nm2(),
             boost::test_tools::tolerance(1e-12));
  const auto &table = result.tables.at("knock_on");
  BOOST_TEST(table.rows.size() == 8u * 4u); // 8 elements x 4 voltages
  for (const auto &row : table.rows)        // O at 300 kV is displaced; Au at 80 kV is not
    {
      if (row[0] == 8. && row[1] == 300.)
        BOOST_TEST(row[5] == 1.);
      if (row[0] == 79. && row[1] == 80.)
        BOOST_TEST(row[5] == 0.);
    }
}

BOOST_AUTO_TEST_CASE(cation_exchange_onset_and_completion)
{
  const auto   model = make_submodel<CationExchange>("cation exchange", particles("Cu", 1e-8));
  const double C     = constants::celsius_zero_K;
  const auto   X     = [&](const double T) {
    return model->evolve(isothermal(T, 600.), {0., 600.}).states[1][0];
  };
  BOOST_TEST_MESSAGE("X after 10 min: 300 C " << X(300. + C) << ", 350 C " << X(350. + C)
                                              << ", 400 C " << X(400. + C));
  BOOST_TEST(X(250. + C) < 1e-3); // no exchange below the onset
  BOOST_TEST(X(300. + C) < 0.02);
  BOOST_TEST(X(350. + C) > 0.3);
  BOOST_TEST(X(350. + C) < 0.7);
  BOOST_TEST(X(400. + C) > 0.999); // complete at the high hold
  // first order and isothermal: X = 1 - exp(-k t)
  BOOST_TEST(X(350. + C) == -std::expm1(-model->rate_constant_per_s(350. + C) * 600.),
             boost::test_tools::tolerance(1e-9));
}

BOOST_AUTO_TEST_CASE(shrinking_core_conversion)
{
  const auto model = make_submodel<CationExchange>(
      "cation exchange", particles("Cu", 1e-8),
      {"Interface submodels/cation exchange/Rate law=shrinking core"});
  double previous = 0.;
  for (double tau = 0.; tau < 0.34; tau += 0.01)
    {
      const double X = model->conversion(tau);
      // Ginstling-Brounshtein: 1 - 2X/3 - (1-X)^(2/3) = tau until complete
      BOOST_TEST(1. - 2. * X / 3. - std::cbrt((1. - X) * (1. - X)) == std::min(tau, 1. / 3.),
                 boost::test_tools::tolerance(1e-8));
      BOOST_TEST(X >= previous);
      previous = X;
    }
  BOOST_TEST(model->conversion(1.) == 1.);
}
