#include "solver/base/atomic_file.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <sstream>
#include <stdexcept>
#include <vector>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace ebweld
{
  namespace
  {
    /// A new temporary file beside `path` with an unpredictable name,
    /// created exclusively (mkstemp: O_CREAT | O_EXCL), so that a file or
    /// symlink planted in the folder is never opened or followed.
    struct TemporaryFile
    {
      explicit TemporaryFile(const std::string &path)
      {
        std::vector<char> name(path.begin(), path.end());
        const std::string suffix = ".tmp.XXXXXX";
        name.insert(name.end(), suffix.begin(), suffix.end());
        name.push_back('\0');
        descriptor = ::mkstemp(name.data());
        if (descriptor < 0)
          throw std::runtime_error("cannot create a temporary file beside '" + path +
                                   "': " + std::strerror(errno));
        this->path = name.data();
        // mkstemp's 0600 would make results unreadable to the user's group
        ::fchmod(descriptor, 0644);
      }
      ~TemporaryFile()
      {
        if (descriptor >= 0)
          ::close(descriptor);
        if (!renamed)
          ::unlink(path.c_str());
      }
      TemporaryFile(const TemporaryFile &)            = delete;
      TemporaryFile &operator=(const TemporaryFile &) = delete;

      void write_all(const std::string &bytes)
      {
        std::size_t written = 0;
        while (written < bytes.size())
          {
            const ssize_t n = ::write(descriptor, bytes.data() + written, bytes.size() - written);
            if (n < 0 && errno == EINTR)
              continue;
            if (n <= 0)
              throw std::runtime_error("writing '" + path + "' failed: " + std::strerror(errno));
            written += static_cast<std::size_t>(n);
          }
        if (::close(descriptor) != 0)
          throw std::runtime_error("writing '" + path + "' failed: " + std::strerror(errno));
        descriptor = -1;
      }

      std::string path;
      int         descriptor = -1;
      bool        renamed    = false;
    };
  } // namespace

  void write_file_atomically(const std::string                         &path,
                             const std::function<void(std::ostream &)> &write)
  {
    TemporaryFile      temporary(path);
    std::ostringstream content;
    write(content);
    temporary.write_all(content.str());
    std::error_code error;
    std::filesystem::rename(temporary.path, path, error);
    if (error)
      throw std::runtime_error("cannot rename '" + temporary.path + "' to '" + path +
                               "': " + error.message());
    temporary.renamed = true;
  }

  void make_directories(const std::string &path)
  {
    std::error_code error;
    std::filesystem::create_directories(path, error);
    if (error)
      throw std::runtime_error("cannot create output directory '" + path + "': " + error.message());
  }
} // namespace ebweld
