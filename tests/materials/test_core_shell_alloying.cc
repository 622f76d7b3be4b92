// Core-shell alloying (docs/PHYSICS.md 5.2): each species' amount is conserved,
// constant-D diffusion in the sphere matches the analytical series, the
// mixing index grows monotonically under heating, and D(r, T) tends to the
// bulk Arrhenius law for large r.

#include "materials/nano/core_shell_alloying.h"
#include "tests/common/submodel_fixture.h"

#include <boost/math/tools/roots.hpp>

#include <cmath>

using namespace ebweld;
using namespace ebweld::testing;

namespace
{
  const std::string section = "Interface submodels/core-shell alloying/";

  /// Concentration in a sphere of radius R (no flux) that starts as 1 for
  /// r < R_A and 0 outside, after diffusion time D t (Crank, The
  /// Mathematics of Diffusion, 6.3): eigenfunctions sin(l r) / (l r) with
  /// tan(l R) = l R.
  class SeriesSolution
  {
  public:
    SeriesSolution(const double R_A, const double R, const double Dt)
        : R_A_(R_A)
        , R_(R)
        , Dt_(Dt)
    {
      for (int k = 1; k <= 400; ++k)
        {
          const auto     f          = [R](const double l) { return std::tan(l * R) - l * R; };
          std::uintmax_t iterations = 200;
          const auto     root       = boost::math::tools::toms748_solve(
                        f, (k * M_PI + 1e-9) / R, ((k + 0.5) * M_PI - 1e-9) / R,
                        boost::math::tools::eps_tolerance<double>(50), iterations);
          roots_.push_back(0.5 * (root.first + root.second));
        }
    }
    double operator()(const double r) const
    {
      double c = std::pow(R_A_ / R_, 3);
      for (const double l : roots_)
        {
          const double numerator =
              (std::sin(l * R_A_) / (l * l) - R_A_ * std::cos(l * R_A_) / l) / l;
          const double denominator = (R_ / 2. - std::sin(2. * l * R_) / (4. * l)) / (l * l);
          c += numerator / denominator * std::exp(-l * l * Dt_) * std::sin(l * r) / (l * r);
        }
      return c;
    }

  private:
    double              R_A_, R_, Dt_;
    std::vector<double> roots_;
  };
} // namespace

BOOST_AUTO_TEST_CASE(species_amounts_are_conserved)
{
  const auto model = make_submodel<CoreShellAlloying>("core-shell alloying", particles("Au", 5e-9));
  std::vector<double> t, T;
  for (int step = 0; step < 12; ++step) // staircase 300 -> 575 K
    {
      t.insert(t.end(), {60. * step, 60. * (step + 1)});
      T.insert(T.end(), {300. + 25. * step, 300. + 25. * step});
    }
  const ThermalHistory history(t, T, "staircase");
  const auto           result = model->evolve(history, history.output_times(10.));
  const auto core = column(result, 1), shell = column(result, 2), mixing = column(result, 0);
  for (std::size_t i = 0; i < core.size(); ++i)
    {
      BOOST_TEST(std::abs(core[i] / core[0] - 1.) < 1e-10);
      BOOST_TEST(std::abs(shell[i] / shell[0] - 1.) < 1e-10);
    }
  // mixing index: 0 at the start, never decreasing, complete at the end
  BOOST_TEST(mixing.front() == 0.);
  for (std::size_t i = 1; i < mixing.size(); ++i)
    BOOST_TEST(mixing[i] >= mixing[i - 1] - 1e-12);
  BOOST_TEST(mixing.back() > 0.99);
  BOOST_TEST(mixing[mixing.size() / 4] < 0.01); // nothing at room temperature
}

BOOST_AUTO_TEST_CASE(constant_diffusivity_matches_the_series_solution)
{
  const double R = 5e-9, R_A = 2e-9;
  const auto   model = make_submodel<CoreShellAlloying>(
      "core-shell alloying", particles("Au", R),
      {section + "Size-dependent diffusivity=false", section + "Core radius (nm)=2",
         section + "Interface width (nm)=1e-4", section + "Radial cells=200",
         section + "Time step tolerance=1e-7"});
  const double         T = 700., D = model->diffusivity_m2_per_s(1e-9, T);
  const double         duration = 0.02 * R * R / D; // partly mixed
  const auto           result   = model->evolve(isothermal(T, duration), {0., duration});
  const auto          &profile  = result.tables.at("radial_profile");
  const SeriesSolution exact(R_A, R, D * duration);
  double               worst = 0.;
  for (const auto &row : profile.rows)
    worst = std::max(worst, std::abs(row[3] - exact(row[0])));
  BOOST_TEST_MESSAGE("largest deviation from the series solution: " << worst);
  BOOST_TEST(worst < 5e-3);
  BOOST_TEST(result.states[1][0] > 0.1); // the test is not trivially mixed
  BOOST_TEST(result.states[1][0] < 0.9); // ... nor trivially unmixed
}

BOOST_AUTO_TEST_CASE(diffusivity_tends_to_the_bulk_law)
{
  const auto model = make_submodel<CoreShellAlloying>("core-shell alloying", particles("Au", 5e-9));
  const double T   = 600.;
  const double bulk = 7.2e-6 * std::exp(-169800. / (8.314462618 * T));
  BOOST_TEST(model->diffusivity_m2_per_s(1e-3, T) == bulk, boost::test_tools::tolerance(1e-4));
  BOOST_TEST(model->diffusivity_m2_per_s(1., T) == bulk, boost::test_tools::tolerance(1e-7));
  // smaller radii diffuse faster (lower melting point), monotonically
  double previous = bulk;
  for (const double r : {1e-6, 1e-7, 1e-8, 5e-9, 2e-9})
    {
      const double D = model->diffusivity_m2_per_s(r, T);
      BOOST_TEST(D > previous);
      previous = D;
    }
}

BOOST_AUTO_TEST_CASE(line_profile_shows_the_core)
{
  // HAADF-like profile: the lighter Ag core (Z 47) inside Au (Z 79) makes
  // the unmixed particle darker in the middle than the alloyed one
  const auto model = make_submodel<CoreShellAlloying>("core-shell alloying", particles("Au", 5e-9));
  const auto result  = model->evolve(isothermal(700., 100.), {0., 100.});
  const auto &line   = result.tables.at("line_profile");
  const auto  centre = line.rows[line.rows.size() / 2];
  BOOST_TEST(centre[0] == 0.);
  BOOST_TEST(centre[1] == 1.);             // normalised to the initial centre
  BOOST_TEST(centre[2] > 1.05);            // Au has mixed into the core column
  BOOST_TEST(line.rows.front()[1] < 1e-6); // no material beyond the particle edge
}
