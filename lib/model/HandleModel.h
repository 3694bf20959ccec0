//===- HandleModel.h - Handle families of the API model ------------------===//
//
// Which C library calls acquire, release and borrow file streams, pipe
// streams, descriptors and directory streams, and how ownership moves
// between them (fdopen and fdopendir take over a descriptor; fileno and
// dirfd lend one). Part of the shared API model: the path-sensitive checkers
// build their call descriptions from these tables, and the analysis host
// uses them to skip functions that touch no handle at all.
//
// See docs/api-model.md ("Handles").
//
//===----------------------------------------------------------------------===//

#ifndef TETHER_MODEL_HANDLEMODEL_H
#define TETHER_MODEL_HANDLEMODEL_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

namespace tether::model {

enum class HandleFamily {
  Stream,     // FILE * from fopen and friends, closed by fclose
  PipeStream, // FILE * from popen, closed by pclose
  Descriptor, // int from open, socket, pipe, ..., closed by close
  Directory,  // DIR * from opendir and fdopendir, closed by closedir
};

/// How an acquire function hands out its handle(s).
enum class AcquireShape {
  /// The return value; failure is NULL (pointers) or a negative value.
  Returns,
  /// Two descriptors written to `int[2]` at ArgIndex; returns 0 on success.
  FillsPair,
  /// A new descriptor only when the argument at ArgIndex is one of
  /// OneOf: signalfd(-1, ...) (otherwise it updates and returns the
  /// descriptor it was given); fcntl(fd, F_DUPFD or F_DUPFD_CLOEXEC, n)
  /// (every other command only uses the descriptor).
  ReturnsIfArgIsOneOf,
};

struct HandleAcquire {
  llvm::StringLiteral Name;
  unsigned NumArgs;
  HandleFamily Family;
  AcquireShape Shape;
  /// FillsPair: the array argument; ReturnsIfArgIsOneOf: the argument
  /// compared with OneOf.
  int ArgIndex = -1;
  /// fdopen, fdopendir: the descriptor argument the new handle owns.
  int TakesOverArg = -1;
  /// ReturnsIfArgIsOneOf: the values that make the call acquire.
  llvm::ArrayRef<long long> OneOf = {};
};

struct HandleRelease {
  llvm::StringLiteral Name;
  unsigned NumArgs;
  /// The family this function releases correctly.
  HandleFamily Family;
  unsigned ArgIndex = 0;
};

/// A function that uses a handle without taking it over.
struct HandleBorrow {
  llvm::StringLiteral Name;
  /// The argument holding the handle, or -1 for "any argument".
  int ArgIndex;
  /// fileno, dirfd: the returned descriptor belongs to the borrowed handle.
  bool ReturnsOwnedDescriptor = false;
  /// freopen: returns the handle reopened, or NULL after closing it.
  bool ReopensOrCloses = false;
};

llvm::ArrayRef<HandleAcquire> handleAcquires();
llvm::ArrayRef<HandleRelease> handleReleases();
llvm::ArrayRef<HandleBorrow> handleBorrows();

/// Is \p Name (an unqualified C library name) any function of the tables?
bool isHandleFunction(llvm::StringRef Name);

/// "file stream", "pipe stream", "descriptor", "directory stream".
llvm::StringRef familyNoun(HandleFamily F);
/// The function that releases \p F: fclose, pclose, close, closedir.
llvm::StringRef releaseFunction(HandleFamily F);
/// Pointer families fail with NULL, descriptors with a negative value.
inline bool isPointerFamily(HandleFamily F) {
  return F != HandleFamily::Descriptor;
}

} // namespace tether::model

#endif // TETHER_MODEL_HANDLEMODEL_H
