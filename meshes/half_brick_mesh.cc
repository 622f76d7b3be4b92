#include "meshes/half_brick_mesh.h"

#include "meshes/distributed_brick.h"
#include "meshes/graded_spacing.h"
#include "solver/base/input_error.h"
#include "solver/base/number_pattern.h"
#include "solver/base/parameter_section.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <stdexcept>

namespace ebweld
{
  namespace
  {
    struct ExtentEntry
    {
      const char           *name;
      std::optional<double> MeshSettings::*member;
      const char                          *doc;
    };
    const ExtentEntry extent_entries[] = {
        {"Length ahead of beam (um)", &MeshSettings::ahead_m,
         "Domain length ahead of the beam (inflow side) [um]; 'auto' or >= the beam diameter."},
        {"Length behind beam (um)", &MeshSettings::behind_m,
         "Domain length behind the beam (outflow side) [um]; 'auto' or >= the beam diameter."},
        {"Half-width (um)", &MeshSettings::side_m,
         "Domain extent across the weld from the symmetry plane [um]; 'auto' or >= the beam "
         "diameter."},
        {"Depth (um)", &MeshSettings::depth_m,
         "Domain depth below the top surface [um]; 'auto' or >= the deposition depth of the "
         "sources."}};

    /// Automatic extents: the source fits with margin, heat ahead decays over
    /// 12 alpha/U, the melt-pool tail fits behind, and the lateral spread
    /// 6 sqrt(alpha t) over the residence time t = behind/U fits across.
    DomainExtents automatic_extents(const DomainScales &s)
    {
      const double  d     = s.beam_diameter_m;
      const double  decay = 12. * s.diffusivity_m2_per_s / s.speed_m_per_s;
      DomainExtents e;
      e.ahead_m           = 2. * d + decay;
      e.behind_m          = std::max(4. * d, 1.3 * s.melt_length_estimate_m + d) + decay;
      const double spread = 6. * std::sqrt(s.diffusivity_m2_per_s * e.behind_m / s.speed_m_per_s);
      e.side_m            = 2. * d + spread + decay;
      e.depth_m           = 1.5 * s.bulk_depth_m + spread + decay;
      return e;
    }

    /// Beyond twice the size of the beam, the deposition and the estimated
    /// melt pool, cells grow at least this fast: the far field (which at
    /// low Peclet numbers reaches millimetres) is smooth.
    constexpr double far_grading_ratio = 1.5;

    const char *const axis_names[] = {"xi", "y", "z"};

    /// Cell sizes from 0 outward along `axis`; InputError when there would
    /// be more than max_coarse_cells_per_axis of them.
    std::vector<double> steps_for(const int axis, const double length, const double fine,
                                  const double h, const double ratio, const double near)
    {
      if (!(std::isfinite(length) && std::isfinite(h) && h > 0.))
        throw InputError("Mesh: the domain along " + std::string(axis_names[axis]) + " (" +
                         format_value(length * 1e6) + " um, cells of " + format_value(h * 1e6) +
                         " um) is not finite: the beam, material or mesh inputs are outside "
                         "what the automatic domain can size");
      auto steps = graded_steps(length, std::min(fine, length), std::min(h, length), ratio, near,
                                std::max(ratio, far_grading_ratio), max_coarse_cells_per_axis);
      if (!steps)
        throw InputError("Mesh: the graded mesh would need more than " +
                         format_value(double(max_coarse_cells_per_axis)) + " coarse cells along " +
                         axis_names[axis] + " (" + format_value(length * 1e6) +
                         " um in cells from " + format_value(h * 1e6) +
                         " um): coarsen it (Mesh/Cells per beam diameter, Cells per deposition "
                         "depth, Depth cell size (um), Grading ratio) or shrink the domain");
      return *steps;
    }
  } // namespace

  void MeshSettings::declare_parameters(dealii::ParameterHandler &prm)
  {
    prm.enter_subsection("Mesh");
    for (const auto &entry : extent_entries)
      prm.declare_entry(entry.name, "auto", NumberPattern::in_range(1e-6, 1e9).or_keyword("auto"),
                        entry.doc);
    prm.declare_entry("Cells per beam diameter", "16", NumberPattern::in_range(1., 1000.),
                      "Cells across one beam diameter d near the beam [-], in [1, 1000].");
    prm.declare_entry("Cells per deposition depth", "16", NumberPattern::in_range(1., 1000.),
                      "Cells across the deposition depth of the sources "
                      "(electron range R for Kanaya-Okayama) [-], in [1, 1000].");
    prm.declare_entry("Depth cell size (um)", "auto",
                      NumberPattern::in_range(1e-6, 1e9).or_keyword("auto"),
                      "Cell size in depth near the surface [um], > 0; 'auto': from "
                      "Cells per deposition depth. A parameter sweep over the "
                      "voltage sets it to keep one mesh for all voltages.");
    prm.declare_entry("Grading ratio", "1.2", NumberPattern::in_range(1., 2.),
                      "Size ratio of neighbouring coarse cells away from the beam [-], in [1, 2].");
    prm.declare_entry("Global refinements", "2", NumberPattern::whole(0., 6.),
                      "Times the coarse graded mesh is refined [-], in [0, 6]: "
                      "each adds a factor 8 in cells at the same grading.");
    prm.leave_subsection();
  }

  MeshSettings MeshSettings::parse(dealii::ParameterHandler &prm)
  {
    ParameterSection section(prm, "Mesh");
    MeshSettings     s;
    for (const auto &entry : extent_entries)
      if (const auto um = section.auto_or_number(entry.name))
        s.*(entry.member) = *um * 1e-6;
    s.cells_per_diameter = section.number("Cells per beam diameter");
    s.cells_per_depth    = section.number("Cells per deposition depth");
    if (const auto um = section.auto_or_number("Depth cell size (um)"))
      s.depth_cell_size_m = *um * 1e-6;
    s.grading_ratio = section.number("Grading ratio");
    s.refinements   = static_cast<unsigned int>(section.number("Global refinements"));
    return s;
  }

  DomainExtents choose_extents(const MeshSettings &settings, const DomainScales &scales)
  {
    const DomainExtents automatic = automatic_extents(scales);
    DomainExtents       e;
    e.ahead_m              = settings.ahead_m.value_or(automatic.ahead_m);
    e.behind_m             = settings.behind_m.value_or(automatic.behind_m);
    e.side_m               = settings.side_m.value_or(automatic.side_m);
    e.depth_m              = settings.depth_m.value_or(automatic.depth_m);
    const double      d    = scales.beam_diameter_m;
    const std::string beam = "at least the beam diameter (" + format_value(d * 1e6) + " um)";
    if (e.ahead_m < d)
      throw_input_error("Mesh/Length ahead of beam (um)", format_value(e.ahead_m * 1e6), beam);
    if (e.behind_m < d)
      throw_input_error("Mesh/Length behind beam (um)", format_value(e.behind_m * 1e6), beam);
    if (e.side_m < d)
      throw_input_error("Mesh/Half-width (um)", format_value(e.side_m * 1e6), beam);
    if (e.depth_m < scales.bulk_depth_m)
      throw_input_error("Mesh/Depth (um)", format_value(e.depth_m * 1e6),
                        "at least the deposition depth of the sources (" +
                            format_value(scales.bulk_depth_m * 1e6) + " um)");
    return e;
  }

  std::vector<std::string> extent_warnings(const DomainExtents &chosen, const DomainScales &scales)
  {
    const DomainExtents      a = automatic_extents(scales);
    std::vector<std::string> warnings;
    const auto check = [&](const double value, const double recommended, const char *name) {
      if (value < 0.5 * recommended)
        warnings.push_back(
            std::string("Mesh/") + name + " = " + format_value(value * 1e6) +
            " um is less than half the recommended " + format_value(recommended * 1e6) +
            " um: the temperature may not decay to T0 at the fixed-temperature faces.");
    };
    check(chosen.ahead_m, a.ahead_m, "Length ahead of beam (um)");
    check(chosen.side_m, a.side_m, "Half-width (um)");
    check(chosen.depth_m, a.depth_m, "Depth (um)");
    if (chosen.behind_m < scales.melt_length_estimate_m)
      warnings.push_back("Mesh/Length behind beam (um) = " + format_value(chosen.behind_m * 1e6) +
                         " um is shorter than the estimated melt-pool length " +
                         format_value(scales.melt_length_estimate_m * 1e6) + " um.");
    return warnings;
  }

  BrickPlan plan_half_brick(const MeshSettings &settings, const DomainExtents &extents,
                            const DomainScales &scales)
  {
    const double coarsening = std::pow(2., settings.refinements);
    const double d          = scales.beam_diameter_m;
    const double h_xy       = d / settings.cells_per_diameter * coarsening;
    const double h_z =
        settings.depth_cell_size_m
            ? *settings.depth_cell_size_m * coarsening
            : std::min(h_xy, scales.deposition_depth_m > 0.
                                 ? scales.deposition_depth_m / settings.cells_per_depth * coarsening
                                 : h_xy);
    const double ratio = settings.grading_ratio;
    const double near  = 2. * std::max({d, scales.bulk_depth_m, scales.melt_length_estimate_m});

    // xi: node plane at the beam (xi = 0), graded both ways. Ahead of the
    // beam the rise decays over alpha / U; when that is shorter than the
    // beam the fine cells also cover this thermal precursor (when it is
    // longer, the graded cells near the beam resolve it already).
    const double        decay_m     = scales.diffusivity_m2_per_s / scales.speed_m_per_s;
    const double        precursor_m = decay_m < 2. * d ? 6. * decay_m : 0.;
    std::vector<double> x_steps     = steps_for(0, extents.behind_m, d, h_xy, ratio, near);
    std::reverse(x_steps.begin(), x_steps.end());
    for (const double step : steps_for(0, extents.ahead_m, d + precursor_m, h_xy, ratio, near))
      x_steps.push_back(step);
    if (x_steps.size() > max_coarse_cells_per_axis)
      throw InputError("Mesh: the graded mesh would need " + format_value(double(x_steps.size())) +
                       " coarse cells along xi, more than " +
                       format_value(double(max_coarse_cells_per_axis)) +
                       ": coarsen it or shorten the domain");
    const std::vector<std::vector<double>> steps = {
        x_steps, steps_for(1, extents.side_m, d, h_xy, ratio, near),
        steps_for(2, extents.depth_m, 1.2 * scales.bulk_depth_m, h_z, ratio, near)};

    const std::array<double, 3> low  = {{-extents.behind_m, 0., 0.}};
    const std::array<double, 3> high = {{extents.ahead_m, extents.side_m, extents.depth_m}};
    BrickPlan                   plan;
    plan.refinements = settings.refinements;
    for (unsigned int axis = 0; axis < 3; ++axis)
      {
        auto &nodes = plan.coarse_nodes_m[axis];
        nodes.push_back(low[axis]);
        for (const double step : steps[axis])
          nodes.push_back(nodes.back() + step);
        nodes.back() = high[axis]; // no round-off at the far faces
        // a fine cell must stay distinguishable from its neighbours' nodes
        const double resolvable_m =
            1e-12 * std::max(std::abs(low[axis]), std::abs(high[axis])) * coarsening;
        for (std::size_t i = 1; i < nodes.size(); ++i)
          if (!(nodes[i] - nodes[i - 1] > resolvable_m))
            throw InputError("Mesh: cells of " + format_value((nodes[i] - nodes[i - 1]) * 1e6) +
                             " um along " + axis_names[axis] + " in a domain reaching " +
                             format_value(std::max(std::abs(low[axis]), high[axis]) * 1e6) +
                             " um are beyond double precision: the domain spans too many "
                             "orders of magnitude of the beam and deposition sizes");
      }
    return plan;
  }

  std::array<double, 3> BrickPlan::fine_cells() const
  {
    std::array<double, 3> cells;
    for (unsigned int axis = 0; axis < 3; ++axis)
      cells[axis] = double(coarse_nodes_m[axis].size() - 1) * std::pow(2., refinements);
    return cells;
  }

  double BrickPlan::n_fine_cells() const
  {
    const auto cells = fine_cells();
    return cells[0] * cells[1] * cells[2];
  }

  double BrickPlan::n_dofs(const unsigned int degree) const
  {
    double dofs = 1.;
    for (const double cells : fine_cells())
      dofs *= cells * degree + 1.;
    return dofs;
  }

  namespace
  {
    /// The fine cell along each axis of `plan` that `better` prefers.
    template <typename Compare>
    std::array<double, 3> extreme_cell_m(const BrickPlan &plan, const Compare better)
    {
      std::array<double, 3> extreme;
      for (unsigned int axis = 0; axis < 3; ++axis)
        {
          const auto &nodes = plan.coarse_nodes_m[axis];
          extreme[axis]     = nodes[1] - nodes[0];
          for (std::size_t i = 2; i < nodes.size(); ++i)
            if (better(nodes[i] - nodes[i - 1], extreme[axis]))
              extreme[axis] = nodes[i] - nodes[i - 1];
          extreme[axis] /= std::pow(2., plan.refinements);
        }
      return extreme;
    }
  } // namespace

  std::array<double, 3> BrickPlan::finest_cell_m() const
  {
    return extreme_cell_m(*this, std::less<double>());
  }

  std::array<double, 3> BrickPlan::coarsest_cell_m() const
  {
    return extreme_cell_m(*this, std::greater<double>());
  }

  void generate_half_brick(DistributedBrick &triangulation, const BrickPlan &plan,
                           const unsigned int refinements_in_element)
  {
    if (refinements_in_element > plan.refinements)
      throw std::invalid_argument(
          "generate_half_brick: more refinements in the element than in the mesh");
    triangulation.create(plan.coarse_nodes_m, plan.refinements - refinements_in_element);
  }
} // namespace ebweld
