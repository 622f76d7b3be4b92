#include "solver/base/interrupt.h"

#include <csignal>
#include <cstring>
#include <string>

#include <unistd.h>

namespace ebweld
{
  namespace
  {
    volatile std::sig_atomic_t received_signal = 0;

    extern "C" void record_signal(const int signal_number)
    {
      received_signal = signal_number;
      // the next one takes the default action: a user who presses Ctrl-C
      // twice does not wait for the next safe point
      std::signal(signal_number, SIG_DFL);
      const char message[] =
          "ebweld: stopping at the next safe point (send the signal again to stop at once)\n";
      // write(2) is async-signal-safe; the result does not matter here
      [[maybe_unused]] const ssize_t written = ::write(STDERR_FILENO, message, sizeof message - 1);
    }

    /// The signal any rank of `comm` received (0: none). Collective.
    int signal_on_any_rank(MPI_Comm comm)
    {
      const int local = received_signal;
      int       any   = 0;
      MPI_Allreduce(&local, &any, 1, MPI_INT, MPI_MAX, comm);
      return any;
    }
  } // namespace

  void install_interrupt_handlers()
  {
    struct sigaction action;
    std::memset(&action, 0, sizeof action);
    action.sa_handler = record_signal;
    sigemptyset(&action.sa_mask);
    // system calls interrupted by the signal resume: MPI and file writes
    // need not handle EINTR
    action.sa_flags = SA_RESTART;
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
  }

  bool interrupt_requested(MPI_Comm comm)
  {
    return signal_on_any_rank(comm) != 0;
  }

  void stop_if_interrupted(MPI_Comm comm)
  {
    if (const int signal_number = signal_on_any_rank(comm); signal_number != 0)
      throw Interrupted(signal_number);
  }

  Interrupted::Interrupted(const int signal_number)
      : std::runtime_error(std::string("interrupted by ") +
                           (signal_number == SIGINT ? "SIGINT" : "SIGTERM"))
      , signal_number_(signal_number)
  {
  }
} // namespace ebweld
