// The ranks of a study group agree on a case's outcome (GroupAgreement):
//  - a failure on one rank only is every rank's, with that rank's reason;
//  - of several failures the worst wins, the lowest rank's on a tie;
//  - a failed rank whose group does not arrive in time calls `stranded`
//    once (the study records the case and stops there), a rank that
//    succeeded never does, and the agreement still completes when the
//    late rank comes.

#include "solver/studies/group_agreement.h"

#include <deal.II/base/mpi.h>

#include <boost/test/unit_test.hpp>

#include <chrono>
#include <thread>

using namespace ebweld;
using dealii::Utilities::MPI::n_mpi_processes;
using dealii::Utilities::MPI::this_mpi_process;

namespace
{
  const auto never = [] { BOOST_FAIL("stranded called although the group arrived"); };
} // namespace

BOOST_AUTO_TEST_CASE(a_failure_on_the_last_rank_only_is_every_ranks)
{
  const unsigned int   rank  = this_mpi_process(MPI_COMM_WORLD);
  const unsigned int   ranks = n_mpi_processes(MPI_COMM_WORLD);
  const GroupAgreement agreement(MPI_COMM_WORLD);
  const RankOutcome mine = rank == ranks - 1 ? RankOutcome{2, "out of memory"} : RankOutcome{0, ""};
  const RankOutcome agreed = agreement.agree(mine, 60., never);
  BOOST_TEST(agreed.severity == 2);
  BOOST_TEST(agreed.reason == "out of memory");
}

BOOST_AUTO_TEST_CASE(the_worst_outcome_wins_and_the_lowest_rank_tells_why)
{
  const unsigned int   rank  = this_mpi_process(MPI_COMM_WORLD);
  const unsigned int   ranks = n_mpi_processes(MPI_COMM_WORLD);
  const GroupAgreement agreement(MPI_COMM_WORLD);
  // every rank fails; rank 0 less badly when there are several
  const int         severity = ranks > 1 && rank == 0 ? 1 : 2;
  const RankOutcome agreed =
      agreement.agree({severity, "reason of rank " + std::to_string(rank)}, 60., never);
  BOOST_TEST(agreed.severity == 2);
  BOOST_TEST(agreed.reason == "reason of rank " + std::to_string(ranks > 1 ? 1 : 0));
  const RankOutcome all_ok = agreement.agree({0, ""}, 60., never);
  BOOST_TEST(all_ok.severity == 0);
}

BOOST_AUTO_TEST_CASE(a_failed_rank_left_waiting_calls_stranded_once)
{
  const unsigned int   rank  = this_mpi_process(MPI_COMM_WORLD);
  const unsigned int   ranks = n_mpi_processes(MPI_COMM_WORLD);
  const GroupAgreement agreement(MPI_COMM_WORLD);
  const bool           fails = rank == ranks - 1;
  const bool           late  = ranks > 1 && rank == 0; // still "in the solve"
  if (late)
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));
  unsigned int      stranded_calls = 0;
  const RankOutcome agreed         = agreement.agree(
              fails ? RankOutcome{2, "disk full"} : RankOutcome{0, ""}, 0.2, [&] { ++stranded_calls; });
  BOOST_TEST(stranded_calls == (fails && ranks > 1 ? 1u : 0u));
  BOOST_TEST(agreed.severity == 2);
  BOOST_TEST(agreed.reason == "disk full");
}
