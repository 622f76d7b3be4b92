// Temperature-dependent material data (docs/PHYSICS.md 6, docs/MATERIALS.md):
// the shipped property files, the Kirchhoff/enthalpy map, the surface-loss
// fluxes against hand computations, and clear errors for bad files.

#include "materials/kirchhoff_map.h"
#include "materials/material_database.h"
#include "materials/surface_losses.h"
#include "solver/base/input_error.h"

#include <boost/test/unit_test.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <set>

using namespace ebweld;

namespace
{
  std::string write_file(const std::string &name, const std::string &rows)
  {
    const std::string path = "/tmp/ebweld_properties_" + name + ".csv";
    std::ofstream(path) << rows;
    return path;
  }

  /// The message of the InputError that reading `rows` throws ("" if none).
  std::string error_for(const std::string &name, const std::string &rows)
  {
    try
      {
        read_thermal_properties(write_file(name, rows), "test");
      }
    catch (const InputError &e)
      {
        return e.what();
      }
    return "";
  }

  const std::string minimal = "k_solid_W_per_mK,148\ncp_solid_J_per_kgK,712\n"
                              "rho_solid_kg_per_m3,2330\nsolidus_K,1687\nliquidus_K,1687\n";
} // namespace

BOOST_AUTO_TEST_CASE(every_shipped_material_has_sourced_temperature_dependent_data)
{
  const auto database = MaterialDatabase::from_csv(MaterialDatabase::shipped_table_path());
  for (const std::string name :
       {"Si", "Cu", "Au", "Ag", "Ta", "W", "Ti-6Al-4V", "SS316L", "IN625", "IN718"})
    {
      const Material &m = database.find(name, "test");
      BOOST_TEST_REQUIRE(static_cast<bool>(m.thermal), name);
      const ThermalProperties &p = *m.thermal;
      // the table's constants at 300 K agree with the file's data
      BOOST_TEST(p.conductivity_W_per_mK(300., 0.) == m.conductivity_W_per_mK,
                 boost::test_tools::tolerance(0.02));
      BOOST_TEST(p.solidus_K == m.melting_temperature_K, name);
      BOOST_TEST(p.evaporates(), name);
      BOOST_TEST(p.surface_tension_N_per_m > 0., name);
      // every property the file gives is named in a "# source" comment
      std::ifstream         file(p.source_file);
      std::string           line, sources;
      std::set<std::string> given;
      while (std::getline(file, line))
        if (line.rfind("# source ", 0) == 0)
          sources += line.substr(0, line.find(':')) + ",";
        else if (!line.empty() && line[0] != '#')
          given.insert(line.substr(0, line.find(',')));
      for (const auto &property : given)
        BOOST_TEST(sources.find(property) != std::string::npos,
                   name << ": no source for " << property);
    }
}

BOOST_AUTO_TEST_CASE(constant_properties_map_to_the_identity)
{
  const auto         p = read_thermal_properties(write_file("identity", minimal), "test");
  const KirchhoffMap map(p, 300., 30., 5000.);
  for (const double u : {0., 1., 123.4, 1387., 4000., 6000.})
    {
      const auto state = map.at(u);
      BOOST_TEST(state.temperature_K - 300. == u, boost::test_tools::tolerance(1e-12));
      BOOST_TEST(state.enthalpy_rise_K == u, boost::test_tools::tolerance(1e-12));
      BOOST_TEST(map.at_enthalpy(u).kirchhoff_rise_K == u, boost::test_tools::tolerance(1e-12));
    }
}

BOOST_AUTO_TEST_CASE(silicon_map_holds_the_latent_heat_and_inverts)
{
  const auto database         = MaterialDatabase::from_csv(MaterialDatabase::shipped_table_path());
  const ThermalProperties &si = *database.find("Si", "test").thermal;
  const KirchhoffMap       map(si, 300., 30., 7000.);
  // across the melting range the enthalpy rises by the latent heat plus
  // the sensible heat (c_p ~ 975 J/kg/K over 100 K)
  const double rho_c0        = map.reference_heat_capacity_J_per_m3K();
  const double jump_J_per_kg = (map.at(map.kirchhoff_rise_K(1737.)).enthalpy_rise_K -
                                map.at(map.kirchhoff_rise_K(1637.)).enthalpy_rise_K) *
                               rho_c0 / si.density_kg_per_m3(300., 0.);
  BOOST_TEST(jump_J_per_kg == 1.787e6 + 97.5e3, boost::test_tools::tolerance(0.01));
  for (const double T : {350., 1000., 1680., 1687., 1700., 3000.})
    {
      const double u = map.kirchhoff_rise_K(T);
      BOOST_TEST(map.at(u).temperature_K == T, boost::test_tools::tolerance(1e-9));
      const double w = map.at(u).enthalpy_rise_K;
      BOOST_TEST(map.at_enthalpy(w).temperature_K == T, boost::test_tools::tolerance(1e-9));
    }
  // k(T) falls from 148 W/m/K to 22 W/m/K at the melting point
  BOOST_TEST(map.at(map.kirchhoff_rise_K(1600.)).relative_conductivity * 148. ==
                 si.conductivity_W_per_mK(1600., 30.),
             boost::test_tools::tolerance(1e-3));
}

BOOST_AUTO_TEST_CASE(evaporation_flux_matches_a_hand_computation)
{
  EvaporationModel silicon;
  silicon.boiling_temperature_K             = 3538.;
  silicon.latent_heat_vaporisation_J_per_kg = 1.278e7;
  silicon.molar_mass_kg_per_mol             = 0.028086;
  // at T_b: p_sat = 1 atm, m'' = 0.82 * 101325 Pa * sqrt(M / (2 pi R T_b))
  BOOST_TEST(silicon.saturation_pressure_Pa(3538.) == 101325., boost::test_tools::tolerance(1e-12));
  BOOST_TEST(silicon.mass_flux_kg_per_m2s(3538.) == 32.388398, boost::test_tools::tolerance(1e-6));
  // at 4000 K: p_sat = 1 atm exp(L M / R (1/T_b - 1/T)) = 414742 Pa, m'' = 124.6809
  BOOST_TEST(silicon.saturation_pressure_Pa(4000.) == 414742.04,
             boost::test_tools::tolerance(1e-6));
  BOOST_TEST(silicon.mass_flux_kg_per_m2s(4000.) == 124.68087, boost::test_tools::tolerance(1e-6));
  BOOST_TEST(silicon.recoil_pressure_Pa(4000.) == 0.54 * 414742.04,
             boost::test_tools::tolerance(1e-6));
  // an ambient pressure above p_sat stops the net flux
  silicon.ambient_pressure_Pa = 2e5;
  BOOST_TEST(silicon.mass_flux_kg_per_m2s(3538.) == 0.);

  SurfaceLossModel losses;
  losses.emissivity                      = 0.5;
  losses.convection_W_per_m2K            = 10.;
  losses.ambient_temperature_K           = 300.;
  losses.evaporation                     = silicon;
  losses.evaporation.ambient_pressure_Pa = 0.;
  const auto flux                        = losses.at(2000.);
  BOOST_TEST(flux.radiated_W_per_m2 ==
                 0.5 * 5.670374419e-8 * (std::pow(2000., 4) - std::pow(300., 4)),
             boost::test_tools::tolerance(1e-12));
  BOOST_TEST(flux.convected_W_per_m2 == 17000., boost::test_tools::tolerance(1e-12));
  // the derivative Newton uses against a central difference
  for (const double T : {1500., 3000., 4500.})
    {
      const double h = 1e-3 * T;
      const double fd =
          (losses.at(T + h).total_W_per_m2() - losses.at(T - h).total_W_per_m2()) / (2. * h);
      BOOST_TEST(losses.at(T).derivative_W_per_m2K == fd, boost::test_tools::tolerance(1e-4));
    }
}

BOOST_AUTO_TEST_CASE(bad_property_files_are_named_errors)
{
  const auto expect = [](const std::string &name, const std::string &rows,
                         const std::vector<std::string> &parts) {
    const std::string message = error_for(name, rows);
    BOOST_TEST_MESSAGE(name << ": " << message);
    BOOST_TEST(!message.empty(), name);
    for (const auto &part : parts)
      BOOST_TEST(message.find(part) != std::string::npos,
                 name << ": '" << part << "' in " << message);
  };
  expect("non_monotone", minimal + "k_liquid_W_per_mK,1700,50\nk_liquid_W_per_mK,1650,55\n",
         {"ebweld_properties_non_monotone.csv:7", "1650", "strictly increasing"});
  expect("duplicate_temperature",
         minimal + "k_liquid_W_per_mK,1700,50\nk_liquid_W_per_mK,1700,55\n",
         {":7", "1700", "no duplicates"});
  expect("negative", minimal + "k_liquid_W_per_mK,1700,-5\n", {":6", "-5", "> 0"});
  expect("solidus_above_liquidus",
         "k_solid_W_per_mK,148\ncp_solid_J_per_kgK,712\nrho_solid_kg_per_m3,2330\n"
         "solidus_K,1700\nliquidus_K,1650\n",
         {"solidus_K", "1700", "liquidus_K = 1650"});
  expect("unknown", minimal + "conductivity,148\n", {":6", "conductivity", "k_solid_W_per_mK"});
  expect("missing",
         "cp_solid_J_per_kgK,712\nrho_solid_kg_per_m3,2330\nsolidus_K,1687\n"
         "liquidus_K,1687\n",
         {"k_solid_W_per_mK", "required"});
  expect("twice", minimal + "emissivity,0.3\nemissivity,0.4\n", {":7", "emissivity", "twice"});
  expect("out_of_range", minimal + "emissivity,1.5\n", {":6", "emissivity", "1.5"});
  expect("missing_column", minimal + "k_liquid_W_per_mK,1700,50,3\n", {":6", "4 fields"});
  expect("partial_evaporation", minimal + "boiling_temperature_K,3538\n",
         {"latent_heat_vaporisation_J_per_kg"});
  // a polynomial that turns negative inside the tabulated range
  const auto p = read_thermal_properties(
      write_file("negative_polynomial",
                 "k_solid_W_per_mK,poly,148,-0.1\ncp_solid_J_per_kgK,712\n"
                 "rho_solid_kg_per_m3,2330\nsolidus_K,1687\nliquidus_K,1687\n"),
      "test");
  BOOST_CHECK_EXCEPTION(KirchhoffMap(p, 300., 30., 3000.), InputError, [](const InputError &e) {
    return std::string(e.what()).find("k is") != std::string::npos;
  });
}
