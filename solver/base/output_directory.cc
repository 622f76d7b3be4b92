#include "solver/base/output_directory.h"

#include "solver/base/input_error.h"

#include <deal.II/base/mpi.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <unistd.h>

namespace ebweld
{
  namespace
  {
    /// Why files cannot be written in `path` (empty if they can).
    std::string unwritable_reason(const std::string &path)
    {
      std::error_code error;
      if (std::filesystem::exists(path, error) && !std::filesystem::is_directory(path, error))
        return "is not a directory";
      std::filesystem::create_directories(path, error);
      if (error)
        return "cannot be created: " + error.message();
      // the way results are written: a temporary file beside them
      std::string probe      = path + "/.ebweld_write_check.XXXXXX";
      const int   descriptor = mkstemp(probe.data());
      if (descriptor < 0)
        return std::string("is not writable: ") + std::strerror(errno);
      close(descriptor);
      std::filesystem::remove(probe, error);
      return "";
    }
  } // namespace

  void prepare_output_directory(const std::string &path, const std::string &parameter,
                                const MPI_Comm comm)
  {
    std::string reason;
    if (dealii::Utilities::MPI::this_mpi_process(comm) == 0)
      reason = unwritable_reason(path);
    reason = dealii::Utilities::MPI::broadcast(comm, reason, 0);
    if (!reason.empty())
      throw_input_error(parameter, path,
                        "a directory ebweld can create and write to (it " + reason + ")");
  }

  void remove_stale_summary(const std::string &directory, const MPI_Comm comm)
  {
    if (dealii::Utilities::MPI::this_mpi_process(comm) == 0)
      {
        std::error_code ignored; // nothing to remove is what most runs find
        std::filesystem::remove(directory + "/summary.json", ignored);
      }
    MPI_Barrier(comm);
  }
} // namespace ebweld
