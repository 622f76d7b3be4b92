#include "solver/case/resource_guard.h"

#include "solver/base/input_error.h"
#include "solver/base/number_pattern.h"
#include "solver/base/parameter_section.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <limits>
#include <sstream>

namespace ebweld
{
  namespace
  {
    // Peak resident memory measured with Release builds on one rank
    // (docs/NUMERICS.md 9): a fixed part per rank (libraries, MPI, PETSc)
    // and a part per DoF, rounded up by about 15 % to cover field output.
    constexpr double bytes_per_rank          = 200e6;
    constexpr double bytes_per_dof_linear_q1 = 750.;
    constexpr double bytes_per_dof_newton_q1 = 1000.;
    constexpr double bytes_per_dof_linear_q2 = 2700.;
    constexpr double bytes_per_gigabyte      = 1e9;
    const char      *limit_entry             = "Resources/Memory limit (GB)";
    const char      *budget_entry            = "Resources/Memory budget (GB)";

    std::string gigabytes(const double bytes)
    {
      std::ostringstream text;
      text.precision(bytes < 10. * bytes_per_gigabyte ? 2 : 3);
      text << bytes / bytes_per_gigabyte << " GB";
      return text.str();
    }

    /// A "Key:   123 kB" line of /proc/meminfo [bytes], if there.
    std::optional<double> meminfo_bytes(const std::string &key)
    {
      std::ifstream file("/proc/meminfo");
      std::string   name, unit;
      double        kilobytes = 0.;
      while (file >> name >> kilobytes >> unit)
        if (name == key + ":")
          return kilobytes * 1024.;
      return std::nullopt;
    }

    /// What a cgroup v2 memory limit leaves (memory.max - memory.current)
    /// [bytes], if one is set.
    std::optional<double> cgroup_headroom_bytes()
    {
      std::ifstream max_file("/sys/fs/cgroup/memory.max");
      std::ifstream current_file("/sys/fs/cgroup/memory.current");
      std::string   max_text;
      double        current = 0.;
      if (!(max_file >> max_text) || max_text == "max" || !(current_file >> current))
        return std::nullopt;
      return std::max(0., std::stod(max_text) - current);
    }

    /// Ranks of this job on this node: OpenMPI's count, 1 without mpirun.
    unsigned int ranks_on_node()
    {
      const char *local_size = std::getenv("OMPI_COMM_WORLD_LOCAL_SIZE");
      const int   ranks      = local_size ? std::atoi(local_size) : 1;
      return ranks > 0 ? ranks : 1;
    }

    /// Unknown (no /proc/meminfo) is unlimited: no automatic limit.
    double available_node_bytes()
    {
      double available =
          meminfo_bytes("MemAvailable").value_or(std::numeric_limits<double>::infinity());
      if (const auto headroom = cgroup_headroom_bytes())
        available = std::min(available, *headroom);
      return available;
    }
  } // namespace

  void ResourceSettings::declare_parameters(dealii::ParameterHandler &prm)
  {
    prm.enter_subsection("Resources");
    prm.declare_entry(
        "Memory limit (GB)", "auto", NumberPattern::in_range(1e-3, 1e6).or_keyword("auto"),
        "Most memory a case may use, summed over its ranks [GB], in [0.001, 1e6]. A case "
        "whose estimate (printed before the solve) is larger is refused before anything is "
        "allocated. 'auto': 90 % of the memory available when ebweld started (MemAvailable, "
        "or a lower cgroup limit), shared equally among the node's ranks; set a number to "
        "allow a larger case on purpose.");
    prm.declare_entry("Memory budget (GB)", "auto",
                      NumberPattern::in_range(1e-3, 1e6).or_keyword("auto"),
                      "Estimated memory above which a case is warned about [GB], in "
                      "[0.001, 1e6]; 'auto': half the memory limit.");
    prm.leave_subsection();
  }

  ResourceSettings ResourceSettings::parse(dealii::ParameterHandler &prm)
  {
    ParameterSection section(prm, "Resources");
    ResourceSettings settings;
    if (const auto gb = section.auto_or_number("Memory limit (GB)"))
      settings.memory_limit_bytes = *gb * bytes_per_gigabyte;
    if (const auto gb = section.auto_or_number("Memory budget (GB)"))
      settings.memory_budget_bytes = *gb * bytes_per_gigabyte;
    return settings;
  }

  std::string ResourceEstimate::describe() const
  {
    std::ostringstream text;
    text.precision(3);
    text << cells << " cells (" << fine_cells[0] << " x " << fine_cells[1] << " x " << fine_cells[2]
         << "), " << dofs << " DoFs, about " << gigabytes(memory_bytes) << " ("
         << gigabytes(memory_bytes / ranks) << " per rank on " << ranks << " rank(s))";
    return text.str();
  }

  ResourceEstimate estimate_resources(const BrickPlan &plan, const unsigned int degree,
                                      const bool temperature_dependent, const unsigned int ranks)
  {
    ResourceEstimate estimate;
    estimate.fine_cells = plan.fine_cells();
    estimate.cells      = plan.n_fine_cells();
    estimate.dofs       = plan.n_dofs(degree);
    estimate.ranks      = ranks;
    const double per_dof =
        degree > 1 ? bytes_per_dof_linear_q2
                   : (temperature_dependent ? bytes_per_dof_newton_q1 : bytes_per_dof_linear_q1);
    estimate.memory_bytes = ranks * bytes_per_rank + per_dof * estimate.dofs;
    return estimate;
  }

  double rank_memory_share_bytes()
  {
    static const double share = available_node_bytes() / ranks_on_node();
    return share;
  }

  std::optional<std::string> check_resources(const ResourceEstimate         &estimate,
                                             const ResourceSettings         &settings,
                                             const double                    available_bytes,
                                             const std::vector<std::string> &mesh_inputs)
  {
    const double limit =
        settings.memory_limit_bytes.value_or(automatic_memory_limit_fraction * available_bytes);
    if (estimate.memory_bytes > limit)
      {
        std::string inputs;
        for (const auto &input : mesh_inputs)
          inputs += (inputs.empty() ? "" : ", ") + input;
        throw InputError("the case needs an estimated " + estimate.describe() + ", more than " +
                         limit_entry + " = " +
                         (settings.memory_limit_bytes
                              ? gigabytes(limit)
                              : "auto (" + gigabytes(limit) + ", " +
                                    format_value(100. * automatic_memory_limit_fraction) +
                                    " % of the " + gigabytes(available_bytes) +
                                    " available to its ranks)") +
                         ". The mesh was sized by " + inputs +
                         ": coarsen the mesh, shrink the domain, use more ranks, or set " +
                         limit_entry + " to allow it");
      }
    const double budget =
        settings.memory_budget_bytes.value_or(automatic_memory_budget_fraction * limit);
    if (estimate.memory_bytes > budget)
      return "the case needs an estimated " + gigabytes(estimate.memory_bytes) + ", more than " +
             budget_entry + " (" + gigabytes(budget) + ")";
    return std::nullopt;
  }
} // namespace ebweld
