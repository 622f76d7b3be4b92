// The stabilised advection-diffusion operator (solver/heat_assembler):
//  1. Manufactured solution theta = sin(pi x) sin(pi y) sin(pi z) on the unit
//     cube with u = (-1, 0, 0), k = 1/32: the L2 error of Q1 + SUPG falls
//     with order >= 1.8 while the mesh Peclet number goes 1 -> 0.5 (SUPG is
//     consistent: it does not spoil the Galerkin order); Q2 reaches >= 2.8.
//  2. Outflow boundary layer at mesh Peclet 312: -theta_x - k theta_xx = q
//     with theta = 0 at x = 0 and 1 has the solution q/b (1 - x - e^{-x/k}),
//     bounded by max q / b. SUPG stays within 1 % of it (no spurious
//     oscillation); plain Galerkin, checked the same way, does not. (AMG
//     breaks down on the Galerkin matrix, whose diagonal almost vanishes,
//     so that one is solved with Jacobi-preconditioned GMRES.)

#include "meshes/distributed_brick.h"
#include "solver/fe/heat_problem.h"

#include <deal.II/base/function.h>
#include <deal.II/base/quadrature_lib.h>
#include <deal.II/numerics/vector_tools.h>

#include <boost/test/unit_test.hpp>

#include <cmath>

using namespace ebweld;
using namespace dealii;

namespace
{
  /// A source given by a function of position, for manufactured problems.
  class FunctionSource final : public HeatSource
  {
  public:
    explicit FunctionSource(std::function<double(const Point<3> &)> q)
        : q_(std::move(q))
    {
    }
    std::string name() const override { return "manufactured"; }
    double      absorbed_power_W() const override { return 0.; }
    void        add_volumetric_density(const std::vector<Point<3>> &points,
                                       std::vector<double>         &density) const override
    {
      for (std::size_t i = 0; i < points.size(); ++i)
        density[i] += q_(points[i]);
    }
    BoundingBox<3> support_box_m() const override
    {
      return BoundingBox<3>({Point<3>(0, 0, 0), Point<3>(1, 1, 1)});
    }
    Tensor<1, 3> feature_length_m() const override
    {
      Tensor<1, 3> l;
      l[0] = l[1] = l[2] = 10.; // smooth: the element's own quadrature suffices
      return l;
    }
    nlohmann::ordered_json describe() const override { return {}; }

  private:
    std::function<double(const Point<3> &)> q_;
  };

  HeatOperatorCoefficients unit_coefficients(const double k, const bool supg)
  {
    HeatOperatorCoefficients c;
    c.rho_cp_J_per_m3K         = 1.;
    c.velocity_m_per_s[0]      = -1.;
    c.conductivity_W_per_mK    = [k](const Box &) { return k; };
    c.streamline_stabilisation = supg;
    return c;
  }

  std::unique_ptr<HeatProblem> solve_on_unit_cube(unsigned int degree, unsigned int cells,
                                                  const std::set<types::boundary_id> &fixed,
                                                  const HeatOperatorCoefficients     &c,
                                                  const HeatSource                   &source,
                                                  const std::string &preconditioner = "auto",
                                                  const unsigned int subdivisions   = 1)
  {
    auto problem = std::make_unique<HeatProblem>(MPI_COMM_WORLD, degree, subdivisions);
    problem->triangulation().create(uniform_brick_nodes(cells, 0., 1.));
    problem->setup(fixed);
    problem->assemble_operator(c);
    problem->assemble_sources({&source}, 4);
    LinearSolverSettings settings;
    settings.relative_tolerance = 1e-12;
    settings.preconditioner     = preconditioner;
    settings.max_iterations     = 20000;
    problem->prepare_solver(settings);
    problem->solve();
    return problem;
  }

  double l2_error(const HeatProblem &problem, const Function<3> &exact)
  {
    Vector<float> cell_errors(problem.dof_handler().get_triangulation().n_active_cells());
    // Gauss points on each piece: the pieces' kinks are inside the cells
    const auto &pieces = problem.pieces();
    VectorTools::integrate_difference(
        problem.dof_handler(), problem.rise(), exact, cell_errors,
        QIterated<3>(QGauss<1>(pieces.piece_element().degree + 2), pieces.per_direction()),
        VectorTools::L2_norm);
    return VectorTools::compute_global_error(problem.dof_handler().get_triangulation(), cell_errors,
                                             VectorTools::L2_norm);
  }

  class SineProduct : public Function<3>
  {
  public:
    double value(const Point<3> &p, unsigned int = 0) const override
    {
      return std::sin(M_PI * p[0]) * std::sin(M_PI * p[1]) * std::sin(M_PI * p[2]);
    }
  };

  /// L2 error of the manufactured sine product on n cells per side, each
  /// split into `subdivisions` pieces per direction (element_pieces.h).
  double sine_product_error(const unsigned int degree, const unsigned int n,
                            const unsigned int subdivisions = 1)
  {
    const double         k = 1. / 32.;
    const SineProduct    exact;
    const FunctionSource source([&](const Point<3> &p) {
      // rho c_p u . grad theta - k lap theta with u = (-1, 0, 0)
      return -M_PI * std::cos(M_PI * p[0]) * std::sin(M_PI * p[1]) * std::sin(M_PI * p[2]) +
             3. * k * M_PI * M_PI * exact.value(p);
    });
    const auto           problem = solve_on_unit_cube(
                  degree, n, {0, 1, 2, 3, 4, 5}, unit_coefficients(k, true), source, "auto", subdivisions);
    const double error = l2_error(*problem, exact);
    BOOST_TEST_MESSAGE("Q" << degree << " cells/side " << n << " x " << subdivisions
                           << " pieces: L2 error " << error);
    return error;
  }

  double observed_order(const unsigned int degree, const std::vector<unsigned int> &cells)
  {
    std::vector<double> errors;
    for (const unsigned int n : cells)
      errors.push_back(sine_product_error(degree, n));
    const double order = std::log2(errors[errors.size() - 2] / errors.back());
    BOOST_TEST_MESSAGE("Q" << degree << " observed L2 order " << order);
    return order;
  }

  /// max(theta_h) / max(exact) - 1 and -min(theta_h) / max(exact), and the
  /// largest nodal deviation from the exact layer solution over max(exact).
  struct LayerErrors
  {
    double overshoot, undershoot, nodal_error;
  };

  /// Unstabilised Galerkin needs Jacobi: BoomerAMG breaks down on its
  /// matrix (GMRES residual NaN at once).
  LayerErrors outflow_layer(const bool supg, const std::string &preconditioner)
  {
    const double         k = 1e-4; // mesh Peclet h/(2k) = 312 at 16 cells
    const auto           q = [](const Point<3> &p) { return 1. + 0.5 * std::sin(M_PI * p[1]); };
    const FunctionSource source(q);
    const auto           problem =
        solve_on_unit_cube(1, 16, {0, 1}, unit_coefficients(k, supg), source, preconditioner);
    double local_max = -1e300, local_min = 1e300, local_error = 0.;
    for (std::size_t i = 0; i < problem->owned_rise().size(); ++i)
      {
        const Point<3> &p     = problem->owned_support_points()[i];
        const double    theta = problem->owned_rise()[i];
        const double    exact = q(p) * (1. - p[0] - std::exp(-p[0] / k)) / (1. - std::exp(-1. / k));
        local_max             = std::max(local_max, theta);
        local_min             = std::min(local_min, theta);
        local_error           = std::max(local_error, std::abs(theta - exact));
      }
    const double exact_max = 1.5;
    return {Utilities::MPI::max(local_max, MPI_COMM_WORLD) / exact_max - 1.,
            -Utilities::MPI::min(local_min, MPI_COMM_WORLD) / exact_max,
            Utilities::MPI::max(local_error, MPI_COMM_WORLD) / exact_max};
  }
} // namespace

BOOST_AUTO_TEST_CASE(q1_supg_converges_with_second_order)
{
  BOOST_TEST(observed_order(1, {8, 16, 32}) >= 1.8);
}

// FE_Q_iso_Q1(m) on n cells is Q1 on n m cells: the same space, operator
// and source terms, so the same solution up to the solver's 1e-12 (the
// errors, 0.3 % of the solution, agree to 7e-8 on 2 ranks; a piece in the
// wrong place changes them in the second digit).
BOOST_AUTO_TEST_CASE(q1_pieces_are_q1_on_the_refined_mesh)
{
  const double q1 = sine_product_error(1, 16);
  BOOST_TEST(sine_product_error(1, 8, 2) == q1, boost::test_tools::tolerance(1e-6));
  BOOST_TEST(sine_product_error(1, 4, 4) == q1, boost::test_tools::tolerance(1e-6));
}

BOOST_AUTO_TEST_CASE(q2_supg_converges_with_third_order)
{
  BOOST_TEST(observed_order(2, {4, 8, 16}) >= 2.8);
}

BOOST_AUTO_TEST_CASE(no_oscillation_at_high_mesh_peclet)
{
  // both AMG variants: this mesh is advection-dominated, AIR's home ground
  for (const std::string preconditioner : {"boomeramg", "air"})
    {
      const LayerErrors supg = outflow_layer(true, preconditioner);
      BOOST_TEST_MESSAGE("SUPG with " << preconditioner << ": overshoot " << supg.overshoot
                                      << ", undershoot " << supg.undershoot << ", nodal error "
                                      << supg.nodal_error);
      BOOST_TEST(supg.overshoot < 0.01);
      BOOST_TEST(supg.undershoot < 0.01);
      BOOST_TEST(supg.nodal_error < 0.01);
    }

  // The same check catches the oscillations of unstabilised Galerkin.
  const LayerErrors galerkin = outflow_layer(false, "jacobi");
  BOOST_TEST_MESSAGE("Galerkin: overshoot " << galerkin.overshoot << ", undershoot "
                                            << galerkin.undershoot);
  BOOST_TEST(std::max(galerkin.overshoot, galerkin.undershoot) > 0.05);
}
