#include "solver/commands/command_study.h"

#include "solver/base/atomic_file.h"
#include "solver/base/input_error.h"
#include "solver/base/interrupt.h"
#include "solver/case/case_setup.h"
#include "solver/case/solve_case.h"
#include "solver/commands/command_arguments.h"
#include "solver/commands/command_guard.h"
#include "solver/commands/parameter_overrides.h"
#include "solver/fe/linear_solver.h"
#include "solver/post/catalyst_session.h"
#include "solver/post/plot_script.h"
#include "solver/run/run_case.h"
#include "solver/studies/group_agreement.h"
#include "solver/studies/results_table.h"
#include "solver/studies/study_folder.h"
#include "solver/studies/study_plan.h"

#include <deal.II/base/mpi.h>
#include <deal.II/base/timer.h>
#include <deal.II/base/utilities.h>

#include <algorithm>
#include <cstdlib>
#include <iomanip>
#include <iostream>
#include <limits>

namespace ebweld
{
  using namespace dealii;

  namespace
  {
    /// A shared counter on rank 0 of `comm` handing out case numbers: a
    /// group leader takes the next number with an atomic fetch-and-add,
    /// so groups that finish early simply take more cases (no master rank
    /// has to stay idle to answer requests).
    class CaseCounter
    {
    public:
      explicit CaseCounter(MPI_Comm comm)
      {
        const bool owner = Utilities::MPI::this_mpi_process(comm) == 0;
        MPI_Win_allocate(owner ? sizeof(int) : 0, sizeof(int), MPI_INFO_NULL, comm, &value_,
                         &window_);
        if (owner)
          *value_ = 0;
        MPI_Win_fence(0, window_);
      }
      ~CaseCounter() { MPI_Win_free(&window_); }
      CaseCounter(const CaseCounter &)            = delete;
      CaseCounter &operator=(const CaseCounter &) = delete;

      int next()
      {
        const int one = 1;
        int       taken;
        MPI_Win_lock(MPI_LOCK_SHARED, 0, 0, window_);
        MPI_Fetch_and_op(&one, &taken, MPI_INT, 0, 0, MPI_SUM, window_);
        MPI_Win_unlock(0, window_);
        return taken;
      }

      /// Every later next() returns a number past the last case: the other
      /// groups stop after the case they are solving.
      void stop_handing_out()
      {
        const int past_every_case = std::numeric_limits<int>::max() / 2;
        MPI_Win_lock(MPI_LOCK_EXCLUSIVE, 0, 0, window_);
        MPI_Accumulate(&past_every_case, 1, MPI_INT, 0, 0, 1, MPI_INT, MPI_REPLACE, window_);
        MPI_Win_unlock(0, window_);
      }

    private:
      int    *value_ = nullptr;
      MPI_Win window_;
    };

    struct CaseOutcome
    {
      std::string            status = "ok";
      std::string            error;
      nlohmann::ordered_json summary;
    };

    /// The input of study case `c`: the file, the command line's --set
    /// overrides, then the case's own.
    void read_case_input(ParameterHandler &prm, const CommandArguments &args, const StudyCase &c)
    {
      std::vector<std::string> overrides = args.overrides;
      for (const auto &[path, value] : c.overrides)
        overrides.push_back(path + "=" + value);
      read_input(prm, args.input_file, overrides);
    }

    CaseOutcome run_one(const CommandArguments &args, const StudyCase &c,
                        const std::string &directory, MPI_Comm group, CatalystSession *catalyst)
    {
      CaseOutcome outcome;
      try
        {
          ParameterHandler prm;
          read_case_input(prm, args, c);
          const CaseSetup setup(prm);
          OutputOptions   options;
          options.output_directory = directory + "/case_" + Utilities::int_to_string(c.index, 4);
          options.write_fields     = setup.output.write_fields;
          options.write_profiles   = setup.output.write_profiles;
          // a case's picture goes into its folder, written only with fields or profiles
          options.write_picture =
              setup.output.write_picture && (options.write_fields || options.write_profiles);
          options.write_summary  = setup.output.write_fields || setup.output.write_profiles;
          options.postprocessors = PostprocessorRegistry::instance().parse_active(prm);
          // the case's number is its Catalyst time step; its inputs travel with the data
          options.catalyst            = catalyst;
          options.catalyst_time_step  = c.index;
          options.catalyst_parameters = {{"case", c.id()}, {"case_index", c.index}};
          for (const auto &[path, value] : c.overrides)
            options.catalyst_parameters[path] = value;
          std::ostream quiet(nullptr);
          outcome.summary = run_case(setup, group, options, quiet);
        }
      catch (const InputError &e)
        {
          outcome = {"failed", std::string("input error: ") + e.what(), {}};
        }
      catch (const SolverDivergence &e)
        {
          outcome = {"failed", std::string("solver error: ") + e.what(), {}};
        }
      catch (const Interrupted &)
        {
          outcome = {"interrupted", "", {}}; // not recorded: a resumed study solves it again
        }
      catch (const std::bad_alloc &)
        {
          outcome = {"failed",
                     "out of memory (lower Mesh/Cells per beam diameter, or give the "
                     "case more ranks with --ranks-per-case)",
                     {}};
        }
      // any other error (a result that cannot be written, an internal one)
      // fails this case, not the study
      catch (const std::exception &e)
        {
          outcome = {"failed", std::string("error: ") + e.what(), {}};
        }
      return outcome;
    }

    /// What the groups of a study share.
    struct StudyRun
    {
      const CommandArguments         &args;
      const StudyPlan                &plan;
      const ResultsTable             &table;
      const std::string              &directory;
      const std::vector<unsigned int> pending;
      unsigned int                    stop_after;
    };

    /// How long a rank whose case failed waits for the rest of its group:
    /// longer than anything a group leader does alone after the solve's
    /// last collective call (the picture takes 120 s at most).
    constexpr double stranded_wait_s = 180.;

    /// Ends the study when case `c` failed on this rank only and the rest of
    /// its group waits for it inside the solve: the case is recorded as
    /// failed first, so that the same command continues past it.
    [[noreturn]] void stop_stranded_study(const StudyRun &study, const StudyCase &c,
                                          const std::string &error, const unsigned int rank)
    {
      const std::string where = " (on rank " + std::to_string(rank) + " of its group only)";
      study.table.append(c.id(), c.overrides, "failed", error + where, {});
      std::cerr << "ebweld study: case " << c.id() << " failed" << where << ": " << error
                << ". The group's other ranks wait for it inside the solve, so the study stops "
                   "here. The case is recorded as failed in "
                << study.table.path()
                << "; the same command continues the study with the other cases." << std::endl;
      MPI_Abort(MPI_COMM_WORLD, 4);
      std::abort(); // MPI_Abort does not return
    }

    /// The group's outcome of case `c`, from each rank's own `mine`: the
    /// worst of them, on every rank (see GroupAgreement).
    CaseOutcome group_outcome(CaseOutcome mine, const GroupAgreement &agreement,
                              const StudyRun &study, const StudyCase &c, MPI_Comm group)
    {
      const std::string statuses[] = {"ok", "interrupted", "failed"}; // by severity
      const int         severity =
          std::find(std::begin(statuses), std::end(statuses), mine.status) - std::begin(statuses);
      // an interrupt is agreed on by every rank: only a failure can strand them
      const RankOutcome agreed = agreement.agree({severity, mine.error}, stranded_wait_s, [&] {
        if (mine.status == "failed")
          stop_stranded_study(study, c, mine.error, Utilities::MPI::this_mpi_process(group));
      });
      if (agreed.severity == 0)
        return mine; // the leader's summary
      return {statuses[agreed.severity], agreed.reason, {}};
    }

    /// Cases of `plan` not yet in `table`, decided by rank 0 of `comm`.
    std::vector<unsigned int> pending_cases(const StudyPlan &plan, const ResultsTable &table,
                                            MPI_Comm comm)
    {
      std::vector<unsigned int> pending;
      if (Utilities::MPI::this_mpi_process(comm) == 0)
        {
          const auto done = table.completed_case_ids();
          for (const auto &c : plan.cases)
            if (done.count(c.id()) == 0)
              pending.push_back(c.index);
        }
      return Utilities::MPI::broadcast(comm, pending, 0);
    }

    /// One progress line per finished case, with the time left.
    void report_progress(std::ostream &log, const ResultsTable &table, const StudyPlan &plan,
                         const StudyCase &c, const CaseOutcome &outcome, const unsigned int skipped,
                         const double elapsed_s)
    {
      const auto [rows, failed] = table.counts();
      const double per_case_s   = elapsed_s / std::max(1u, rows - skipped);
      log << std::setprecision(3) << "  [" << rows << "/" << plan.cases.size() << "] " << c.id()
          << ": " << outcome.status << (outcome.error.empty() ? "" : " (" + outcome.error + ")")
          << "; " << failed << " failed, " << elapsed_s << " s elapsed, about "
          << per_case_s * (plan.cases.size() - rows) << " s left\n"
          << std::flush;
    }

    /// Hands the pending cases out to groups of `per_case` ranks until none
    /// is left (or --stop-after is reached).
    void run_on_groups(const StudyRun &study, const std::vector<std::string> &scripts,
                       const unsigned int catalyst_interval, const unsigned int per_case,
                       MPI_Comm comm, std::ostream &log)
    {
      const unsigned int rank    = Utilities::MPI::this_mpi_process(comm);
      const unsigned int skipped = study.plan.cases.size() - study.pending.size();
      MPI_Comm           group;
      MPI_Comm_split(comm, rank / per_case, rank, &group);
      const bool                       leader = Utilities::MPI::this_mpi_process(group) == 0;
      std::unique_ptr<CatalystSession> catalyst; // one per group, on its communicator
      if (!scripts.empty())
        catalyst = std::make_unique<CatalystSession>(group, scripts, study.directory + "/catalyst",
                                                     catalyst_interval);
      const GroupAgreement agreement(group);
      CaseCounter          counter(comm);
      Timer                clock;
      while (true)
        {
          int next = leader ? counter.next() : 0;
          MPI_Bcast(&next, 1, MPI_INT, 0, group);
          if (next >= static_cast<int>(study.pending.size()) ||
              (study.stop_after > 0 && next >= static_cast<int>(study.stop_after)))
            break;
          const StudyCase  &c = study.plan.cases[study.pending[next]];
          const CaseOutcome outcome =
              group_outcome(run_one(study.args, c, study.directory, group, catalyst.get()),
                            agreement, study, c, group);
          if (leader && outcome.status != "interrupted")
            study.table.append(c.id(), c.overrides, outcome.status, outcome.error, outcome.summary);
          if (rank == 0 && outcome.status != "interrupted")
            report_progress(log, study.table, study.plan, c, outcome, skipped, clock.wall_time());
          if (interrupt_requested(group))
            {
              if (leader)
                counter.stop_handing_out();
              break;
            }
        }
      catalyst.reset(); // before the group's communicator goes
      MPI_Comm_free(&group);
    }

    /// Parses every case of `plan` as its run would and checks that it fits
    /// in the memory of a group of `per_case` ranks; throws InputError
    /// naming the first invalid case.
    void validate_cases(const CommandArguments &args, const StudyPlan &plan,
                        const unsigned int per_case)
    {
      for (const auto &c : plan.cases)
        try
          {
            ParameterHandler prm;
            read_case_input(prm, args, c);
            const CaseSetup setup(prm);
            check_case_resources(setup, per_case, per_case * rank_memory_share_bytes());
          }
        catch (const InputError &e)
          {
            throw InputError("case " + c.id() + ": " + e.what());
          }
    }
  } // namespace

  std::string study_usage()
  {
    return "Usage: [mpirun -np N] ebweld study FILE.prm [--ranks-per-case K] [--set ...]\n"
           "                     [--output-dir DIR]\n"
           "\n"
           "Runs every case of subsection Study of FILE (a grid of parameter values or\n"
           "a table of cases), each on a group of K ranks (default 1), handing cases\n"
           "out as groups become free. Each finished case is appended to results.csv\n"
           "(inputs, status, error and the summary quantities); re-running the same\n"
           "study skips the cases already there. A failing case is recorded and the\n"
           "study goes on; the study then exits with status 4. Fields are written per case "
           "(case_NNNN/) when Output/Write\n"
           "fields is true; set it false for large studies.\n"
           "\n"
           "  --ranks-per-case K  ranks per case; N must be a multiple of K\n"
           "  --validate FILE     check FILE (the plan and every case) without solving\n"
           "  --stop-after M      stop handing out cases after M in this run (testing aid)\n"
           "  --catalyst SCRIPT   hand every case's fields to a ParaView Catalyst pipeline\n"
           "                      (time step = case number; repeatable)\n";
  }

  int command_study(const std::vector<std::string> &arguments, MPI_Comm comm)
  {
    const unsigned int rank  = Utilities::MPI::this_mpi_process(comm);
    const unsigned int ranks = Utilities::MPI::n_mpi_processes(comm);
    return run_command(arguments, comm, study_usage(), [&](std::ostream &log) {
      std::vector<std::string> rest          = arguments;
      const auto               scripts       = take_catalyst_scripts(rest);
      auto                     args          = CommandArguments::parse(rest, "study",
                                                                       {"--ranks-per-case", "--stop-after", "--validate"}, {});
      const bool               validate_only = args.take_validate();
      if (args.input_file.empty())
        throw InputError(
            "ebweld study needs an input file with a Study subsection (see 'ebweld study --help')");
      const unsigned int per_case   = args.count("--ranks-per-case", 1, 1, ranks);
      const unsigned int stop_after = args.count("--stop-after", 0, 0, 1000000);
      if (ranks % per_case != 0)
        throw_input_error("--ranks-per-case", std::to_string(per_case),
                          "a divisor of the number of ranks (" + std::to_string(ranks) + ")");
      ParameterHandler prm;
      read_input(prm, args.input_file, args.overrides);
      const StudyPlan plan = StudyPlan::parse(prm);
      const CaseSetup base(prm); // the base case itself must be valid
      PostprocessorRegistry::instance().parse_active(prm);
      if (validate_only)
        {
          validate_cases(args, plan, per_case);
          return report_valid(args.input_file + " (" + std::to_string(plan.cases.size()) +
                                  " cases)",
                              base.warnings, log);
        }
      const std::string directory = args.prepared_output_directory(base.output.directory, comm);
      const StudyFolderClaim claim(directory, study_definition(prm, plan), plan.results_file, comm);
      const ResultsTable     table(directory + "/" + plan.results_file, plan.parameters);
      const StudyRun study{args,      plan, table, directory, pending_cases(plan, table, comm),
                           stop_after};
      log << "ebweld study: " << plan.cases.size() << " cases ("
          << plan.cases.size() - study.pending.size() << " already in " << table.path() << "), "
          << ranks / per_case << " group(s) of " << per_case << " rank(s)\n"
          << std::flush;
      Timer clock;
      run_on_groups(study, scripts, base.output.catalyst_interval, per_case, comm, log);
      MPI_Barrier(comm);
      // every rank reads the finished table: all return the same exit code
      const auto [rows, failed] = table.counts();
      if (rank == 0)
        {
          log << "study " << (rows == plan.cases.size() ? "complete" : "incomplete") << ": " << rows
              << " of " << plan.cases.size() << " cases in " << table.path() << ", " << failed
              << " failed, " << clock.wall_time() << " s\n";
        }
      try
        {
          stop_if_interrupted(comm);
        }
      catch (const Interrupted &)
        {
          if (rank == 0)
            log << "study interrupted: the same command continues it with the "
                << plan.cases.size() - rows << " case(s) not yet in " << table.path() << "\n";
          throw;
        }
      if (rank == 0)
        {
          if (base.output.write_picture && rows > failed)
            {
              std::vector<std::string> arguments = {table.path(), directory + "/study.png"};
              arguments.insert(arguments.end(), plan.parameters.begin(), plan.parameters.end());
              log << draw_picture("plot_study.py", arguments, directory + "/study.png");
            }
        }
      // the study went on past its failed cases, but it did not succeed
      return failed > 0 ? 4 : 0;
    });
  }
} // namespace ebweld
