#pragma once
// Everything one case needs, parsed and validated from the input file:
// the material, beam, sources, domain, discretisation, linear solver and
// output settings. Parsing fails with InputError before any solve starts,
// which is what `ebweld run --validate` relies on.

#include "materials/kirchhoff_map.h"
#include "materials/material.h"
#include "materials/material_parameters.h"
#include "materials/surface_losses.h"
#include "meshes/half_brick_mesh.h"
#include "solver/case/beam_settings.h"
#include "solver/case/resource_guard.h"
#include "solver/fe/kirchhoff_solver.h"
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

  /// Which top-surface losses the temperature-dependent solve includes
  /// (convection is Boundary's), docs/PHYSICS.md 6.2-6.3.
  struct SurfaceLossSettings
  {
    bool   radiation            = true;
    bool   evaporation          = true;
    double ambient_pressure_Pa  = 0.;
    double recondensed_fraction = 0.18;
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
    bool        write_picture  = true;
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
    BrickPlan                                mesh_plan;
    BoundarySettings                         boundary;
    DiscretisationSettings                   discretisation;
    LinearSolverSettings                     linear_solver;
    ResourceSettings                         resources;
    MaterialModelSettings                    material_model;
    NonlinearSolverSettings                  nonlinear_solver;
    /// with temperature-dependent properties: the state map and the
    /// surface losses (null / unused otherwise)
    std::shared_ptr<const KirchhoffMap> kirchhoff_map;
    SurfaceLossModel                    surface_losses;
    OutputSettings                      output;
    double                              speed_m_per_s = 0.;
    /// non-fatal problems found while parsing
    std::vector<std::string> warnings;

    bool temperature_dependent() const { return kirchhoff_map != nullptr; }
    /// The temperature of the fusion line the melt pool is measured at:
    /// the solidus with temperature-dependent properties, else T_m [K].
    double solidus_K() const;
    /// The liquidus (T_m with constant properties) [K].
    double liquidus_K() const;
    /// Factor on the conduction estimate of the pool's length for the
    /// latent heat (1 with constant properties) [-].
    double latent_lengthening() const;

    /// The inputs that sized the mesh, with their values, for messages
    /// ("Beam/Diameter FWHM (um) = 10", ...).
    std::vector<std::string> mesh_inputs() const;
    /// The names of the heat sources, "A, B"
    std::string active_source_names() const;

    double                          absorbed_power_W() const;
    double                          peclet_number() const;
    std::vector<const HeatSource *> source_pointers() const;

  private:
    /// Checks that the material and discretisation allow it and builds
    /// kirchhoff_map and surface_losses.
    void set_up_temperature_dependence(const SurfaceLossSettings &losses);
  };
} // namespace ebweld
