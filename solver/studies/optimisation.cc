#include "solver/studies/optimisation.h"

#include "meshes/half_brick_mesh.h"
#include "solver/base/atomic_file.h"
#include "solver/base/input_error.h"
#include "solver/base/number_pattern.h"
#include "solver/base/parameter_section.h"
#include "solver/case/case_setup.h"
#include "solver/case/solve_case.h"
#include "solver/post/field_probes.h"
#include "solver/post/melt_pool.h"
#include "solver/studies/study_plan.h"
#include "sources/electron_range.h"

#include <deal.II/base/timer.h>

#include <algorithm>
#include <sstream>

namespace ebweld
{
  using namespace dealii;

  namespace
  {
    std::vector<double> numbers(const std::vector<std::string> &texts, const std::string &where)
    {
      std::vector<double> values;
      for (const auto &text : texts)
        {
          std::size_t used = 0;
          double      v    = 0.;
          try
            {
              v = std::stod(text, &used);
            }
          catch (const std::exception &)
            {
              used = 0;
            }
          if (used != text.size() || !(v > 0.))
            throw_input_error(where, text, "a list of numbers > 0");
          values.push_back(v);
        }
      return values;
    }
  } // namespace

  void OptimisationSettings::declare_parameters(ParameterHandler &prm)
  {
    prm.enter_subsection("Optimisation");
    prm.declare_entry("Target melt depth (um)", "2.5", NumberPattern::positive(),
                      "Melt depth z_m to reach with the least heat input [um], > 0.");
    prm.declare_entry(
        "Peclet numbers", "10, 100, 300", Patterns::Anything(),
        "Pe = U d / alpha values [-], > 0: a list or linear(a, b, n) / log(a, b, n).");
    prm.declare_entry(
        "Penetration ratios", "linear(0.5, 4, 9)", Patterns::Anything(),
        "R / z_m values [-], > 0, ascending: a list or linear(a, b, n) / log(a, b, n).");
    prm.declare_entry("Maximum points", "1000", NumberPattern::whole(1, 100000),
                      "Most grid points (Peclet numbers x penetration ratios) the optimiser "
                      "accepts [-], in [1, 100000]: a larger grid is refused before any "
                      "solve.");
    prm.declare_entry("Refine minimum", "true", Patterns::Bool(),
                      "Refine the least heat input between grid points with Brent's method.");
    prm.declare_entry("Reuse operator", "true", Patterns::Bool(),
                      "Assemble the matrix and build the preconditioner once per Peclet "
                      "number (false: again for every point, to measure the gain).");
    prm.declare_entry("Cross sections", "", Patterns::Anything(),
                      "Points 'Pe:ratio, Pe:ratio' whose weld cross-section (the plane "
                      "normal to the travel direction at the widest melt section) is written.");
    prm.declare_entry("Write depth profiles", "false", Patterns::Bool(),
                      "Write (T - T0)/(T_m - T0) of the hottest point at each depth for "
                      "every grid point.");
    prm.leave_subsection();
  }

  OptimisationSettings OptimisationSettings::parse(ParameterHandler &prm)
  {
    ParameterSection     s(prm, "Optimisation");
    OptimisationSettings o;
    o.target_depth_m = s.number("Target melt depth (um)") * 1e-6;
    o.peclet_numbers = numbers(grid_axis_values(s.text("Peclet numbers"), s.path("Peclet numbers")),
                               s.path("Peclet numbers"));
    o.ratios = numbers(grid_axis_values(s.text("Penetration ratios"), s.path("Penetration ratios")),
                       s.path("Penetration ratios"));
    const double points     = double(o.peclet_numbers.size()) * double(o.ratios.size());
    const double max_points = s.number("Maximum points");
    if (points > max_points)
      throw_input_error(s.path("Peclet numbers") + " x " + s.path("Penetration ratios"),
                        format_value(double(o.peclet_numbers.size())) + " x " +
                            format_value(double(o.ratios.size())) + " = " + format_value(points) +
                            " points",
                        "at most " + s.path("Maximum points") + " = " + format_value(max_points));
    if (!std::is_sorted(o.ratios.begin(), o.ratios.end()))
      throw_input_error(s.path("Penetration ratios"), s.text("Penetration ratios"),
                        "in ascending order");
    o.refine_minimum           = s.flag("Refine minimum");
    o.reuse_operator           = s.flag("Reuse operator");
    o.write_depth_profiles     = s.flag("Write depth profiles");
    const std::string sections = Utilities::trim(s.text("Cross sections"));
    if (!sections.empty())
      for (const auto &pair : Utilities::split_string_list(sections, ','))
        {
          const auto parts = Utilities::split_string_list(pair, ':');
          const auto v     = numbers(parts, s.path("Cross sections"));
          if (v.size() != 2)
            throw_input_error(s.path("Cross sections"), pair, "'Pe:ratio' pairs");
          o.cross_sections.emplace_back(v[0], v[1]);
        }
    return o;
  }

  PecletSweep::PecletSweep(CaseReader read_case, const OptimisationSettings &settings,
                           const double peclet_number, MPI_Comm comm)
      : read_case_(std::move(read_case))
      , settings_(settings)
      , peclet_(peclet_number)
      , comm_(comm)
  {
  }

  PecletSweep::~PecletSweep() = default;

  std::unique_ptr<CaseSetup> PecletSweep::case_for(const double ratio,
                                                   const bool   with_mesh_overrides) const
  {
    // the material (and the range options) come from the base case
    const auto       base       = read_case_({});
    const CaseSetup &base_setup = *base;
    const Material  &m          = base_setup.material;
    const double     range_m    = ratio * settings_.target_depth_m;
    const double     voltage =
        voltage_for_range_V(range_m, m.atomic_number, m.atomic_mass_g_per_mol, m.density_kg_per_m3,
                            base_setup.beam.relativistic_range);
    std::vector<std::string> overrides;
    overrides.push_back("Beam/Peclet number=" + format_value(peclet_, 17));
    overrides.push_back("Beam/Travel speed (m/s)=auto");
    overrides.push_back("Beam/Voltage (kV)=" + format_value(voltage * 1e-3, 17));
    if (with_mesh_overrides)
      {
        // One mesh for the whole sweep: deep enough for the largest range,
        // with the depth cells sized by the target depth (Cells per
        // deposition depth across z_m) rather than by each range.
        if (!base_setup.mesh.depth_cell_size_m)
          overrides.push_back(
              "Mesh/Depth cell size (um)=" +
              format_value(settings_.target_depth_m / base_setup.mesh.cells_per_depth * 1e6, 17));
        if (mesh_beam_power_W_)
          overrides.push_back("Beam/Current (A)=" +
                              format_value(*mesh_beam_power_W_ / voltage, 17));
      }
    else
      overrides.push_back("Beam/Current (A)=" + format_value(1. / voltage, 17)); // V I = 1 W
    return read_case_(overrides);
  }

  void PecletSweep::check_inputs() const
  {
    for (const double ratio : settings_.ratios)
      try
        {
          // the sweep's one mesh is the largest ratio's
          const bool sizes_mesh = ratio == settings_.ratios.back();
          const auto setup      = case_for(ratio, sizes_mesh);
          if (sizes_mesh)
            check_case_resources(*setup, comm_);
        }
      catch (const InputError &e)
        {
          throw InputError("Pe " + format_value(peclet_) + ", R/z_m " + format_value(ratio) + ": " +
                           e.what());
        }
  }

  void PecletSweep::build_problem_for(const CaseSetup &setup)
  {
    Timer timer(comm_, true);
    problem_       = build_problem(setup, comm_);
    mesh_behind_m_ = setup.extents.behind_m;
    problem_->assemble_operator(coefficients_for(setup));
    problem_->prepare_solver(setup.linear_solver);
    initial_temperature_K_ = setup.boundary.initial_temperature_K;
    melt_rise_K_           = setup.material.melting_temperature_K - initial_temperature_K_;
    setup_time_s_ += timer.wall_time();
  }

  OptimisationPoint PecletSweep::evaluate(const double ratio)
  {
    if (!problem_ || !settings_.reuse_operator)
      build_problem_for(*case_for(settings_.ratios.back(), true));
    const auto setup = case_for(ratio, false);

    Timer             timer(comm_, true);
    OptimisationPoint p;
    p.peclet_number = peclet_;
    p.ratio         = ratio;
    p.range_m       = setup->beam_context.electron_range_m;
    p.voltage_V     = setup->beam.voltage_V;
    p.speed_m_per_s = setup->speed_m_per_s;
    problem_->assemble_sources(setup->source_pointers(), boundary_id::top);
    p.iterations = problem_->solve();

    const double        z_t = settings_.target_depth_m;
    const DepthResponse r   = depth_response(*problem_, z_t);
    if (!r.attainable())
      {
        p.status = "unattainable";
        p.note   = "the rise peaks at depth " + format_value(r.depth_of_max_below_m) +
                 " m, below the target: the first melt appears deeper";
        p.current_A = p.heat_input_J_per_m = std::numeric_limits<double>::quiet_NaN();
      }
    else
      {
        p.status = "ok";
        // theta is the rise per 1 W of V I: V I* theta(z_t) = T_m - T0
        const double beam_power_W = r.power_factor(melt_rise_K_);
        p.current_A               = beam_power_W / p.voltage_V;
        p.heat_input_J_per_m      = beam_power_W / p.speed_m_per_s;
        const auto planes         = max_rise_per_node_plane(*problem_, 2);
        p.peak_surface_temperature_K =
            setup->boundary.initial_temperature_K + beam_power_W * planes.front().second;
        p.peak_surface_over_boiling =
            p.peak_surface_temperature_K / setup->material.boiling_temperature_K;
        const MeltPool pool = measure_melt_pool(*problem_, r.rise_at_depth_K);
        p.melt_depth_m      = pool.depth_m;
        // (setup's own extents are those of a 1 W beam, not the mesh's)
        if (pool.rear_xi_m <= -mesh_behind_m_ * 0.999)
          {
            // The mesh was sized for the input's current; the target depth
            // needs beam_power_W (at Pe 1000 eight times the default's).
            // Once per power: the melt length estimate is P / (2 pi k dT).
            const bool sized_for_it = mesh_beam_power_W_ && *mesh_beam_power_W_ >= beam_power_W;
            if (!setup->mesh.behind_m && !sized_for_it)
              {
                mesh_beam_power_W_ = 1.5 * beam_power_W;
                problem_.reset(); // evaluate() builds the new mesh
                OptimisationPoint resolved = evaluate(ratio);
                if (resolved.note.empty())
                  resolved.note = "re-solved on a mesh lengthened for the melt pool (" +
                                  std::to_string(problem_->dof_handler().n_dofs()) + " DoFs)";
                return resolved;
              }
            p.note = "melt pool reaches the outflow face: enlarge Mesh/Length behind beam (um)";
          }
      }
    p.solve_time_s = timer.wall_time();
    return p;
  }

  void PecletSweep::write_cross_section(const OptimisationPoint &point,
                                        const std::string       &path) const
  {
    const double   scale   = point.current_A * point.voltage_V; // W per W of the unit solve
    const double   T0      = initial_temperature_K_;
    const MeltPool pool    = measure_melt_pool(*problem_, melt_rise_K_ / scale);
    const double   section = nearest_node_plane(*problem_, pool.widest_xi_m);
    const auto     nodes   = nodal_plane(*problem_, 0, section);
    if (Utilities::MPI::this_mpi_process(comm_) != 0)
      return;
    write_file_atomically(path, [&](std::ostream &out) {
      out.precision(10);
      out << "xi_m,y_m,z_m,temperature_K\n";
      for (const auto &[p, rise] : nodes)
        out << p[0] << "," << p[1] << "," << p[2] << "," << T0 + scale * rise << "\n";
    });
  }

  void PecletSweep::write_depth_profile(const OptimisationPoint &point,
                                        const std::string       &path) const
  {
    const double scale  = point.current_A * point.voltage_V;
    const auto   planes = max_rise_per_node_plane(*problem_, 2);
    if (Utilities::MPI::this_mpi_process(comm_) != 0)
      return;
    write_file_atomically(path, [&](std::ostream &out) {
      out.precision(10);
      out << "z_m,normalised_rise\n";
      for (const auto &[z, rise] : planes)
        out << z << "," << scale * rise / melt_rise_K_ << "\n";
    });
  }
} // namespace ebweld
