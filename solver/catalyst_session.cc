#include "solver/catalyst_session.h"

#include "postproc/catalyst/catalyst_adaptor.h"
#include "solver/input_error.h"

#include <deal.II/base/mpi.h>
#include <deal.II/dofs/dof_tools.h>

#include <dlfcn.h>

#include <array>
#include <cstdlib>
#include <fstream>

namespace ebweld
{
  using namespace dealii;

  struct CatalystSession::Library
  {
    void *handle = nullptr;
    decltype(&ebweld_catalyst_initialize) initialize = nullptr;
    decltype(&ebweld_catalyst_coprocess)  coprocess  = nullptr;
    decltype(&ebweld_catalyst_finalize)   finalize   = nullptr;
  };

  namespace
  {
    const char *library_path()
    {
#ifdef EBWELD_CATALYST_LIBRARY
      return EBWELD_CATALYST_LIBRARY;
#else
      return nullptr;
#endif
    }

    template <typename Function>
    Function symbol(void *handle, const char *name)
    {
      void *address = dlsym(handle, name);
      if (!address)
        throw std::runtime_error(std::string("libebweld_catalyst lacks ") + name);
      return reinterpret_cast<Function>(address);
    }
  } // namespace

  CatalystSession::CatalystSession(MPI_Comm comm, const std::vector<std::string> &scripts,
                                   const std::string &output_directory, const unsigned int interval)
    : library_(std::make_unique<Library>())
    , interval_(interval)
  {
    for (const auto &script : scripts) // before loading ParaView: a clear, cheap check
      if (!std::ifstream(script))
        throw InputError("--catalyst " + script + ": no such file or not readable");
    setenv("EBWELD_CATALYST_OUTPUT", output_directory.c_str(), 1);
    if (!library_path())
      throw InputError("--catalyst: this ebweld was built without ParaView Catalyst (install "
                       "paraview-dev python3-paraview and rebuild, or drop --catalyst)");
    // global: Python extension modules that the pipelines import resolve
    // libpython's symbols through the process's global scope
    library_->handle = dlopen(library_path(), RTLD_NOW | RTLD_GLOBAL);
    if (!library_->handle)
      throw InputError(std::string("--catalyst: cannot load ") + library_path() + ": " + dlerror());
    library_->initialize = symbol<decltype(library_->initialize)>(library_->handle, "ebweld_catalyst_initialize");
    library_->coprocess  = symbol<decltype(library_->coprocess)>(library_->handle, "ebweld_catalyst_coprocess");
    library_->finalize   = symbol<decltype(library_->finalize)>(library_->handle, "ebweld_catalyst_finalize");

    std::vector<const char *> names;
    for (const auto &script : scripts)
      names.push_back(script.c_str());
    std::array<char, 2048> error{};
    const int failed = library_->initialize(MPI_Comm_c2f(comm), names.size(), names.data(),
                                            error.data(), error.size());
    // every rank must agree, or the ranks that succeeded would wait forever
    if (Utilities::MPI::max(failed, comm) != 0)
      throw InputError(failed ? error.data() : "--catalyst: a pipeline failed to load on another rank");
  }

  CatalystSession::~CatalystSession()
  {
    if (library_->finalize)
      library_->finalize();
    // the library stays loaded: VTK registers exit-time handlers in it
  }

  std::pair<long long, long long> CatalystSession::coprocess(const HeatProblem            &problem,
                                  const FieldOutputData        &data,
                                  const double                  time,
                                  const int                     time_step,
                                  const nlohmann::ordered_json &parameters,
                                  const bool                    always)
  {
    if (!always && calls_++ % interval_ != 0)
      return {0, 0};
    if (always)
      ++calls_;
    // deal.II's lexicographic hexahedron vertices in VTK's order
    static constexpr unsigned int to_vtk[8] = {0, 1, 3, 2, 4, 5, 7, 6};
    const auto &dofs = problem.dof_handler();
    // point number of each locally relevant DoF (-1: not yet a point)
    const IndexSet         relevant = DoFTools::extract_locally_relevant_dofs(dofs);
    std::vector<long long> point_of_dof(relevant.n_elements(), -1);
    std::vector<double>    points, temperature, melted;
    std::vector<long long> connectivity;
    std::vector<Point<3>>  positions;
    std::vector<std::vector<double>> cell_values(data.cell_fields.size() + 1);
    const double           rank = Utilities::MPI::this_mpi_process(problem.communicator());
    Vector<double>         rise(dofs.get_fe().n_dofs_per_cell());
    for (const auto &cell : dofs.active_cell_iterators())
      {
        if (!cell->is_locally_owned())
          continue;
        cell->get_dof_values(problem.rise(), rise); // Q1 and Q2: vertex DoFs come first
        for (const unsigned int v : to_vtk)
          {
            long long &point = point_of_dof[relevant.index_within_set(cell->vertex_dof_index(v, 0))];
            if (point < 0)
              {
                point = positions.size();
                positions.push_back(cell->vertex(v));
                const double T = data.initial_temperature_K + rise[v];
                temperature.push_back(T);
                melted.push_back(T >= data.melting_temperature_K ? 1. : 0.);
              }
            connectivity.push_back(point);
          }
        cell_values[0].push_back(rank);
        for (std::size_t f = 0; f < data.cell_fields.size(); ++f)
          cell_values[f + 1].push_back(data.cell_fields[f].second[cell->active_cell_index()]);
      }
    for (const auto &p : positions)
      points.insert(points.end(), {p[0], p[1], p[2]});
    std::vector<double> density(positions.size(), 0.);
    for (const HeatSource *source : data.sources)
      source->add_volumetric_density(positions, density);

    const std::vector<const char *>   point_names = {"temperature_K", "source_density_W_per_m3", "melted"};
    const std::vector<const double *> point_data  = {temperature.data(), density.data(), melted.data()};
    std::vector<const char *>         cell_names  = {"mpi_rank"};
    for (const auto &field : data.cell_fields)
      cell_names.push_back(field.first.c_str());
    std::vector<const double *> cell_data;
    for (const auto &values : cell_values)
      cell_data.push_back(values.data());

    EbweldCatalystGrid grid;
    grid.n_points          = positions.size();
    grid.points            = points.data();
    grid.n_cells           = connectivity.size() / 8;
    grid.connectivity      = connectivity.data();
    grid.n_point_fields    = point_names.size();
    grid.point_field_names = point_names.data();
    grid.point_fields      = point_data.data();
    grid.n_cell_fields     = cell_names.size();
    grid.cell_field_names  = cell_names.data();
    grid.cell_fields       = cell_data.data();
    std::array<char, 2048> error{};
    const std::string      json = parameters.dump();
    const int failed = library_->coprocess(&grid, time, time_step, json.c_str(), error.data(), error.size());
    if (Utilities::MPI::max(failed, problem.communicator()) != 0)
      throw std::runtime_error(failed ? error.data() : "a Catalyst pipeline failed on another rank");
    const auto total = [&](const long long n) {
      return static_cast<long long>(Utilities::MPI::sum(static_cast<double>(n), problem.communicator()));
    };
    return {total(grid.n_points), total(grid.n_cells)};
  }

  std::vector<std::string> take_catalyst_scripts(std::vector<std::string> &arguments)
  {
    std::vector<std::string> scripts, rest;
    for (std::size_t i = 0; i < arguments.size(); ++i)
      if (arguments[i] == "--catalyst")
        {
          if (i + 1 == arguments.size())
            throw InputError("--catalyst needs a script: --catalyst SCRIPT.py");
          scripts.push_back(arguments[++i]);
        }
      else
        rest.push_back(arguments[i]);
    arguments = rest;
    return scripts;
  }
} // namespace ebweld
