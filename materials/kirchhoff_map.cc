#include "materials/kirchhoff_map.h"

#include "solver/base/input_error.h"

#include <algorithm>
#include <cmath>

namespace ebweld
{
  namespace
  {
    /// Temperatures of the grid: steps of about 0.5 K, and 400 steps
    /// across the melting range where the latent heat is released.
    std::vector<double> temperature_grid(const double T0, const double top_K,
                                         const std::pair<double, double> &melting)
    {
      std::vector<double> T;
      const auto          add_span = [&T](const double from, const double to, const double step) {
        if (to <= from)
          return;
        const auto n = static_cast<std::size_t>(std::ceil((to - from) / step));
        for (std::size_t i = 0; i < n; ++i)
          T.push_back(from + (to - from) * double(i) / double(n));
      };
      const double low  = std::clamp(melting.first, T0, top_K);
      const double high = std::clamp(melting.second, T0, top_K);
      add_span(T0, low, 0.5);
      add_span(low, high, (high - low) / 400.);
      add_span(high, top_K, 0.5);
      T.push_back(top_K);
      return T;
    }

    void require_positive_property(const ThermalProperties &p, const char *name, const double T,
                                   const double value)
    {
      if (!(value > 0.) || !std::isfinite(value))
        throw InputError(p.source_file + ": " + name + " is " + format_value(value) + " at " +
                         format_value(T) + " K: it must be > 0 wherever it is used (" +
                         "check the polynomial or the table)");
    }
  } // namespace

  KirchhoffMap::KirchhoffMap(const ThermalProperties &p, const double T0, const double smoothing_K,
                             const double top_K)
  {
    const auto melting = p.melting_range_K(smoothing_K);
    temperatures_      = temperature_grid(T0, std::max(top_K, T0 + 1.), melting);
    const double rho0  = p.density_kg_per_m3(T0, smoothing_K);
    require_positive_property(p, "rho", T0, rho0);
    std::vector<double> heat_capacity;
    for (const double T : temperatures_)
      {
        conductivity_.push_back(p.conductivity_W_per_mK(T, smoothing_K));
        heat_capacity.push_back(p.heat_capacity_J_per_kgK(T, smoothing_K));
        require_positive_property(p, "k", T, conductivity_.back());
        require_positive_property(p, "c_p", T, heat_capacity.back());
      }
    k0_      = conductivity_.front();
    rho_cp0_ = rho0 * heat_capacity.front();
    // trapezoidal integrals of k and c_p; the latent heat at the nodes
    kirchhoff_.assign(temperatures_.size(), 0.);
    enthalpy_.assign(temperatures_.size(), 0.);
    double sensible_J_per_kg = 0.;
    for (std::size_t i = 1; i < temperatures_.size(); ++i)
      {
        const double dT = temperatures_[i] - temperatures_[i - 1];
        kirchhoff_[i]   = kirchhoff_[i - 1] + 0.5 * (conductivity_[i] + conductivity_[i - 1]) * dT;
        sensible_J_per_kg += 0.5 * (heat_capacity[i] + heat_capacity[i - 1]) * dT;
        enthalpy_[i] =
            rho0 * (sensible_J_per_kg + p.latent_heat_fusion_J_per_kg *
                                            p.liquid_fraction(temperatures_[i], smoothing_K));
      }
    // in the units of at(): u = Phi / k0, theta_h = H / (rho0 c_p0)
    for (std::size_t i = 0; i < temperatures_.size(); ++i)
      {
        kirchhoff_[i] /= k0_;
        enthalpy_[i] /= rho_cp0_;
      }
  }

  std::size_t KirchhoffMap::interval(const std::vector<double> &values, const double v)
  {
    const auto upper = std::upper_bound(values.begin(), values.end(), v);
    const auto i     = static_cast<std::size_t>(
        std::max<std::ptrdiff_t>(std::distance(values.begin(), upper) - 1, 0));
    return std::min(i, values.size() - 2);
  }

  KirchhoffMap::State KirchhoffMap::interpolate(const std::size_t i, const double s) const
  {
    const auto along = [i, s](const std::vector<double> &v) {
      return v[i] + s * (v[i + 1] - v[i]);
    };
    State state;
    state.temperature_K    = along(temperatures_);
    state.kirchhoff_rise_K = along(kirchhoff_);
    state.enthalpy_rise_K  = along(enthalpy_);
    state.enthalpy_slope = (enthalpy_[i + 1] - enthalpy_[i]) / (kirchhoff_[i + 1] - kirchhoff_[i]);
    const double t       = std::clamp(s, 0., 1.);
    state.relative_conductivity = ((1. - t) * conductivity_[i] + t * conductivity_[i + 1]) / k0_;
    return state;
  }

  KirchhoffMap::State KirchhoffMap::at(const double u) const
  {
    const std::size_t i = interval(kirchhoff_, u);
    return interpolate(i, (u - kirchhoff_[i]) / (kirchhoff_[i + 1] - kirchhoff_[i]));
  }

  KirchhoffMap::State KirchhoffMap::at_enthalpy(const double w) const
  {
    const std::size_t i = interval(enthalpy_, w);
    return interpolate(i, (w - enthalpy_[i]) / (enthalpy_[i + 1] - enthalpy_[i]));
  }

  KirchhoffMap::State KirchhoffMap::at_temperature(const double T) const
  {
    const std::size_t i = interval(temperatures_, T);
    return interpolate(i, (T - temperatures_[i]) / (temperatures_[i + 1] - temperatures_[i]));
  }

  double KirchhoffMap::kirchhoff_rise_K(const double T) const
  {
    return at_temperature(T).kirchhoff_rise_K;
  }

  double KirchhoffMap::enthalpy_rise_K(const double T) const
  {
    return at_temperature(T).enthalpy_rise_K;
  }

  double KirchhoffMap::mean_conductivity_W_per_mK(const double T) const
  {
    return k0_ * kirchhoff_rise_K(T) / (T - initial_temperature_K());
  }

  double KirchhoffMap::mean_heat_capacity_J_per_m3K(const double T) const
  {
    return rho_cp0_ * enthalpy_rise_K(T) / (T - initial_temperature_K());
  }
} // namespace ebweld
