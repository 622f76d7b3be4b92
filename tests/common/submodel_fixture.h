#pragma once
// Helpers for submodel tests: build a registered submodel from --set style
// overrides of the defaults, and simple temperature histories.

#include "materials/material_database.h"
#include "materials/nano/interface_submodel.h"
#include "solver/commands/parameter_overrides.h"

#include <boost/test/unit_test.hpp>

#include <memory>
#include <string>
#include <vector>

namespace ebweld::testing
{
  inline ParticleContext particles(const std::string &material, const double radius_m)
  {
    ParticleContext p;
    p.material =
        MaterialDatabase::from_csv(MaterialDatabase::shipped_table_path()).find(material, "test");
    p.radius_m = radius_m;
    return p;
  }

  /// The submodel `name` as its concrete type Model.
  template <typename Model>
  std::unique_ptr<Model> make_submodel(const std::string &name, const ParticleContext &particles,
                                       const std::vector<std::string> &overrides = {})
  {
    dealii::ParameterHandler prm;
    read_input(prm, "", overrides);
    auto  model    = SubmodelRegistry::instance().create_named(prm, name, particles);
    auto *concrete = dynamic_cast<Model *>(model.get());
    BOOST_REQUIRE(concrete != nullptr);
    model.release();
    return std::unique_ptr<Model>(concrete);
  }

  inline ThermalHistory isothermal(const double temperature_K, const double duration_s)
  {
    return ThermalHistory({0., duration_s}, {temperature_K, temperature_K}, "test");
  }

  /// Column `column` of the states.
  inline std::vector<double> column(const SubmodelResult &result, const std::size_t column)
  {
    std::vector<double> values;
    for (const auto &state : result.states)
      values.push_back(state[column]);
    return values;
  }
} // namespace ebweld::testing
