#include "solver/base/file_lock.h"

#include <cerrno>
#include <cstring>
#include <stdexcept>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace ebweld
{
  FileLock::FileLock(const std::string &path)
      : FileLock(path, /*wait=*/true)
  {
  }

  FileLock FileLock::try_lock(const std::string &path)
  {
    return FileLock(path, /*wait=*/false);
  }

  FileLock::FileLock(const std::string &path, const bool wait)
      : descriptor_(::open(path.c_str(), O_CREAT | O_RDWR | O_NOFOLLOW | O_CLOEXEC, 0644))
  {
    if (descriptor_ < 0)
      throw std::runtime_error("cannot open the lock file '" + path + "': " + std::strerror(errno));
    int result;
    do
      result = ::flock(descriptor_, wait ? LOCK_EX : LOCK_EX | LOCK_NB);
    while (result != 0 && errno == EINTR);
    held_ = result == 0;
    if (!held_ && (wait || errno != EWOULDBLOCK))
      {
        const std::string reason = std::strerror(errno);
        ::close(descriptor_);
        throw std::runtime_error("cannot lock '" + path + "': " + reason);
      }
  }

  FileLock::FileLock(FileLock &&other) noexcept
      : descriptor_(other.descriptor_)
      , held_(other.held_)
  {
    other.descriptor_ = -1;
    other.held_       = false;
  }

  FileLock::~FileLock()
  {
    if (descriptor_ >= 0)
      ::close(descriptor_); // closing the last descriptor releases the lock
  }
} // namespace ebweld
