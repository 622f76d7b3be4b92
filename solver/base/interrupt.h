#pragma once
// SIGINT and SIGTERM end a run, a study or an optimisation cleanly. The
// handler only records the signal (nothing else is safe in a handler); the
// solver looks at safe points (every Krylov iteration, between study cases)
// and throws Interrupted there. That unwinds like any error: temporary files
// are removed, no summary.json is written, and the command ends with
// 128 + the signal's number, as a shell reports a process it killed. The
// ranks agree first, by a reduction over the communicator, so that all stop
// at the same point even when the signal reached only one of them. A second
// signal ends the process at once (the default action is restored).

#include <mpi.h>

#include <stdexcept>

namespace ebweld
{
  /// Installs the handlers for SIGINT and SIGTERM (once per process).
  void install_interrupt_handlers();

  /// True when any rank of `comm` received SIGINT or SIGTERM. Collective.
  bool interrupt_requested(MPI_Comm comm);

  /// Throws Interrupted when any rank of `comm` received a signal. Collective.
  void stop_if_interrupted(MPI_Comm comm);

  class Interrupted : public std::runtime_error
  {
  public:
    /// `signal_number`: SIGINT or SIGTERM
    explicit Interrupted(int signal_number);
    int signal_number() const { return signal_number_; }
    /// The exit code a shell shows for a process ended by the signal.
    int exit_code() const { return 128 + signal_number_; }

  private:
    int signal_number_;
  };
} // namespace ebweld
