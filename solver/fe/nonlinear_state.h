#pragma once
// What the nonlinear (temperature-dependent) solve leaves beside the
// temperature field: the Kirchhoff and enthalpy fields the energy balance
// integrates, the surface losses and how the solve went.

#include "solver/fe/rise_vector.h"

#include <vector>

namespace ebweld
{
  /// Heat and mass leaving the top surface, full solid (twice the half brick).
  struct SurfaceLossTotals
  {
    double convected_W               = 0.;
    double radiated_W                = 0.;
    double evaporated_W              = 0.;
    double evaporation_rate_kg_per_s = 0.;
    double peak_recoil_pressure_Pa   = 0.;
  };

  struct NonlinearState
  {
    /// u = Phi / k0 and theta_h = H / (rho0 c_p0) [K] (kirchhoff_map.h), with ghosts
    RiseVector        kirchhoff_rise, enthalpy_rise;
    SurfaceLossTotals losses;
    /// width the liquid-fraction step was spread over [K]
    double melting_smoothing_K = 0.;
    /// Newton steps over all continuation levels, and the levels tried
    unsigned int newton_iterations  = 0;
    unsigned int continuation_steps = 0;
    /// Krylov iterations of all Newton steps (the linear predictor's not included)
    unsigned int linear_iterations = 0;
    /// ||R_k|| / ||F|| at full power, one per Newton step and the last
    std::vector<double> residual_history;
  };
} // namespace ebweld
