#include "materials/nano/core_shell_alloying.h"

#include "materials/nano/physical_constants.h"
#include "solver/base/input_error.h"
#include "solver/base/number_pattern.h"
#include "solver/base/parameter_section.h"

#include <cmath>

namespace ebweld
{
  namespace
  {
    /// Smoothed indicator of the sphere of radius R (docs/PHYSICS.md 5.2).
    double smoothed_sphere(const double r, const double R, const double sigma)
    {
      const double s = std::sqrt(2.) * sigma;
      return 0.5 * (std::erf((r + R) / s) - std::erf((r - R) / s));
    }

    /// Solves the backward-Euler diffusion system in place of rhs:
    ///   (m_i + c_{i-1} + c_i) x_i - c_{i-1} x_{i-1} - c_i x_{i+1} = rhs_i
    /// with m_i = V_i / dt and c_i the conductance of face i+1/2 (c_{-1} =
    /// c_{n-1} = 0). Gaussian elimination written with the "excess" s_i =
    /// pivot_i - c_i, which only adds positive terms: the conductances near
    /// the centre exceed m_i by up to 1e17 (D -> D0 where T_m(r) -> 0), and
    /// the textbook Thomas algorithm would cancel m_i away and lose mass.
    void solve_diffusion_system(const std::vector<double> &m, const std::vector<double> &c,
                                std::vector<double> &rhs)
    {
      const std::size_t   n = m.size();
      std::vector<double> pivot(n);
      double              excess = m[0];
      pivot[0]                   = excess + c[0];
      for (std::size_t i = 1; i < n; ++i)
        {
          const double w = c[i - 1] / pivot[i - 1];
          rhs[i] += w * rhs[i - 1];
          excess   = m[i] + c[i - 1] * excess / pivot[i - 1];
          pivot[i] = excess + (i + 1 < n ? c[i] : 0.);
        }
      rhs[n - 1] /= pivot[n - 1];
      for (std::size_t i = n - 1; i-- > 0;)
        rhs[i] = (rhs[i] + c[i] * rhs[i + 1]) / pivot[i];
    }

    /// Radial finite-volume grid of the particle.
    struct RadialGrid
    {
      double              dr;
      std::vector<double> centre, volume; // per cell
      RadialGrid(const double radius, const unsigned int cells)
          : dr(radius / cells)
      {
        for (unsigned int i = 0; i < cells; ++i)
          {
            centre.push_back((i + 0.5) * dr);
            volume.push_back(4. * M_PI / 3. * (std::pow((i + 1) * dr, 3) - std::pow(i * dr, 3)));
          }
      }
      double amount(const std::vector<double> &rho) const
      {
        double sum = 0.;
        for (std::size_t i = 0; i < rho.size(); ++i)
          sum += volume[i] * rho[i];
        return sum;
      }
      /// Volume-weighted variance of rho over the particle.
      double variance(const std::vector<double> &rho) const
      {
        const double total = amount(std::vector<double>(rho.size(), 1.));
        const double mean  = amount(rho) / total;
        double       sum   = 0.;
        for (std::size_t i = 0; i < rho.size(); ++i)
          sum += volume[i] * (rho[i] - mean) * (rho[i] - mean);
        return sum / total;
      }
      /// Value at radius r (piecewise constant per cell).
      double at(const std::vector<double> &rho, const double r) const
      {
        const auto i = static_cast<std::size_t>(r / dr);
        return rho[std::min(i, rho.size() - 1)];
      }
    };
  } // namespace

  void CoreShellAlloying::declare_parameters(dealii::ParameterHandler &prm)
  {
    using dealii::Patterns::Bool;
    using dealii::Patterns::Double;
    using dealii::Patterns::Integer;
    prm.declare_entry("Core radius (nm)", "3.5", NumberPattern::positive(),
                      "R_A [nm], in (0, Particles/Radius (nm)): the particle radius is R_B.");
    prm.declare_entry("Core atomic number", "47", NumberPattern::in_range(1., 118.),
                      "Z of the core species A [-] (Ag: 47); the shell's is that of "
                      "Particles/Material. Weights Z^2 of the HAADF-like profile.");
    prm.declare_entry("Interface width (nm)", "0.3", NumberPattern::positive(),
                      "sigma of the error-function initial profiles [nm], > 0.");
    // Ag in Au (docs/PHYSICS.md 5.2).
    prm.declare_entry("D0 (m^2/s)", "7.2e-6", NumberPattern::positive(),
                      "Diffusivity prefactor D0 [m^2/s], > 0.");
    prm.declare_entry("Activation energy (kJ/mol)", "169.8", NumberPattern::positive(),
                      "Bulk activation energy E_inf [kJ/mol], > 0.");
    prm.declare_entry("Size-dependent diffusivity", "true", Bool(),
                      "Scale E_inf by T_m(r) / T_m(inf) at radius r.");
    SizeDependentMelting::declare_parameters(prm, "9.157", "0.2889");
    prm.declare_entry("Radial cells", "200", NumberPattern::whole(10, 100000),
                      "Finite-volume cells over R_B, in [10, 100000].");
    prm.declare_entry("Time step tolerance", "1e-5", NumberPattern::in_range(1e-12, 0.1),
                      "Largest local error of a time step in the densities [-], in [1e-12, 0.1] "
                      "(adaptive backward Euler with step doubling).");
  }

  CoreShellAlloying::CoreShellAlloying(const ParameterSection &s, const ParticleContext &particles)
      : particle_radius_m_(particles.radius_m)
      , shell_atomic_number_(particles.material.atomic_number)
  {
    core_radius_m_ = s.number("Core radius (nm)") * 1e-9;
    if (core_radius_m_ >= particle_radius_m_)
      throw_input_error(s.path("Core radius (nm)"), format_value(core_radius_m_ * 1e9),
                        "below the particle radius Particles/Radius (nm) = " +
                            format_value(particle_radius_m_ * 1e9) + " nm");
    core_atomic_number_   = s.number("Core atomic number");
    interface_width_m_    = s.number("Interface width (nm)") * 1e-9;
    prefactor_m2_per_s_   = s.number("D0 (m^2/s)");
    activation_J_per_mol_ = s.number("Activation energy (kJ/mol)") * 1e3;
    size_effect_          = s.flag("Size-dependent diffusivity");
    melting_              = SizeDependentMelting::parse(s);
    cells_                = s.number("Radial cells");
    tolerance_            = s.number("Time step tolerance");
  }

  std::vector<std::string> CoreShellAlloying::state_names() const
  {
    return {"mixing_index", "core_species_amount_m3", "shell_species_amount_m3",
            "core_fraction_at_surface"};
  }

  double CoreShellAlloying::diffusivity_m2_per_s(const double r, const double T) const
  {
    const double ratio = size_effect_ ? melting_.melting_point_ratio(r) : 1.;
    return prefactor_m2_per_s_ * arrhenius_factor(activation_J_per_mol_ * ratio, T);
  }

  SubmodelResult CoreShellAlloying::evolve(const ThermalHistory      &history,
                                           const std::vector<double> &times) const
  {
    const RadialGrid    grid(particle_radius_m_, cells_);
    const std::size_t   n = cells_;
    std::vector<double> core(n), shell(n);
    for (std::size_t i = 0; i < n; ++i)
      {
        const double r = grid.centre[i];
        core[i]        = smoothed_sphere(r, core_radius_m_, interface_width_m_);
        shell[i]       = smoothed_sphere(r, particle_radius_m_, interface_width_m_) - core[i];
      }
    const std::vector<double> core0 = core, shell0 = shell;
    const double              variance0 = grid.variance(core0);

    /// One backward-Euler step of both species at temperature T.
    const auto backward_euler_step = [&](std::vector<double> &a, std::vector<double> &b,
                                         const double dt, const double T) {
      std::vector<double> m(n), c(n, 0.); // c[i]: face between cells i and i+1
      for (std::size_t i = 0; i < n; ++i)
        m[i] = grid.volume[i] / dt;
      for (std::size_t i = 0; i + 1 < n; ++i)
        {
          const double r = (i + 1) * grid.dr;
          c[i]           = 4. * M_PI * r * r * diffusivity_m2_per_s(r, T) / grid.dr;
        }
      for (auto *rho : {&a, &b})
        {
          for (std::size_t i = 0; i < n; ++i)
            (*rho)[i] *= m[i];
          solve_diffusion_system(m, c, *rho);
        }
    };
    // Step-doubling error control: a full step against two half steps; the
    // difference estimates the local error (O(dt^2) for backward Euler).
    // The step carries over from one stretch of the history to the next.
    double     dt      = 0.;
    const auto advance = [&](const double t0, const double t1, const ThermalHistory::Piece &piece) {
      double t = t0;
      if (dt == 0.)
        dt = grid.dr * grid.dr / diffusivity_m2_per_s(core_radius_m_, piece.max_K());
      for (unsigned int steps = 0; t < t1; ++steps)
        {
          if (steps > 10000000)
            throw std::runtime_error("core-shell alloying: more than 1e7 time steps; raise "
                                     "'Time step tolerance' or use fewer 'Radial cells'");
          const double h      = std::min(dt, t1 - t);
          auto         full_a = core, full_b = shell, half_a = core, half_b = shell;
          backward_euler_step(full_a, full_b, h, piece.temperature_K(t + 0.5 * h));
          backward_euler_step(half_a, half_b, 0.5 * h, piece.temperature_K(t + 0.25 * h));
          backward_euler_step(half_a, half_b, 0.5 * h, piece.temperature_K(t + 0.75 * h));
          double error = 0.;
          for (std::size_t i = 0; i < n; ++i)
            error =
                std::max({error, std::abs(full_a[i] - half_a[i]), std::abs(full_b[i] - half_b[i])});
          const double factor = error > 0. ? 0.9 * std::sqrt(tolerance_ / error) : 2.;
          if (error <= tolerance_)
            {
              core.swap(half_a);
              shell.swap(half_b);
              t += h;
              if (h == dt)
                dt *= std::min(2., factor);
            }
          else
            dt = h * std::max(0.2, factor);
        }
    };
    SubmodelResult result;
    const auto     record = [&](std::size_t) {
      const double outer = core.back() + shell.back();
      result.states.push_back({1. - std::sqrt(grid.variance(core) / variance0), grid.amount(core),
                               grid.amount(shell), outer > 0. ? core.back() / outer : 0.});
    };
    history.march(times, advance, record);

    CsvTable &radial = result.tables["radial_profile"];
    radial.columns   = {"r_m", "core_initial", "shell_initial", "core_final", "shell_final"};
    for (std::size_t i = 0; i < n; ++i)
      radial.rows.push_back({grid.centre[i], core0[i], shell0[i], core[i], shell[i]});

    // Projected intensity along a line through the centre: the column
    // integral of Z_A^2 rho_A + Z_B^2 rho_B at each position x.
    const auto projected = [&](const std::vector<double> &a, const std::vector<double> &b,
                               const double x) {
      const double half_chord =
          std::sqrt(std::max(0., particle_radius_m_ * particle_radius_m_ - x * x));
      const unsigned int m   = 400;
      double             sum = 0.;
      for (unsigned int j = 0; j < m; ++j)
        {
          const double r = std::hypot(x, (j + 0.5) * half_chord / m);
          sum += core_atomic_number_ * core_atomic_number_ * grid.at(a, r) +
                 shell_atomic_number_ * shell_atomic_number_ * grid.at(b, r);
        }
      return 2. * sum * half_chord / m;
    };
    CsvTable &line    = result.tables["line_profile"];
    line.columns      = {"x_m", "intensity_initial", "intensity_final"};
    const double norm = projected(core0, shell0, 0.);
    for (int k = -50; k <= 50; ++k)
      {
        const double x = particle_radius_m_ * k / 50.;
        line.rows.push_back(
            {x, projected(core0, shell0, x) / norm, projected(core, shell, x) / norm});
      }
    result.summary["core_radius_m"]     = core_radius_m_;
    result.summary["particle_radius_m"] = particle_radius_m_;
    result.summary["diffusivity_at_core_radius_at_peak_m2_per_s"] =
        diffusivity_m2_per_s(core_radius_m_, history.peak_K());
    return result;
  }

  EBWELD_REGISTER_SUBMODEL(CoreShellAlloying, "core-shell alloying",
                           "radial interdiffusion of a core-shell particle (docs/PHYSICS.md 5.2)")
} // namespace ebweld
