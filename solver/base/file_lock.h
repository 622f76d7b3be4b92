#pragma once
// An advisory lock (flock) on a lock file: released by the kernel when the
// process ends, however it ends, so a killed study never leaves its folder
// locked. The lock file is opened without following a symlink.

#include <string>

namespace ebweld
{
  class FileLock
  {
  public:
    /// Waits for the exclusive lock on `path` (created if missing); throws
    /// std::runtime_error if the file cannot be opened.
    explicit FileLock(const std::string &path);

    /// Takes the lock only if nobody holds it: check held() afterwards.
    static FileLock try_lock(const std::string &path);

    ~FileLock();
    FileLock(FileLock &&other) noexcept;
    FileLock(const FileLock &)            = delete;
    FileLock &operator=(const FileLock &) = delete;
    FileLock &operator=(FileLock &&)      = delete;

    bool held() const { return held_; }

  private:
    FileLock(const std::string &path, bool wait);

    int  descriptor_ = -1;
    bool held_       = false;
  };
} // namespace ebweld
