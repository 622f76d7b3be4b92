#include "solver/post/field_output.h"

#include "solver/base/atomic_file.h"
#include "solver/post/field_probes.h"
#include "solver/post/vtu_writer.h"

#include <deal.II/base/data_out_base.h>
#include <deal.II/base/mpi.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <limits>
#include <sstream>

namespace ebweld
{
  using namespace dealii;

  std::string write_fields(const HeatProblem &problem, const FieldOutputData &data,
                           const std::string &directory, const std::string &basename)
  {
    const LocalGrid    grid      = build_local_grid(problem, data);
    const MPI_Comm     comm      = problem.communicator();
    const unsigned int this_rank = Utilities::MPI::this_mpi_process(comm);
    const unsigned int n_ranks   = Utilities::MPI::n_mpi_processes(comm);
    const auto         piece     = [&](unsigned int r) {
      return basename + "." + Utilities::int_to_string(r, 4) + ".vtu";
    };
    write_file_atomically(directory + "/" + piece(this_rank),
                          [&](std::ostream &out) { write_vtu(out, grid); });
    MPI_Barrier(comm);
    if (this_rank == 0)
      {
        std::vector<std::string> pieces;
        for (unsigned int r = 0; r < n_ranks; ++r)
          pieces.push_back(piece(r));
        write_file_atomically(directory + "/" + basename + ".pvtu",
                              [&](std::ostream &out) { write_pvtu(out, grid, pieces); });
        const std::vector<std::pair<double, std::string>> times = {{0., basename + ".pvtu"}};
        write_file_atomically(directory + "/" + basename + ".pvd", [&](std::ostream &out) {
          DataOutBase::write_pvd_record(out, times);
        });
      }
    MPI_Barrier(comm);
    return directory + "/" + basename + ".pvd";
  }

  void write_line_profiles(const HeatProblem &problem, const double initial_temperature_K,
                           const double section_xi_m, const std::string &directory)
  {
    const double section    = nearest_node_plane(problem, section_xi_m);
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
