#pragma once
// Wall time of consecutive phases of a collective computation, the slowest
// rank's, so that every rank reports the same figure.

#include <deal.II/base/timer.h>

#include <mpi.h>

namespace ebweld
{
  class PhaseTimer
  {
  public:
    explicit PhaseTimer(MPI_Comm comm)
        : timer_(comm, true)
    {
    }

    /// Wall time since construction or the last lap [s]; starts the next.
    double lap()
    {
      timer_.stop();
      const double t = timer_.last_wall_time();
      timer_.reset();
      timer_.start();
      return t;
    }

  private:
    dealii::Timer timer_;
  };
} // namespace ebweld
