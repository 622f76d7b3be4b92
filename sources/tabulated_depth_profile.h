#pragma once
// Depth-dose profile read from a file (e.g. a Monte Carlo electron transport
// export): lines "depth_um, relative_dose", linearly interpolated and
// normalised to unit integral on load.

#include "sources/depth_profile.h"

#include <vector>

namespace ebweld
{
  class TabulatedDepthProfile final : public DepthProfile
  {
  public:
    /// Throws InputError naming `parameter` for a missing file, negative or
    /// non-increasing depths, negative doses or a zero total dose.
    TabulatedDepthProfile(const std::string &path, const std::string &parameter);
    double                 value(double depth_m) const override;
    double                 max_depth_m() const override { return depths_m_.back(); }
    double                 feature_length_m() const override;
    double                 mean_depth_m() const override;
    nlohmann::ordered_json describe() const override;

  private:
    std::string         path_;
    std::vector<double> depths_m_;
    std::vector<double> density_per_m_;
  };
} // namespace ebweld
