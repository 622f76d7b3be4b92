#pragma once
// Depth profile f(z) [1/m] of a volumetric beam source: the fraction of the
// absorbed power deposited per unit depth, with integral over z >= 0 equal
// to 1 (docs/PHYSICS.md 2.1, 2.2).

#include <nlohmann/json.hpp>

#include <string>

namespace ebweld
{
  class DepthProfile
  {
  public:
    virtual ~DepthProfile() = default;
    /// f(z) [1/m]; zero above the surface (z < 0).
    virtual double value(double depth_m) const = 0;
    /// Depth below which f is zero or negligible (< 1e-12 of the power).
    virtual double max_depth_m() const = 0;
    /// Shortest length over which f changes appreciably: the source
    /// quadrature resolves it.
    virtual double feature_length_m() const = 0;
    /// Mean deposition depth, integral of z f(z) [m].
    virtual double mean_depth_m() const;
    /// Fraction of the power deposited above `depth_m`, the integral of f
    /// from 0 (numerical unless a profile knows it in closed form).
    virtual double deposited_above(double depth_m) const;
    /// Depth above which 99.9 % of the power is deposited [m]: the mesh
    /// keeps its fine cells down to there.
    double bulk_depth_m() const;
    /// Name and parameters for reports.
    virtual nlohmann::ordered_json describe() const = 0;
  };
} // namespace ebweld
