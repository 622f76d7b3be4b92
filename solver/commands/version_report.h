#pragma once
// What `ebweld --version` prints: the version and commit of ebweld, the
// versions of the libraries it was built against, the build type and
// whether Catalyst is available, so that a result can be traced to its
// build.

#include <string>

namespace ebweld
{
  std::string version_report();
} // namespace ebweld
