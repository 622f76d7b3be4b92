#include "sources/heat_source.h"

namespace ebweld
{
  void HeatSource::add_surface_flux(const std::vector<dealii::Point<3>> &,
                                    std::vector<double> &) const
  {
  }

  double HeatSource::deposition_depth_m() const
  {
    return support_box_m().get_boundary_points().second[2];
  }
} // namespace ebweld
