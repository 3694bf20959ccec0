//===- HandleModel.cpp - Handle families of the API model ----------------===//
//
// Names are C library names; the analyzer matches them as C library
// functions, so `std::fopen` and builtin spellings count too.
//
//===----------------------------------------------------------------------===//

#include "model/HandleModel.h"

#include "llvm/ADT/StringSet.h"

namespace tether::model {
namespace {

using F = HandleFamily;
using S = AcquireShape;

constexpr long long MinusOne[] = {-1};
// F_DUPFD and F_DUPFD_CLOEXEC (Linux, every architecture).
constexpr long long FcntlDuplicates[] = {0, 1030};

constexpr HandleAcquire Acquires[] = {
    // Streams.
    {"fopen", 2, F::Stream, S::Returns},
    {"fopen64", 2, F::Stream, S::Returns},
    {"fdopen", 2, F::Stream, S::Returns, -1, /*TakesOverArg=*/0},
    {"tmpfile", 0, F::Stream, S::Returns},
    {"tmpfile64", 0, F::Stream, S::Returns},
    {"fmemopen", 3, F::Stream, S::Returns},
    {"open_memstream", 2, F::Stream, S::Returns},
    {"popen", 2, F::PipeStream, S::Returns},
    // Descriptors. open and openat are variadic: match any argument count.
    {"open", ~0u, F::Descriptor, S::Returns},
    {"open64", ~0u, F::Descriptor, S::Returns},
    {"openat", ~0u, F::Descriptor, S::Returns},
    {"openat64", ~0u, F::Descriptor, S::Returns},
    {"creat", 2, F::Descriptor, S::Returns},
    {"creat64", 2, F::Descriptor, S::Returns},
    {"socket", 3, F::Descriptor, S::Returns},
    {"accept", 3, F::Descriptor, S::Returns},
    {"accept4", 4, F::Descriptor, S::Returns},
    {"dup", 1, F::Descriptor, S::Returns},
    {"eventfd", 2, F::Descriptor, S::Returns},
    {"timerfd_create", 2, F::Descriptor, S::Returns},
    {"signalfd", 3, F::Descriptor, S::ReturnsIfArgIsOneOf, 0, -1, MinusOne},
    {"fcntl", ~0u, F::Descriptor, S::ReturnsIfArgIsOneOf, 1, -1,
     FcntlDuplicates},
    {"epoll_create", 1, F::Descriptor, S::Returns},
    {"epoll_create1", 1, F::Descriptor, S::Returns},
    {"inotify_init", 0, F::Descriptor, S::Returns},
    {"inotify_init1", 1, F::Descriptor, S::Returns},
    {"memfd_create", 2, F::Descriptor, S::Returns},
    {"mkstemp", 1, F::Descriptor, S::Returns},
    {"mkstemp64", 1, F::Descriptor, S::Returns},
    {"mkostemp", 2, F::Descriptor, S::Returns},
    {"mkostemp64", 2, F::Descriptor, S::Returns},
    {"posix_openpt", 1, F::Descriptor, S::Returns},
    {"pipe", 1, F::Descriptor, S::FillsPair, 0},
    {"pipe2", 2, F::Descriptor, S::FillsPair, 0},
    {"socketpair", 4, F::Descriptor, S::FillsPair, 3},
    // Directories.
    {"opendir", 1, F::Directory, S::Returns},
    {"fdopendir", 1, F::Directory, S::Returns, -1, /*TakesOverArg=*/0},
};

constexpr HandleRelease Releases[] = {
    {"fclose", 1, F::Stream},
    {"pclose", 1, F::PipeStream},
    {"close", 1, F::Descriptor},
    {"closedir", 1, F::Directory},
};

// Functions that use a handle and leave it with its owner. dup2 and dup3
// return the descriptor number the caller chose (their second argument),
// which the caller already owns; freopen returns its stream argument
// reopened (or closes it when it fails: see the checker). All three
// therefore borrow. An acquire function listed here too (openat, accept,
// dup, fcntl) also uses its descriptor argument: using it after close is
// reported.
constexpr HandleBorrow Borrows[] = {
    // Descriptors.
    {"accept", 0},      {"accept4", 0},       {"dup", 0},
    {"openat", 0},      {"openat64", 0},      {"mmap", 4},
    {"mmap64", 4},      {"dprintf", 0},       {"vdprintf", 0},
    // The *at functions: their directory descriptor.
    {"mkdirat", 0},     {"unlinkat", 0},      {"fstatat64", 0},
    {"newfstatat", 0},  {"statx", 0},         {"faccessat", 0},
    {"fchmodat", 0},    {"fchownat", 0},      {"futimesat", 0},
    {"utimensat", 0},   {"futimens", 0},      {"mknodat", 0},
    {"mkfifoat", 0},    {"readlinkat", 0},    {"symlinkat", 1},
    {"renameat", -1},   {"renameat2", -1},    {"linkat", -1},
    {"name_to_handle_at", 0}, {"execveat", 0}, {"fstatvfs", 0},
    {"read", 0},        {"write", 0},         {"pread", 0},
    {"pwrite", 0},      {"pread64", 0},       {"pwrite64", 0},
    {"readv", 0},       {"writev", 0},        {"fstat", 0},
    {"fstat64", 0},     {"fstatat", 0},       {"fcntl", 0},
    {"ioctl", 0},       {"lseek", 0},         {"lseek64", 0},
    {"fsync", 0},       {"fdatasync", 0},     {"ftruncate", 0},
    {"ftruncate64", 0}, {"fchmod", 0},        {"fchown", 0},
    {"flock", 0},       {"lockf", 0},         {"posix_fadvise", 0},
    {"posix_fallocate", 0}, {"fallocate", 0}, {"isatty", 0},
    {"ttyname", 0},     {"tcgetattr", 0},     {"tcsetattr", 0},
    {"send", 0},        {"sendto", 0},        {"sendmsg", 0},
    {"recv", 0},        {"recvfrom", 0},      {"recvmsg", 0},
    {"bind", 0},        {"listen", 0},        {"connect", 0},
    {"shutdown", 0},    {"setsockopt", 0},    {"getsockopt", 0},
    {"getsockname", 0}, {"getpeername", 0},   {"epoll_ctl", -1},
    {"epoll_wait", 0},  {"inotify_add_watch", 0}, {"inotify_rm_watch", 0},
    {"timerfd_settime", 0}, {"timerfd_gettime", 0}, {"eventfd_read", 0},
    {"eventfd_write", 0}, {"sendfile", -1},   {"splice", -1},
    {"dup2", -1},       {"dup3", -1},         {"grantpt", 0},
    {"unlockpt", 0},    {"ptsname", 0},       {"ptsname_r", 0},
    {"syncfs", 0},      {"fstatfs", 0},
    {"fchdir", 0},      {"fexecve", 0},
    // Streams.
    {"fprintf", 0},     {"vfprintf", 0},      {"fputs", 1},
    {"fputc", 1},       {"putc", 1},          {"fwrite", 3},
    {"fread", 3},       {"fgets", 2},         {"fgetc", 0},
    {"getc", 0},        {"ungetc", 1},        {"fscanf", 0},
    {"vfscanf", 0},     {"fseek", 0},         {"fseeko", 0},
    {"ftell", 0},       {"ftello", 0},        {"rewind", 0},
    {"fgetpos", 0},     {"fsetpos", 0},       {"fflush", 0},
    {"feof", 0},        {"ferror", 0},        {"clearerr", 0},
    {"setvbuf", 0},     {"setbuf", 0},        {"setlinebuf", 0},
    {"flockfile", 0},   {"funlockfile", 0},   {"ftrylockfile", 0},
    {"getline", 2},     {"getdelim", 3},
    {"freopen", 2, false, /*ReopensOrCloses=*/true},
    {"freopen64", 2, false, /*ReopensOrCloses=*/true},   {"fputws", 1},        {"fgetws", 2},
    {"fwprintf", 0},    {"fileno", 0, /*ReturnsOwnedDescriptor=*/true},
    // Directories.
    {"readdir", 0},     {"readdir64", 0},     {"readdir_r", 0},
    {"rewinddir", 0},   {"telldir", 0},       {"seekdir", 0},
    {"dirfd", 0, /*ReturnsOwnedDescriptor=*/true},
};

} // namespace

llvm::ArrayRef<HandleAcquire> handleAcquires() { return Acquires; }
llvm::ArrayRef<HandleRelease> handleReleases() { return Releases; }
llvm::ArrayRef<HandleBorrow> handleBorrows() { return Borrows; }

bool isHandleFunction(llvm::StringRef Name) {
  static const llvm::StringSet<> Names = [] {
    llvm::StringSet<> Set;
    for (const HandleAcquire &A : Acquires)
      Set.insert(A.Name);
    for (const HandleRelease &R : Releases)
      Set.insert(R.Name);
    return Set;
  }();
  return Names.contains(Name);
}

llvm::StringRef familyNoun(HandleFamily Family) {
  switch (Family) {
  case HandleFamily::Stream:
    return "file stream";
  case HandleFamily::PipeStream:
    return "pipe stream";
  case HandleFamily::Descriptor:
    return "descriptor";
  case HandleFamily::Directory:
    return "directory stream";
  }
  llvm_unreachable("unknown handle family");
}

llvm::StringRef releaseFunction(HandleFamily Family) {
  switch (Family) {
  case HandleFamily::Stream:
    return "fclose";
  case HandleFamily::PipeStream:
    return "pclose";
  case HandleFamily::Descriptor:
    return "close";
  case HandleFamily::Directory:
    return "closedir";
  }
  llvm_unreachable("unknown handle family");
}

} // namespace tether::model
