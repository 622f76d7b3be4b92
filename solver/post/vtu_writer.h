#pragma once
// VTK XML unstructured-grid files (.vtu pieces, .pvtu records) written from
// a LocalGrid, with the data inline as base64 ("binary", uncompressed).
// deal.II's DataOut repeats every vertex for each of its 8 cells and
// compresses: at 952k DoFs on 2 ranks it took 3.1 s per output; this
// writer needs a fraction of that. Inline rather than appended raw data:
// ParaView 5.11 fails to read appended data with Debian 12's patched
// libexpat.

#include "solver/post/local_grid.h"

#include <ostream>
#include <string>
#include <vector>

namespace ebweld
{
  void write_vtu(std::ostream &out, const LocalGrid &grid);

  /// The parallel record of `pieces` (file names relative to the record),
  /// whose fields are those of `grid` (any rank's: they all have the same).
  void write_pvtu(std::ostream &out, const LocalGrid &grid, const std::vector<std::string> &pieces);
} // namespace ebweld
