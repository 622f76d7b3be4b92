#pragma once
// Melt-pool dimensions and the depth response of a temperature-rise field.
//
// The extents are read from the finite-element field itself, not from nodal
// maxima: each piece of a cell (element_pieces.h) that can hold melt is
// sampled on a lattice of points and the melting isotherm is located
// between samples by linear interpolation (exact along edges for Q1, where
// the field is linear).

#include "solver/fe/heat_problem.h"

#include <string>

namespace ebweld
{
  struct MeltPool
  {
    bool melted = false;
    /// deepest point with T >= T_m [m]
    double depth_m = 0.;
    /// largest y with T >= T_m [m]
    double half_width_m = 0.;
    /// front_xi_m - rear_xi_m [m]
    double length_m   = 0.;
    double front_xi_m = 0.;
    double rear_xi_m  = 0.;
    /// xi at which the pool is widest [m]
    double widest_xi_m = 0.;
  };

  /// Region where the rise is >= melt_rise_K, sampled on `samples` points
  /// per piece direction.
  MeltPool measure_melt_pool(const HeatProblem &problem, double melt_rise_K,
                             unsigned int samples = 9);

  /// Largest rise at depth z (over xi and y), M(z), and the largest rise at
  /// any depth >= z with the depth where it occurs (docs/PHYSICS.md 1, linearity).
  struct DepthResponse
  {
    double rise_at_depth_K      = 0.;
    double max_rise_below_K     = 0.;
    double depth_of_max_below_m = 0.;

    /// The first melt appears at the depth: the rise there is positive and
    /// nothing below it is hotter (else the pool starts deeper).
    bool attainable() const
    {
      return rise_at_depth_K > 0. && max_rise_below_K <= rise_at_depth_K * (1. + 1e-9);
    }
    /// Factor on the beam power that makes the rise at the depth equal
    /// melt_rise_K (theta is linear in the power).
    double power_factor(const double melt_rise_K) const { return melt_rise_K / rise_at_depth_K; }
  };

  DepthResponse depth_response(const HeatProblem &problem, double depth_m);

  /// Why no current melts to the response's depth (empty when one does).
  std::string no_current_reason(const DepthResponse &response);
} // namespace ebweld
