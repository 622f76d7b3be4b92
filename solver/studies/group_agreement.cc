#include "solver/studies/group_agreement.h"

#include <deal.II/base/mpi.h>

#include <chrono>
#include <thread>

namespace ebweld
{
  namespace
  {
    /// Waits for `request`; after `wait_s` calls `late` once and waits on.
    void wait_or_call(MPI_Request &request, const double wait_s, const std::function<void()> &late)
    {
      using clock         = std::chrono::steady_clock;
      const auto deadline = clock::now() + std::chrono::duration<double>(wait_s);
      int        done     = 0;
      while (MPI_Test(&request, &done, MPI_STATUS_IGNORE), !done)
        {
          if (clock::now() > deadline)
            {
              late();
              MPI_Wait(&request, MPI_STATUS_IGNORE);
              return;
            }
          std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
    }
  } // namespace

  GroupAgreement::GroupAgreement(const MPI_Comm group)
  {
    MPI_Comm_dup(group, &comm_);
  }

  GroupAgreement::~GroupAgreement()
  {
    MPI_Comm_free(&comm_);
  }

  RankOutcome GroupAgreement::agree(const RankOutcome &mine, const double wait_s,
                                    const std::function<void()> &stranded) const
  {
    MPI_Request arrival;
    MPI_Ibarrier(comm_, &arrival);
    if (mine.severity > 0)
      wait_or_call(arrival, wait_s, stranded);
    else
      MPI_Wait(&arrival, MPI_STATUS_IGNORE);
    const int  rank  = dealii::Utilities::MPI::this_mpi_process(comm_);
    const int  worst = dealii::Utilities::MPI::max(mine.severity, comm_);
    const auto ranks = dealii::Utilities::MPI::n_mpi_processes(comm_);
    // the lowest rank with the worst outcome tells why
    const int teller =
        dealii::Utilities::MPI::min(mine.severity == worst ? rank : static_cast<int>(ranks), comm_);
    return {worst, dealii::Utilities::MPI::broadcast(comm_, mine.reason, teller)};
  }
} // namespace ebweld
