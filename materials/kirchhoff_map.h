#pragma once
// The nonlinear heat equation's state variables as functions of one
// unknown (docs/PHYSICS.md 6.1). With the Kirchhoff variable
// Phi(T) = int_T0^T k and the volumetric enthalpy H(T) = rho0 h(T), the
// unknown is u = Phi / k0 [K] and the enthalpy enters as theta_h = H /
// (rho0 c_p0) [K] (k0, c_p0 at T0): for constant properties both are
// T - T0 and the equation is the linear one. The map is tabulated on a
// fine temperature grid (finer across the melting range) and interpolated
// linearly; outside the grid the properties are held at their end values.

#include "materials/thermal_properties.h"

#include <vector>

namespace ebweld
{
  class KirchhoffMap
  {
  public:
    /// `top_K`: highest temperature tabulated (above it: extrapolated with
    /// the properties there); `smoothing_K`: width of the melting range
    /// at least (ThermalProperties::liquid_fraction).
    KirchhoffMap(const ThermalProperties &properties, double initial_temperature_K,
                 double smoothing_K, double top_K);

    struct State
    {
      double temperature_K = 0.;
      /// u = Phi / k0 [K]
      double kirchhoff_rise_K = 0.;
      /// H / (rho0 c_p0) [K]
      double enthalpy_rise_K = 0.;
      /// d theta_h / d u = (c_app / c_p0) (k0 / k(T)) [-]
      double enthalpy_slope = 1.;
      /// k(T) / k0 [-]
      double relative_conductivity = 1.;
    };

    /// The state at u = Phi / k0 [K].
    State at(double kirchhoff_rise_K) const;
    /// The state at theta_h = H / (rho0 c_p0) [K] (the enthalpy increases
    /// strictly with T, so it determines the state as well).
    State at_enthalpy(double enthalpy_rise_K) const;
    /// u at temperature T (inverse of at().temperature_K).
    double kirchhoff_rise_K(double temperature_K) const;
    /// theta_h at temperature T.
    double enthalpy_rise_K(double temperature_K) const;
    /// Kirchhoff mean of k over [T0, T]: Phi(T) / (T - T0) [W/m/K].
    double mean_conductivity_W_per_mK(double temperature_K) const;
    /// Mean volumetric heat capacity over [T0, T], latent heat included:
    /// H(T) / (T - T0) [J/m^3/K].
    double mean_heat_capacity_J_per_m3K(double temperature_K) const;

    double reference_conductivity_W_per_mK() const { return k0_; }
    /// rho0 c_p0 [J/m^3/K]
    double reference_heat_capacity_J_per_m3K() const { return rho_cp0_; }
    double initial_temperature_K() const { return temperatures_.front(); }
    /// The highest tabulated temperature [K].
    double top_temperature_K() const { return temperatures_.back(); }

  private:
    /// index i with values[i] <= v < values[i + 1], clamped to the grid
    static std::size_t interval(const std::vector<double> &values, double v);
    /// the state a fraction s of the way through grid interval i (s
    /// outside [0, 1]: extrapolated with interval i's slopes)
    State interpolate(std::size_t i, double s) const;
    State at_temperature(double temperature_K) const;

    double              k0_ = 0., rho_cp0_ = 0.;
    std::vector<double> temperatures_, kirchhoff_, enthalpy_, conductivity_;
  };
} // namespace ebweld
