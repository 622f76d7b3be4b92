#include "sources/tabulated_depth_profile.h"

#include "solver/base/csv_lines.h"
#include "solver/base/input_error.h"

#include <algorithm>

namespace ebweld
{
  TabulatedDepthProfile::TabulatedDepthProfile(const std::string &path,
                                               const std::string &parameter)
      : path_(path)
  {
    const auto lines = read_csv_lines(path, parameter, "lines 'depth_um, relative_dose'");
    for (const auto &line : lines)
      {
        const std::string &where = line.where;
        // a header naming the columns is allowed as the first line
        if (&line == &lines.front() && !line.fields.empty() && !is_csv_number(line.fields[0]))
          continue;
        if (line.fields.size() != 2)
          throw InputError(where + ": expected 'depth_um, relative_dose'");
        const double depth_um = parse_csv_number(line.fields[0], where);
        const double dose     = parse_csv_number(line.fields[1], where);
        if (depth_um < 0.)
          throw_input_error(where + " depth (um)", format_value(depth_um), ">= 0");
        if (!depths_m_.empty() && !(depth_um * 1e-6 > depths_m_.back()))
          throw_input_error(where + " depth (um)", format_value(depth_um),
                            "larger than the previous depth (depths must increase)");
        if (dose < 0.)
          throw_input_error(where + " relative dose", format_value(dose), ">= 0");
        depths_m_.push_back(depth_um * 1e-6);
        density_per_m_.push_back(dose);
      }
    if (depths_m_.size() < 2)
      throw_input_error(parameter, path, "a file with at least two depth-dose rows");
    double integral = 0.;
    for (std::size_t i = 1; i < depths_m_.size(); ++i)
      integral +=
          0.5 * (density_per_m_[i] + density_per_m_[i - 1]) * (depths_m_[i] - depths_m_[i - 1]);
    if (!(integral > 0.))
      throw_input_error(parameter, path, "a depth-dose table with a positive total dose");
    for (double &d : density_per_m_)
      d /= integral;
  }

  double TabulatedDepthProfile::value(const double depth_m) const
  {
    if (depth_m < depths_m_.front() || depth_m > depths_m_.back())
      return 0.;
    const auto   upper = std::upper_bound(depths_m_.begin(), depths_m_.end(), depth_m);
    const auto   i     = std::min<std::size_t>(upper - depths_m_.begin(), depths_m_.size() - 1);
    const double w     = (depth_m - depths_m_[i - 1]) / (depths_m_[i] - depths_m_[i - 1]);
    return (1. - w) * density_per_m_[i - 1] + w * density_per_m_[i];
  }

  double TabulatedDepthProfile::feature_length_m() const
  {
    double shortest = depths_m_.back();
    for (std::size_t i = 1; i < depths_m_.size(); ++i)
      shortest = std::min(shortest, depths_m_[i] - depths_m_[i - 1]);
    return shortest;
  }

  double TabulatedDepthProfile::mean_depth_m() const
  {
    // exact for the piecewise-linear density
    double moment = 0.;
    for (std::size_t i = 1; i < depths_m_.size(); ++i)
      {
        const double z0 = depths_m_[i - 1], z1 = depths_m_[i];
        const double f0 = density_per_m_[i - 1], f1 = density_per_m_[i];
        moment += (z1 - z0) * (f0 * (2. * z0 + z1) + f1 * (z0 + 2. * z1)) / 6.;
      }
    return moment;
  }

  nlohmann::ordered_json TabulatedDepthProfile::describe() const
  {
    return {
        {"depth_profile", "table"}, {"depth_dose_file", path_}, {"table_rows", depths_m_.size()}};
  }
} // namespace ebweld
