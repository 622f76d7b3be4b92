// The resource guard counts what a case will cost before anything is built
// (issue 28): its cell and DoF counts are exactly those of the mesh that is
// then built (at 1 and 2 ranks, Q1 and Q2), a case larger than the memory
// limit is refused naming the estimate, the limit and the inputs that sized
// the mesh, an explicit limit lets it through, and the budget warns.

#include "solver/base/input_error.h"
#include "tests/common/case_fixture.h"

#include <deal.II/base/mpi.h>

#include <boost/test/unit_test.hpp>

using namespace ebweld;

namespace
{
  void expect_exact_counts(const std::vector<std::string> &overrides)
  {
    const auto   setup     = testing::make_setup(overrides);
    const auto   resources = check_case_resources(*setup, MPI_COMM_WORLD);
    const auto   problem   = build_problem(*setup, MPI_COMM_WORLD);
    const double cells     = double(problem->n_global_pieces());
    const double dofs      = double(problem->dof_handler().n_dofs());
    BOOST_TEST(resources.estimate.cells == cells);
    BOOST_TEST(resources.estimate.dofs == dofs);
    BOOST_TEST(resources.estimate.ranks == dealii::Utilities::MPI::n_mpi_processes(MPI_COMM_WORLD));
    // the fixed part per rank plus at least 500 bytes per DoF
    BOOST_TEST(resources.estimate.memory_bytes > 500. * dofs);
  }

  std::string refusal(const CaseSetup &setup, const double available_bytes)
  {
    try
      {
        check_case_resources(setup, 1, available_bytes);
      }
    catch (const InputError &e)
      {
        return e.what();
      }
    return "";
  }
} // namespace

BOOST_AUTO_TEST_CASE(counts_equal_the_built_mesh)
{
  expect_exact_counts({});
  expect_exact_counts({"Mesh/Cells per beam diameter=8", "Discretisation/Element degree=2"});
  expect_exact_counts({"Mesh/Global refinements=1", "Heat sources/Active=Goldak double ellipsoid"});
}

BOOST_AUTO_TEST_CASE(too_large_a_case_is_refused_before_the_mesh)
{
  const auto setup = testing::make_setup({"Mesh/Cells per beam diameter=200"});
  const auto estimate =
      check_case_resources(*setup, 1, std::numeric_limits<double>::infinity()).estimate;
  BOOST_TEST(estimate.dofs > 2e7);
  const std::string message = refusal(*setup, 8e9);
  BOOST_TEST_MESSAGE(message);
  for (const char *fragment :
       {"Resources/Memory limit (GB) = auto (7.2 GB", "8 GB available",
        "Mesh/Cells per beam diameter = 200", "Beam/Diameter FWHM (um) = 10", "DoFs"})
    BOOST_TEST(message.find(fragment) != std::string::npos, "message lacks: " << fragment);

  // an explicit limit is the user's word
  const auto allowed =
      testing::make_setup({"Mesh/Cells per beam diameter=200", "Resources/Memory limit (GB)=1e5"});
  BOOST_TEST(refusal(*allowed, 8e9).empty());
  const auto limited = testing::make_setup({"Resources/Memory limit (GB)=0.1"});
  BOOST_TEST(refusal(*limited, 1e12).find("Resources/Memory limit (GB) = 0.1 GB") !=
             std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_case_above_the_budget_is_warned_about)
{
  const auto setup  = testing::make_setup({});
  const auto memory = check_case_resources(*setup, 1, std::numeric_limits<double>::infinity())
                          .estimate.memory_bytes;
  // the automatic budget is half the limit, the limit 90 % of the memory
  BOOST_TEST(!check_case_resources(*setup, 1, 2.3 * memory).warning);
  const auto warning = check_case_resources(*setup, 1, 2.1 * memory).warning;
  BOOST_TEST(bool(warning));
  if (warning)
    BOOST_TEST(warning->find("Resources/Memory budget (GB)") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(meshes_beyond_the_axis_limit_or_double_precision_are_input_errors)
{
  const auto message = [](const std::vector<std::string> &overrides) -> std::string {
    try
      {
        testing::make_setup(overrides);
      }
    catch (const InputError &e)
      {
        return e.what();
      }
    return "";
  };
  const std::string too_many = message({"Mesh/Depth cell size (um)=1e-6", "Mesh/Depth (um)=1e6"});
  BOOST_TEST(too_many.find("coarse cells along z") != std::string::npos, too_many);
  BOOST_TEST(too_many.find("Mesh/Depth cell size (um) = 1e-06") != std::string::npos, too_many);
  const std::string precision = message({"Beam/Travel speed (m/s)=1e-9"});
  BOOST_TEST(precision.find("beyond double precision") != std::string::npos, precision);
}
