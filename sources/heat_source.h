#pragma once
// The contract of a heat-source model (docs/DESIGN.md 3): the absorbed power, the
// volumetric density q [W/m^3] and/or surface flux [W/m^2] at many points at
// once, the region outside which the source is negligible (drives mesh
// grading and which cells get source quadrature), and the length scales the
// source quadrature must resolve.
//
// Coordinates are those of the moving frame: x = xi along the weld (beam at
// 0), y across, z = depth below the top surface. Values describe the full
// solid; the solver integrates them over the half brick y >= 0.

#include <deal.II/base/bounding_box.h>
#include <deal.II/base/point.h>
#include <deal.II/base/tensor.h>

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace ebweld
{
  struct Material;

  /// What every source model may use about the beam and the target.
  struct BeamContext
  {
    double voltage_V = 0.;
    double current_A = 0.;
    /// full width at half maximum of the Gaussian surface power density [m]
    double diameter_m = 0.;
    /// default heating efficiency eta_h of electron-beam sources
    double heating_efficiency = 1.;
    /// Kanaya-Okayama electron range R [m]
    double electron_range_m = 0.;
    /// Kanaya-Okayama gamma = 0.187 Z^(2/3)
    double ko_gamma = 0.;
    /// diffusion-sphere centre depth / R
    double          sphere_centre_fraction = 0.;
    const Material *material               = nullptr;

    double beam_power_W() const { return voltage_V * current_A; }
  };

  class HeatSource
  {
  public:
    virtual ~HeatSource() = default;

    /// Registered model name.
    virtual std::string name() const = 0;

    /// Power absorbed by the full solid [W].
    virtual double absorbed_power_W() const = 0;

    /// Adds q [W/m^3] at each point to `density`.
    virtual void add_volumetric_density(const std::vector<dealii::Point<3>> &points,
                                        std::vector<double>                 &density) const = 0;

    /// Adds the flux [W/m^2] into the top surface z = 0 at each point.
    virtual void add_surface_flux(const std::vector<dealii::Point<3>> &points,
                                  std::vector<double>                 &flux) const;

    /// True if the source deposits through add_surface_flux.
    virtual bool has_surface_flux() const { return false; }

    /// Box outside which the source is negligible (below 1e-12 of peak).
    virtual dealii::BoundingBox<3> support_box_m() const = 0;

    /// Shortest length over which q changes, per direction [m]: the source
    /// quadrature subdivides cells to resolve it.
    virtual dealii::Tensor<1, 3> feature_length_m() const = 0;

    /// Model name, efficiency and parameters, for reports and summary.json.
    virtual nlohmann::ordered_json describe() const = 0;

    /// Bottom of support_box_m(): the deposition depth that the mesh must
    /// resolve.
    double deposition_depth_m() const;

    /// Depth above which nearly all the power is deposited: the mesh keeps
    /// its fine cells down to there. Defaults to deposition_depth_m().
    virtual double bulk_depth_m() const { return deposition_depth_m(); }
  };
} // namespace ebweld
