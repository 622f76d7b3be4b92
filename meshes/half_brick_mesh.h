#pragma once
// The computational domain of the moving-frame problem (docs/PHYSICS.md 1): the
// half brick xi in [-behind, ahead], y in [0, side], z in [0, depth]
// (z = depth below the top surface), graded toward the beam.
//
// The grading is laid out on coarse cells 2^r times the target size, each
// then split into 2^r equal cells per axis (what r global refinements would
// give), and the fine brick is created distributed (distributed_brick.h).

#include "meshes/distributed_brick.h"

#include <deal.II/base/parameter_handler.h>

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace ebweld
{
  /// Boundary ids, as set by DistributedBrick::create (and colorized
  /// GridGenerator bricks).
  namespace boundary_id
  {
    constexpr unsigned int outflow  = 0; // xi = -behind
    constexpr unsigned int inflow   = 1; // xi = +ahead
    constexpr unsigned int symmetry = 2; // y = 0
    constexpr unsigned int side     = 3; // y = side
    constexpr unsigned int top      = 4; // z = 0
    constexpr unsigned int bottom   = 5; // z = depth
  }                                      // namespace boundary_id

  struct DomainExtents
  {
    double ahead_m  = 0.;
    double behind_m = 0.;
    double side_m   = 0.;
    double depth_m  = 0.;
  };

  /// Length scales of the physics that size and grade the domain.
  struct DomainScales
  {
    double beam_diameter_m    = 0.;
    double deposition_depth_m = 0.;
    /// depth above which 99.9 % of the power is deposited [m]
    double bulk_depth_m         = 0.;
    double diffusivity_m2_per_s = 0.;
    double speed_m_per_s        = 0.;
    /// Rosenthal estimate of the melt-pool tail P / (2 pi k (T_m - T0)) [m]
    double melt_length_estimate_m = 0.;
  };

  struct MeshSettings
  {
    std::optional<double> ahead_m, behind_m, side_m, depth_m;
    double                cells_per_diameter = 16;
    double                cells_per_depth    = 16;
    /// cell size in depth near the surface [m]; overrides cells_per_depth
    std::optional<double> depth_cell_size_m;
    double                grading_ratio = 1.2;
    unsigned int          refinements   = 2;

    static void         declare_parameters(dealii::ParameterHandler &prm);
    static MeshSettings parse(dealii::ParameterHandler &prm);
  };

  /// Extents large enough for the temperature rise to decay before the
  /// fixed-temperature faces; explicit settings override each one. Throws
  /// InputError if an explicit extent does not hold the beam.
  DomainExtents choose_extents(const MeshSettings &settings, const DomainScales &scales);

  /// Warnings for extents smaller than the automatic choice would be.
  std::vector<std::string> extent_warnings(const DomainExtents &chosen, const DomainScales &scales);

  /// The graded brick before it is built: its coarse nodes and the
  /// refinements that split every coarse cell. What it will cost can be
  /// counted from it (solver/case/resource_guard.h).
  struct BrickPlan
  {
    BrickNodes   coarse_nodes_m;
    unsigned int refinements = 0;

    /// fine cells along xi, y and z
    std::array<double, 3> fine_cells() const;
    double                n_fine_cells() const;
    /// DoFs of continuous Lagrange elements of `degree` on the fine cells
    double n_dofs(unsigned int degree) const;
    /// smallest fine cell along each axis [m]
    std::array<double, 3> finest_cell_m() const;
    /// largest fine cell along each axis [m]
    std::array<double, 3> coarsest_cell_m() const;
  };

  /// Coarse cells per axis above which a plan is refused (each is split
  /// into 8^refinements fine cells).
  constexpr std::size_t max_coarse_cells_per_axis = 1000000;

  /// The graded brick's plan. Throws InputError when an axis needs more than
  /// max_coarse_cells_per_axis cells or cells too small for double precision
  /// to tell their nodes apart.
  BrickPlan plan_half_brick(const MeshSettings &settings, const DomainExtents &extents,
                            const DomainScales &scales);

  /// Builds `plan`, of which the last `refinements_in_element` refinements
  /// are left to the element (pieces of FE_Q_iso_Q1,
  /// solver/fe/element_pieces.h) instead of the triangulation.
  void generate_half_brick(DistributedBrick &triangulation, const BrickPlan &plan,
                           unsigned int refinements_in_element = 0);
} // namespace ebweld
