#pragma once
// How finely a mesh resolves an isotherm of a temperature-rise field: the
// mean temperature change across a mesh cell (a piece of an element,
// element_pieces.h) that the isotherm crosses. A liquid-fraction step
// narrower than this falls inside single cells, where the nodal enthalpy
// jumps between its solid and liquid branches from one Newton step to the
// next; spread over it, the step is resolved and Newton converges
// (docs/NUMERICS.md 8).

#include "solver/fe/heat_problem.h"

namespace ebweld
{
  /// The mean over the cells the isotherm rise = `rise_K` crosses of the
  /// spread (largest minus smallest) of their nodal rises [K]; 0 when no
  /// cell is crossed.
  double isotherm_cell_spread_K(const HeatProblem &problem, double rise_K);
} // namespace ebweld
