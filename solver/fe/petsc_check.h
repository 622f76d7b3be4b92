#pragma once
// PETSc reports failure through return codes; ebweld turns them into
// exceptions that name the call.

#include <petscsys.h>

#include <stdexcept>
#include <string>

namespace ebweld
{
  inline void check_petsc(const PetscErrorCode code, const char *call)
  {
    if (code != 0)
      throw std::runtime_error(std::string("PETSc call ") + call + " failed with error " +
                               std::to_string(code));
  }
} // namespace ebweld
