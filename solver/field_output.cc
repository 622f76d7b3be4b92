#include "solver/field_output.h"

#include "solver/atomic_file.h"
#include "solver/field_probes.h"

#include <deal.II/base/mpi.h>
#include <deal.II/dofs/dof_tools.h>
#include <deal.II/numerics/data_out.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <limits>
#include <sstream>

namespace ebweld
{
  using namespace dealii;

  namespace
  {
    /// A ghosted vector filled from per-owned-DoF values.
    PETScWrappers::MPI::Vector ghosted_from_owned(const HeatProblem         &problem,
                                                  const std::vector<double> &owned_values)
    {
      const auto                &dofs  = problem.dof_handler();
      const IndexSet             owned = dofs.locally_owned_dofs();
      PETScWrappers::MPI::Vector distributed(owned, problem.communicator());
      std::vector<types::global_dof_index> indices(owned.begin(), owned.end());
      distributed.set(indices, owned_values);
      distributed.compress(VectorOperation::insert);
      PETScWrappers::MPI::Vector ghosted(owned, DoFTools::extract_locally_relevant_dofs(dofs),
                                         problem.communicator());
      ghosted = distributed;
      return ghosted;
    }
  } // namespace

  std::string write_fields(const HeatProblem     &problem,
                           const FieldOutputData &data,
                           const std::string     &directory,
                           const std::string     &basename)
  {
    const auto &dofs   = problem.dof_handler();
    const auto &points = problem.owned_support_points();
    std::vector<double> temperature(points.size()), density(points.size(), 0.), melted(points.size());
    for (std::size_t i = 0; i < points.size(); ++i)
      {
        temperature[i] = data.initial_temperature_K + problem.owned_rise()[i];
        melted[i]      = temperature[i] >= data.melting_temperature_K ? 1. : 0.;
      }
    for (const HeatSource *source : data.sources)
      source->add_volumetric_density(points, density);

    const auto temperature_K  = ghosted_from_owned(problem, temperature);
    const auto density_W_m3   = ghosted_from_owned(problem, density);
    const auto melted_flag    = ghosted_from_owned(problem, melted);
    Vector<float> rank(problem.dof_handler().get_triangulation().n_active_cells());
    rank = Utilities::MPI::this_mpi_process(problem.communicator());

    DataOut<3> data_out;
    data_out.attach_dof_handler(dofs);
    data_out.add_data_vector(temperature_K, "temperature_K");
    data_out.add_data_vector(density_W_m3, "source_density_W_per_m3");
    data_out.add_data_vector(melted_flag, "melted");
    data_out.add_data_vector(rank, "mpi_rank", DataOut<3>::type_cell_data);
    for (const auto &[name, values] : data.cell_fields)
      data_out.add_data_vector(values, name, DataOut<3>::type_cell_data);
    data_out.build_patches();
    DataOutBase::VtkFlags flags;
    flags.compression_level = DataOutBase::VtkFlags::best_speed;
    data_out.set_flags(flags);

    const MPI_Comm     comm    = problem.communicator();
    const unsigned int this_rank = Utilities::MPI::this_mpi_process(comm);
    const unsigned int n_ranks   = Utilities::MPI::n_mpi_processes(comm);
    const auto piece = [&](unsigned int r) {
      return basename + "." + Utilities::int_to_string(r, 4) + ".vtu";
    };
    write_file_atomically(directory + "/" + piece(this_rank),
                          [&](std::ostream &out) { data_out.write_vtu(out); });
    MPI_Barrier(comm);
    if (this_rank == 0)
      {
        std::vector<std::string> pieces;
        for (unsigned int r = 0; r < n_ranks; ++r)
          pieces.push_back(piece(r));
        write_file_atomically(directory + "/" + basename + ".pvtu",
                              [&](std::ostream &out) { data_out.write_pvtu_record(out, pieces); });
        const std::vector<std::pair<double, std::string>> times = {{0., basename + ".pvtu"}};
        write_file_atomically(directory + "/" + basename + ".pvd",
                              [&](std::ostream &out) { DataOutBase::write_pvd_record(out, times); });
      }
    MPI_Barrier(comm);
    return directory + "/" + basename + ".pvd";
  }

  void write_line_profiles(const HeatProblem &problem,
                           const double       initial_temperature_K,
                           const double       section_xi_m,
                           const std::string &directory)
  {
    const double section = nearest_node_plane(problem, section_xi_m);
    const auto   centreline = nodal_line(problem, 0, Point<3>(0., 0., 0.));
    const auto   depth      = nodal_line(problem, 2, Point<3>(0., 0., 0.));
    const auto   width      = nodal_line(problem, 1, Point<3>(section, 0., 0.));
    if (Utilities::MPI::this_mpi_process(problem.communicator()) != 0)
      return;
    const auto write = [&](const std::vector<std::pair<double, double>> &samples,
                           const std::string &name, const std::string &header,
                           const std::string &row_prefix) {
      write_file_atomically(directory + "/" + name, [&](std::ostream &out) {
        out.precision(10);
        out << header << "\n";
        for (const auto &[position, rise] : samples)
          out << row_prefix << position << "," << initial_temperature_K + rise << "\n";
      });
    };
    std::ostringstream prefix;
    prefix.precision(10);
    prefix << section << ",";
    write(centreline, "profile_centreline.csv", "xi_m,temperature_K", "");
    write(depth, "profile_depth.csv", "z_m,temperature_K", "");
    write(width, "profile_width.csv", "xi_m,y_m,temperature_K", prefix.str());
  }
} // namespace ebweld
