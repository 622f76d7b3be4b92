#pragma once
// What a case will cost before anything is allocated: cells and DoFs are
// counted from the mesh plan, memory from bytes per DoF measured on this
// code (docs/NUMERICS.md 9). A case that cannot fit in the memory its ranks
// have is refused with an input error that names the estimate, the memory
// and the inputs that sized the mesh; above a budget it is warned about.

#include "meshes/half_brick_mesh.h"

#include <deal.II/base/parameter_handler.h>

#include <array>
#include <optional>
#include <string>
#include <vector>

namespace ebweld
{
  /// Resources/...: the memory limit and budget, 'auto' or explicit [bytes].
  struct ResourceSettings
  {
    std::optional<double> memory_limit_bytes;
    std::optional<double> memory_budget_bytes;

    static void             declare_parameters(dealii::ParameterHandler &prm);
    static ResourceSettings parse(dealii::ParameterHandler &prm);
  };

  /// Share of the automatic limit in the memory available when ebweld
  /// started (the rest is the system's and the output's headroom).
  constexpr double automatic_memory_limit_fraction = 0.9;
  /// Share of the limit above which a case is warned about (automatic budget).
  constexpr double automatic_memory_budget_fraction = 0.5;

  struct ResourceEstimate
  {
    std::array<double, 3> fine_cells{}; // along xi, y, z
    double                cells = 0.;
    double                dofs  = 0.;
    unsigned int          ranks = 1;
    /// peak resident memory summed over the ranks [bytes]
    double memory_bytes = 0.;

    /// "8.1e+05 cells (96 x 48 x 176), 5.9e+05 DoFs, about 0.80 GB
    /// (0.80 GB per rank on 1 rank)"
    std::string describe() const;
  };

  /// Counts the plan's cells and DoFs and estimates the peak memory of a
  /// solve with elements of `degree`, linear or Newton, on `ranks` ranks.
  ResourceEstimate estimate_resources(const BrickPlan &plan, unsigned int degree,
                                      bool temperature_dependent, unsigned int ranks);

  /// Memory this rank may use: what its node had available when first asked
  /// (MemAvailable, or a lower cgroup limit), shared equally among the
  /// node's ranks of this job [bytes]. Read once per process.
  double rank_memory_share_bytes();

  /// Throws InputError when `estimate` exceeds the limit for ranks that
  /// have `available_bytes` between them, naming `mesh_inputs` (the inputs
  /// that sized the mesh, "Beam/Diameter FWHM (um) = 20"); returns a
  /// warning when it exceeds the budget.
  std::optional<std::string> check_resources(const ResourceEstimate         &estimate,
                                             const ResourceSettings         &settings,
                                             double                          available_bytes,
                                             const std::vector<std::string> &mesh_inputs);
} // namespace ebweld
