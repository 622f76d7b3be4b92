#include "materials/nano/thermal_history.h"

#include "solver/base/input_error.h"

#include <algorithm>
#include <cmath>

namespace ebweld
{
  ThermalHistory::ThermalHistory(const std::vector<double> &time_s,
                                 const std::vector<double> &temperature_K, const std::string &where)
      : time_s_(time_s)
      , temperature_K_(temperature_K)
  {
    if (time_s.size() != temperature_K.size() || time_s.empty())
      throw InputError(where +
                       ": a temperature history needs at least one (time, temperature) sample");
    for (std::size_t i = 0; i < time_s.size(); ++i)
      {
        if (!(temperature_K[i] > 0.) || !std::isfinite(temperature_K[i]))
          throw_input_error(where + " (temperature at t = " + format_value(time_s[i]) + " s)",
                            format_value(temperature_K[i]),
                            "above 0 K: the temperature protocol may not reach or go below 0 K");
        if (i > 0 && !(time_s[i] >= time_s[i - 1]))
          throw_input_error(
              where + " (time of sample " + std::to_string(i + 1) + ")", format_value(time_s[i]),
              "not earlier than the previous sample, " + format_value(time_s[i - 1]) + " s");
      }
    for (std::size_t i = 0; i + 1 < time_s.size(); ++i)
      if (time_s[i + 1] > time_s[i])
        pieces_.push_back({time_s[i], time_s[i + 1], temperature_K[i], temperature_K[i + 1]});
    if (pieces_.empty()) // a single instant: one degenerate piece
      pieces_.push_back(
          {time_s.front(), time_s.front(), temperature_K.back(), temperature_K.back()});
  }

  double ThermalHistory::temperature_K(const double t_s) const
  {
    if (t_s < pieces_.front().start_s)
      return pieces_.front().start_K;
    for (auto piece = pieces_.rbegin(); piece != pieces_.rend(); ++piece)
      if (t_s >= piece->start_s)
        return piece->temperature_K(std::min(t_s, piece->end_s));
    return pieces_.back().end_K;
  }

  double ThermalHistory::peak_K() const
  {
    return *std::max_element(temperature_K_.begin(), temperature_K_.end());
  }

  double ThermalHistory::time_above_s(const double threshold_K) const
  {
    double total = 0.;
    for (const auto &p : pieces_)
      {
        const double duration = p.end_s - p.start_s;
        const bool   a = p.start_K > threshold_K, b = p.end_K > threshold_K;
        if (a && b)
          total += duration;
        else if (a != b) // crosses the threshold once
          {
            const double above = (a ? p.start_K - threshold_K : p.end_K - threshold_K) /
                                 std::abs(p.end_K - p.start_K);
            total += above * duration;
          }
      }
    return total;
  }

  std::vector<double> ThermalHistory::output_times(const double interval_s) const
  {
    std::vector<double> times = time_s_;
    if (interval_s > 0.)
      for (double t = start_s() + interval_s; t < end_s(); t += interval_s)
        times.push_back(t);
    std::sort(times.begin(), times.end());
    times.erase(std::unique(times.begin(), times.end()), times.end());
    return times;
  }

  void ThermalHistory::march(const std::vector<double>                                &times,
                             const std::function<void(double, double, const Piece &)> &advance,
                             const std::function<void(std::size_t)>                   &record) const
  {
    std::size_t next = 0;
    while (next < times.size() && times[next] <= times.front())
      record(next++);
    for (const auto &piece : pieces_)
      {
        double t = std::max(piece.start_s, times.front());
        while (next < times.size() && times[next] <= piece.end_s)
          {
            if (times[next] > t)
              {
                advance(t, times[next], piece);
                t = times[next];
              }
            record(next++);
          }
        if (next < times.size() && piece.end_s > t)
          advance(t, piece.end_s, piece);
      }
    while (next < times.size())
      record(next++);
  }
} // namespace ebweld
