#include "solver/post/plot_script.h"

#include <deal.II/base/timer.h>

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <iostream>
#include <spawn.h>
#include <sstream>
#include <sys/wait.h>
#include <thread>

extern char **environ;

namespace ebweld
{
  namespace
  {
    constexpr const char *interpreter = "/usr/bin/python3";

    /// Path of postproc/`name` in the source tree this binary was built from.
    std::string plot_script_path(const std::string &name)
    {
      return std::string(EBWELD_SOURCE_DIR) + "/postproc/" + name;
    }

    /// Whether `child` ended within `timeout_s`; its status is then in `status`.
    bool ended_within(const pid_t child, int &status, const double timeout_s)
    {
      using clock         = std::chrono::steady_clock;
      const auto deadline = clock::now() + std::chrono::duration<double>(timeout_s);
      while (true)
        {
          const pid_t done = waitpid(child, &status, WNOHANG);
          if (done == child)
            return true;
          if (done < 0 || clock::now() > deadline)
            return false;
          std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
    }

    /// Waits for `child` at most `timeout_s`; stops it after that.
    std::string wait_for(const pid_t child, const double timeout_s)
    {
      int status = 0;
      if (!ended_within(child, status, timeout_s))
        {
          // SIGTERM first: the script then removes its temporary file
          // (plot_common.py); SIGKILL if it has not ended within 2 s
          kill(child, SIGTERM);
          if (!ended_within(child, status, 2.))
            {
              kill(child, SIGKILL);
              waitpid(child, &status, 0);
            }
          std::ostringstream message;
          message << "stopped after " << timeout_s << " s";
          return message.str();
        }
      if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
        return "";
      if (WIFEXITED(status))
        return "exited with status " + std::to_string(WEXITSTATUS(status));
      return "ended by signal " + std::to_string(WTERMSIG(status));
    }
  } // namespace

  std::string draw_picture(const std::string              &script_name,
                           const std::vector<std::string> &arguments, const std::string &picture)
  {
    // the child writes to the terminal too: what is logged so far first
    std::cout.flush();
    dealii::Timer      timer;
    const std::string  failure = run_plot_script(plot_script_path(script_name), arguments, 120.);
    std::ostringstream line;
    if (failure.empty())
      line << "  picture: " << picture << " (" << timer.wall_time() << " s)\n";
    else
      line << "  picture: not drawn, postproc/" << script_name << " " << failure
           << " (it needs python3-matplotlib: apt-get install python3-matplotlib; "
              "Output/Write picture = false skips it)\n";
    return line.str();
  }

  std::string run_plot_script(const std::string &script, const std::vector<std::string> &arguments,
                              const double timeout_s)
  {
    std::vector<std::string> words = {interpreter, script};
    words.insert(words.end(), arguments.begin(), arguments.end());
    std::vector<char *> argv;
    for (auto &word : words)
      argv.push_back(word.data());
    argv.push_back(nullptr);

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
    pid_t     child  = 0;
    const int failed = posix_spawn(&child, interpreter, &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (failed == ENOENT)
      return std::string(interpreter) + " not found";
    if (failed != 0)
      return std::string("cannot start ") + interpreter + ": " + std::strerror(failed);
    return wait_for(child, timeout_s);
  }
} // namespace ebweld
