#pragma once
// The nanoparticle filler at the weld interface (docs/PHYSICS.md 5, 5.6): where
// it sits (a butt joint's layer |y| < w about the joint plane y = 0, which
// is the symmetry plane of the half domain, or a lap joint's layer of
// thickness w at depth z_i), its particles, the submodels that follow its
// state, and the two-way coupling of its conductivity to that state.

#include "materials/nano/interface_submodel.h"
#include "solver/fe/heat_assembler.h"

#include <deal.II/base/parameter_handler.h>

#include <optional>

namespace ebweld
{
  using SubmodelList = std::vector<std::shared_ptr<const InterfaceSubmodel>>;

  enum class JointType
  {
    butt,
    lap
  };

  enum class CouplingMode
  {
    one_way, // state from one thermal solve
    two_way  // conductivity follows the state until both settle
  };

  struct FillerSettings
  {
    JointType joint = JointType::butt;
    /// butt: half-width w of the layer about y = 0; lap: thickness [m]
    double layer_width_m = 0.;
    /// lap: depth z_i of the layer's mid-plane [m]
    double          lap_depth_m = 0.;
    ParticleContext particles;
    /// the submodels integrated along the streamlines, by name
    std::vector<std::string> submodels;
    SubmodelList             models;
    /// points across the interface (depths or lateral positions)
    unsigned int points = 16;
    /// how far across the interface they reach [m]; empty: 1.5 x the melt
    /// depth (butt) or half-width (lap) of the first solve
    std::optional<double> extent_m;
    double                threshold_temperature_K = 0.;
    CouplingMode          coupling                = CouplingMode::two_way;
    double                tolerance               = 1e-3;
    double                relaxation              = 1.;
    unsigned int          max_iterations          = 20;
    /// k_eff = k_particle * clamp(Z rho x/a / pi, ratio_loose, 1)
    double coordination_number      = 6.;
    double loose_conductivity_ratio = 0.01;

    /// Fraction [0, 1] of a cell or piece of one inside the filler layer.
    double layer_fraction(const Box &box) const;
    /// k_eff / k_particle for neck ratio x/a and relative density.
    double conductivity_ratio(double neck_ratio, double relative_density) const;
    /// Coordinate across the interface: z (butt) or y (lap).
    unsigned int across_axis() const { return joint == JointType::butt ? 2 : 1; }
    /// The coordinate across the interface of a box's centre [m].
    double across(const Box &box) const { return box.center()[across_axis()]; }
  };

  void declare_filler_parameters(dealii::ParameterHandler &prm);

  /// The filler of the input, or nothing if Interface filler/Joint = none.
  /// Throws InputError.
  std::optional<FillerSettings> parse_filler(dealii::ParameterHandler &prm, double domain_depth_m,
                                             double domain_half_width_m);
} // namespace ebweld
