#pragma once
// A temperature history T(t) of one material point: piecewise linear
// between samples, with jumps where two samples share a time (the steps
// of a staircase protocol). Submodels integrate their state over it piece
// by piece, so that no integrator ever steps across a jump.

#include <functional>
#include <string>
#include <vector>

namespace ebweld
{
  class ThermalHistory
  {
  public:
    /// A stretch on which T is linear in t.
    struct Piece
    {
      double start_s, end_s, start_K, end_K;
      double temperature_K(double t_s) const
      {
        // the fraction of the stretch first: (end_K - start_K) (t_s - start_s)
        // overflows for times near the largest double
        return end_s > start_s ? start_K + (end_K - start_K) * ((t_s - start_s) / (end_s - start_s))
                               : start_K;
      }
      double max_K() const { return start_K > end_K ? start_K : end_K; }
    };

    /// Samples (t_i, T_i); times must not decrease and every temperature
    /// must be positive. Throws InputError naming `where` otherwise.
    ThermalHistory(const std::vector<double> &time_s, const std::vector<double> &temperature_K,
                   const std::string &where);

    double start_s() const { return time_s_.front(); }
    double end_s() const { return time_s_.back(); }
    /// T(t), the later value at a jump.
    double temperature_K(double t_s) const;
    double peak_K() const;
    /// Total time spent above `threshold_K` [s] (exact for linear pieces).
    double                    time_above_s(double threshold_K) const;
    const std::vector<Piece> &pieces() const { return pieces_; }

    /// Output times: every `interval_s` from the start, every sample time,
    /// and the end, ascending and without repeats.
    std::vector<double> output_times(double interval_s) const;

    /// Walks from times.front() to times.back(): calls advance(t0, t1,
    /// piece) for consecutive stretches on which T is linear, and
    /// record(i) once the walk has reached times[i].
    void march(const std::vector<double>                                &times,
               const std::function<void(double, double, const Piece &)> &advance,
               const std::function<void(std::size_t)>                   &record) const;

  private:
    std::vector<double> time_s_, temperature_K_;
    std::vector<Piece>  pieces_;
  };
} // namespace ebweld
