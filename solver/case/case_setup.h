#pragma once
// Everything one case needs, parsed and validated from the input file:
// the material, beam, sources, domain, discretisation, linear solver and
// output settings. Parsing fails with InputError before any solve starts,
// which is what `ebweld run --validate` relies on.

#include "materials/material.h"
#include "meshes/half_brick_mesh.h"
#include "solver/case/beam_settings.h"
#include "solver/fe/linear_solver.h"
#include "sources/heat_source.h"

#include <deal.II/base/parameter_handler.h>

#include <memory>
#include <string>
#include <vector>

namespace ebweld
{
  struct BoundarySettings
  {
    /// T0: ambient and initial temperature, fixed on inflow, side and bottom [K]
    double initial_temperature_K = 300.;
    /// h on the top surface [W/m^2/K]
    double top_convection_W_per_m2K = 0.;
    /// T_amb of the top-surface convection [K]
    double ambient_temperature_K = 300.;
  };

  struct DiscretisationSettings
  {
    unsigned int degree                   = 1;
    bool         streamline_stabilisation = true;
  };

  struct OutputSettings
  {
    std::string directory      = "output";
    bool        write_fields   = true;
    bool        write_profiles = true;
    /// hand every N-th output point to Catalyst
    unsigned int catalyst_interval = 1;
  };

  /// Declares every input parameter of a case.
  void declare_case_parameters(dealii::ParameterHandler &prm);

  class CaseSetup
  {
  public:
    /// Parses and validates; throws InputError.
    explicit CaseSetup(dealii::ParameterHandler &prm);
    CaseSetup(const CaseSetup &)            = delete;
    CaseSetup &operator=(const CaseSetup &) = delete;

    Material     material;
    BeamSettings beam;
    /// refers to `material`: the setup is not copyable
    BeamContext                              beam_context;
    std::vector<std::unique_ptr<HeatSource>> sources;
    MeshSettings                             mesh;
    DomainScales                             scales;
    DomainExtents                            extents;
    BoundarySettings                         boundary;
    DiscretisationSettings                   discretisation;
    LinearSolverSettings                     linear_solver;
    OutputSettings                           output;
    double                                   speed_m_per_s = 0.;
    /// non-fatal problems found while parsing
    std::vector<std::string> warnings;

    double                          absorbed_power_W() const;
    double                          peclet_number() const;
    std::vector<const HeatSource *> source_pointers() const;
  };
} // namespace ebweld
