#include "solver/base/atomic_file.h"

#include <filesystem>
#include <fstream>
#include <stdexcept>

#include <unistd.h>

namespace ebweld
{
  void write_file_atomically(const std::string                         &path,
                             const std::function<void(std::ostream &)> &write)
  {
    const std::string temporary = path + ".tmp." + std::to_string(::getpid());
    {
      std::ofstream out(temporary);
      if (!out)
        throw std::runtime_error("cannot open '" + temporary + "' for writing");
      write(out);
      out.flush();
      if (!out)
        throw std::runtime_error("writing '" + temporary + "' failed (disk full?)");
    }
    std::error_code error;
    std::filesystem::rename(temporary, path, error);
    if (error)
      {
        std::filesystem::remove(temporary);
        throw std::runtime_error("cannot rename '" + temporary + "' to '" + path +
                                 "': " + error.message());
      }
  }

  void make_directories(const std::string &path)
  {
    std::error_code error;
    std::filesystem::create_directories(path, error);
    if (error)
      throw std::runtime_error("cannot create output directory '" + path + "': " + error.message());
  }
} // namespace ebweld
