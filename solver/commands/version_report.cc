#include "solver/commands/version_report.h"

#include <deal.II/base/config.h>

#include <ebweld_commit.h>
#include <hypre/HYPRE_config.h>
#include <petscversion.h>
#include <sstream>

namespace ebweld
{
  std::string version_report()
  {
    std::ostringstream s;
    s << "ebweld " << EBWELD_VERSION << " (commit " << EBWELD_COMMIT << ", " << EBWELD_BUILD_TYPE
      << " build)\n"
      << "  deal.II " << DEAL_II_PACKAGE_VERSION << ", PETSc " << PETSC_VERSION_MAJOR << "."
      << PETSC_VERSION_MINOR << "." << PETSC_VERSION_SUBMINOR << ", hypre " << HYPRE_RELEASE_VERSION
      << "\n"
#ifdef EBWELD_CATALYST_LIBRARY
      << "  ParaView Catalyst: available (" << EBWELD_CATALYST_LIBRARY << ")\n";
#else
      << "  ParaView Catalyst: not available (paraview-dev was missing at configure time)\n";
#endif
    return s.str();
  }
} // namespace ebweld
