#pragma once
// How the ranks of a study group agree on the outcome of a case. Each rank
// catches its own errors, and most strike every rank alike (they read the
// same input and meet in the same collective calls). Some strike one rank
// only: memory runs out there, or its piece of the fields cannot be
// written. The others then go on into the solve's next collective call and
// wait there for a rank that will never come. So the ranks meet in a
// non-blocking barrier on a communicator of their own (a collective on the
// group's communicator could be matched against the solve's): when all
// arrive, the most severe outcome of any rank is everyone's. A rank that
// failed waits only so long; if the others have not arrived by then they
// are stranded in the solve, and the caller decides what to do (the study
// records the case as failed and stops, so that a re-run goes on past it).

#include <mpi.h>

#include <functional>
#include <string>

namespace ebweld
{
  /// One rank's outcome of a case. A higher severity wins the agreement.
  struct RankOutcome
  {
    int         severity = 0; ///< 0: succeeded; more is worse (the caller's scale)
    std::string reason;       ///< why, when severity > 0
  };

  class GroupAgreement
  {
  public:
    /// Collective over `group` (duplicates it).
    explicit GroupAgreement(MPI_Comm group);
    ~GroupAgreement();
    GroupAgreement(const GroupAgreement &)            = delete;
    GroupAgreement &operator=(const GroupAgreement &) = delete;

    /// The outcome of the rank with the highest severity (the lowest such
    /// rank's, on a tie), on every rank. Collective. A rank whose own
    /// severity is above zero waits at most `wait_s` for the others, then
    /// calls `stranded` once and goes on waiting (`stranded` may end the
    /// process).
    RankOutcome agree(const RankOutcome &mine, double wait_s,
                      const std::function<void()> &stranded) const;

  private:
    MPI_Comm comm_;
  };
} // namespace ebweld
