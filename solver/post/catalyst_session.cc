#include "solver/post/catalyst_session.h"

#include "postproc/catalyst/catalyst_adaptor.h"
#include "solver/base/input_error.h"
#include "solver/post/local_grid.h"

#include <deal.II/base/mpi.h>
#include <deal.II/base/timer.h>

#include <dlfcn.h>
#include <netdb.h>
#include <sys/socket.h>

#include <array>
#include <cstdlib>
#include <fstream>

namespace ebweld
{
  using namespace dealii;

  struct CatalystSession::Library
  {
    void                                 *handle     = nullptr;
    decltype(&ebweld_catalyst_initialize) initialize = nullptr;
    decltype(&ebweld_catalyst_coprocess)  coprocess  = nullptr;
    decltype(&ebweld_catalyst_finalize)   finalize   = nullptr;
  };

  namespace
  {
    const char *library_path()
    {
#ifdef EBWELD_CATALYST_LIBRARY
      return EBWELD_CATALYST_LIBRARY;
#else
      return nullptr;
#endif
    }

    template <typename Function>
    Function symbol(void *handle, const char *name)
    {
      void *address = dlsym(handle, name);
      if (!address)
        throw std::runtime_error(std::string("libebweld_catalyst lacks ") + name);
      return reinterpret_cast<Function>(address);
    }

    /// Catalyst Live (postproc/catalyst/live.py) gives no sign when it
    /// cannot reach the GUI: check the address it will use, before
    /// ParaView is loaded. Throws InputError naming the variable.
    void check_live_url()
    {
      const char *variable = "EBWELD_CATALYST_LIVE_URL";
      const char *value    = std::getenv(variable);
      if (!value)
        return;
      const std::string url    = value;
      const std::string prefix = std::string(variable) + " = '" + url + "'";
      const auto        colon  = url.rfind(':');
      const std::string host   = colon == std::string::npos ? "" : url.substr(0, colon);
      const std::string port   = colon == std::string::npos ? "" : url.substr(colon + 1);
      const bool        digits = !port.empty() && port.size() <= 5 &&
                          port.find_first_not_of("0123456789") == std::string::npos;
      const int number = digits ? std::stoi(port) : 0;
      if (host.empty() || number < 1 || number > 65535)
        throw InputError(prefix + ": expected HOST:PORT with PORT in [1, 65535], "
                                  "for example 127.0.0.1:22222");
      addrinfo  hints{};
      addrinfo *found   = nullptr;
      hints.ai_socktype = SOCK_STREAM;
      const int status  = getaddrinfo(host.c_str(), port.c_str(), &hints, &found);
      if (status != 0)
        throw InputError(prefix + ": host '" + host + "' does not resolve (" +
                         gai_strerror(status) +
                         "); give the GUI's address, for example 127.0.0.1:" + port);
      freeaddrinfo(found);
    }
  } // namespace

  CatalystSession::CatalystSession(MPI_Comm comm, const std::vector<std::string> &scripts,
                                   const std::string &output_directory, const unsigned int interval)
      : library_(std::make_unique<Library>())
      , interval_(interval)
  {
    for (const auto &script : scripts) // before loading ParaView: a clear, cheap check
      if (!std::ifstream(script))
        throw InputError("--catalyst " + script + ": no such file or not readable");
    check_live_url();
    setenv("EBWELD_CATALYST_OUTPUT", output_directory.c_str(), 1);
    if (!library_path())
      throw InputError("--catalyst: this ebweld was built without ParaView Catalyst (install "
                       "paraview-dev python3-paraview and rebuild, or drop --catalyst)");
    Timer startup(comm, true);
    // Global: Python extension modules that the pipelines import resolve
    // libpython's symbols through the process's global scope. Lazy and
    // deep-bound: the adaptor brings about 400 libraries, whose symbols
    // ld.so would otherwise bind all at once (lazy: only those called) and
    // look up first in ebweld's own 200 (deep: their own scope first).
    // Start-up per process (adaptor, ParaView, pipeline) measured 1.3-1.9 s
    // with RTLD_NOW, 0.8-1.1 s lazy, 0.51-0.53 s lazy and deep-bound. Deep
    // binding is safe because ebweld has no copy relocations (a non-PIE
    // build could have; test_catalyst checks) and interposes no library
    // symbol; sanitizer runtimes refuse it.
    library_->handle = dlopen(library_path(), RTLD_LAZY | RTLD_GLOBAL | RTLD_DEEPBIND);
    if (!library_->handle)
      throw InputError(std::string("--catalyst: cannot load ") + library_path() + ": " + dlerror());
    library_->initialize =
        symbol<decltype(library_->initialize)>(library_->handle, "ebweld_catalyst_initialize");
    library_->coprocess =
        symbol<decltype(library_->coprocess)>(library_->handle, "ebweld_catalyst_coprocess");
    library_->finalize =
        symbol<decltype(library_->finalize)>(library_->handle, "ebweld_catalyst_finalize");

    std::vector<const char *> names;
    for (const auto &script : scripts)
      names.push_back(script.c_str());
    std::array<char, 2048> error{};
    const int failed = library_->initialize(MPI_Comm_c2f(comm), names.size(), names.data(),
                                            error.data(), error.size());
    // every rank must agree, or the ranks that succeeded would wait forever
    if (Utilities::MPI::max(failed, comm) != 0)
      throw InputError(failed ? error.data()
                              : "--catalyst: a pipeline failed to load on another rank");
    startup.stop();
    startup_time_s_ = startup.wall_time();
  }

  CatalystSession::~CatalystSession()
  {
    if (library_->finalize)
      library_->finalize();
    // the library stays loaded: VTK registers exit-time handlers in it
  }

  std::pair<long long, long long>
  CatalystSession::coprocess(const HeatProblem &problem, const FieldOutputData &data,
                             const double time, const int time_step,
                             const nlohmann::ordered_json &parameters, const bool always)
  {
    if (!always && calls_++ % interval_ != 0)
      return {0, 0};
    if (always)
      ++calls_;
    const LocalGrid             local = build_local_grid(problem, data);
    std::vector<const char *>   point_names, cell_names;
    std::vector<const double *> point_data, cell_data;
    for (const auto &[name, values] : local.point_fields)
      {
        point_names.push_back(name.c_str());
        point_data.push_back(values.data());
      }
    for (const auto &[name, values] : local.cell_fields)
      {
        cell_names.push_back(name.c_str());
        cell_data.push_back(values.data());
      }

    EbweldCatalystGrid grid;
    grid.n_points          = local.n_points();
    grid.points            = local.points_m.data();
    grid.n_cells           = local.n_cells();
    grid.connectivity      = local.connectivity.data();
    grid.n_point_fields    = point_names.size();
    grid.point_field_names = point_names.data();
    grid.point_fields      = point_data.data();
    grid.n_cell_fields     = cell_names.size();
    grid.cell_field_names  = cell_names.data();
    grid.cell_fields       = cell_data.data();
    std::array<char, 2048> error{};
    const std::string      json = parameters.dump();
    const int              failed =
        library_->coprocess(&grid, time, time_step, json.c_str(), error.data(), error.size());
    if (Utilities::MPI::max(failed, problem.communicator()) != 0)
      throw std::runtime_error(failed ? error.data()
                                      : "a Catalyst pipeline failed on another rank");
    const auto total = [&](const long long n) {
      return static_cast<long long>(
          Utilities::MPI::sum(static_cast<double>(n), problem.communicator()));
    };
    return {total(grid.n_points), total(grid.n_cells)};
  }

  std::vector<std::string> take_catalyst_scripts(std::vector<std::string> &arguments)
  {
    std::vector<std::string> scripts, rest;
    for (std::size_t i = 0; i < arguments.size(); ++i)
      if (arguments[i] == "--catalyst")
        {
          if (i + 1 == arguments.size())
            throw InputError("--catalyst needs a script: --catalyst SCRIPT.py");
          scripts.push_back(arguments[++i]);
        }
      else
        rest.push_back(arguments[i]);
    arguments = rest;
    return scripts;
  }
} // namespace ebweld
