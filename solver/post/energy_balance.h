#pragma once
// Global energy balance of a steady moving-frame solution (full solid, i.e.
// twice the half brick): the absorbed power must leave through the
// boundaries. In a semi-infinite solid all of it is eventually carried out
// by the material stream; heat conducted through the fixed-temperature
// faces measures how much the truncated domain perturbs the solution.
// With temperature-dependent properties the stream carries the enthalpy
// rho0 h(T), the faces conduct -grad Phi . n, and the top surface's
// convection, radiation and evaporation are the nonlinear solve's sums.

#include "solver/fe/heat_problem.h"

#include <set>

namespace ebweld
{
  struct EnergyBalance
  {
    /// nominal absorbed power, sum of eta V I over the sources [W]
    double absorbed_W = 0.;
    /// power deposited by the source quadrature in the domain [W]
    double deposited_W = 0.;
    /// rho c_p theta u.n through the outflow face [W]
    double advected_out_W = 0.;
    /// -k grad theta . n through the fixed-temperature faces [W]
    double conducted_out_W = 0.;
    /// h (theta - theta_amb) through convective faces [W]
    double convected_out_W = 0.;
    /// radiated and evaporated from the top surface (temperature-dependent solve) [W]
    double radiated_out_W   = 0.;
    double evaporated_out_W = 0.;

    double leaving_W() const
    {
      return advected_out_W + conducted_out_W + convected_out_W + radiated_out_W + evaporated_out_W;
    }
    /// |absorbed - leaving| / absorbed
    double relative_error() const;
  };

  /// `absorbed_W` and `deposited_W` are for the full solid; the boundary
  /// integrals over the half brick are doubled.
  EnergyBalance compute_energy_balance(const HeatProblem                          &problem,
                                       const std::set<dealii::types::boundary_id> &fixed_faces,
                                       double absorbed_W, double deposited_W);
} // namespace ebweld
