//===- WorkerSummary.h - What spawned work does with channels ------------===//
//
// The channel checkers do not run the spawned work on the spawner's path
// (it runs concurrently); they summarise its body once instead: for each
// channel the work reaches through a capture or a parameter, does it block
// on a send on every path through the body (a "must send"), block on a
// receive on every path, receive until the channel is closed, or only
// maybe touch it (timed or non-blocking operations, conditional ones, a
// call Tether does not know)?
//
//===----------------------------------------------------------------------===//

#ifndef TETHER_CHECKERS_ANALYZER_WORKERSUMMARY_H
#define TETHER_CHECKERS_ANALYZER_WORKERSUMMARY_H

#include "model/ChannelModel.h"

#include "model/ApiModel.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace clang {
class ASTContext;
class Decl;
class Expr;
class FunctionDecl;
class LambdaExpr;
class Stmt;
class ValueDecl;
} // namespace clang

namespace tether::analyzer {

/// What the work does with one channel it can reach.
struct ChannelUse {
  /// The declaration through which the body reaches the channel: a
  /// captured variable (as the body names it) or a parameter.
  const clang::ValueDecl *Root = nullptr;
  const model::ChannelLibrary *Library = nullptr;

  /// A send that blocks until received happens on every path through the
  /// body (exceptions aside): the work cannot finish without a receiver.
  bool MustSend = false;
  /// How many such sends every path makes at least (straight-line sends
  /// add up; a loop with a constant trip count multiplies its body's).
  unsigned MinSends = 0;
  /// A receive that blocks until a value arrives happens on every path.
  bool MustReceive = false;
  /// How many such receives every path makes at least (counted as the
  /// sends are).
  unsigned MinReceives = 0;
  /// It receives in a loop that only a close ends (range-for, or a
  /// blocking receive in a loop without another exit).
  bool ReceivesUntilClosed = false;
  /// Any receive, send or close at all, blocking or not; or the channel is
  /// passed to a function Tether does not know.
  bool MayReceive = false, MaySend = false, Closes = false;

  /// The first blocking send/receive, for the report's location.
  const clang::Expr *SendSite = nullptr, *ReceiveSite = nullptr;
  llvm::StringRef SendName, ReceiveName;
};

/// The body spawned work runs and how it reaches the spawner's variables.
struct WorkerBody {
  const clang::Decl *Fn = nullptr; // the function or the lambda's operator()
  const clang::Stmt *Body = nullptr;
  /// Captured variables (as the body names them) or parameters.
  llvm::SmallVector<const clang::ValueDecl *, 4> Roots;
  /// For each root: the spawner's variable, when the root is a plain
  /// capture; else the spawner's expression (an init-capture's initialiser,
  /// the argument forwarded to a parameter).
  llvm::DenseMap<const clang::ValueDecl *, const clang::ValueDecl *> SpawnerVar;
  llvm::DenseMap<const clang::ValueDecl *, const clang::Expr *> SpawnerExpr;
  /// The root is a reference (by-reference capture, reference parameter).
  llvm::DenseMap<const clang::ValueDecl *, bool> ByRef;

  /// The spawner's variable behind \p Root (through channelDecl for
  /// expressions).
  const clang::ValueDecl *spawnerDecl(const clang::ValueDecl *Root) const;
};

/// The body of the work \p Site starts: \p Lambda if given, the closure a
/// variable holds, or a function defined in this translation unit. Null
/// Body when the work cannot be seen (a function declared only).
WorkerBody workerOf(const model::SpawnSite &Site,
                    const clang::LambdaExpr *Lambda);

/// Summarises \p Body (the body of \p Fn, a function or a lambda's call
/// operator) for the channels reachable through \p Roots.
std::vector<ChannelUse> summarizeWorker(const clang::Decl *Fn,
                                        const clang::Stmt *Body,
                                        llvm::ArrayRef<const clang::ValueDecl *> Roots,
                                        const model::ChannelModel &Model);

/// The number of iterations of `for (int i = A; i COND B; STEP)` with
/// constants A and B, COND one of < <= != > >= and STEP ++, --, += k or
/// -= k, if \p Loop is such a loop.
std::optional<uint64_t> constantTripCount(const clang::Stmt *Loop,
                                          clang::ASTContext &Ctx);

/// std::ref, std::cref, std::move, std::addressof, std::forward: calls that
/// only pass their argument on.
bool isPassThrough(const clang::FunctionDecl *FD);

/// The first lambda written in a spawn's callable expression, if any.
const clang::LambdaExpr *closureOf(const clang::Expr *Callable);

/// The variable or parameter an expression that denotes a channel names,
/// looking through `std::ref(x)`, `&x`, `*p`, `p->`, `sp.get()`, smart
/// pointer operators, `arr[i]` (libdill handles), casts and std::move.
const clang::ValueDecl *channelDecl(const clang::Expr *E);

} // namespace tether::analyzer

#endif // TETHER_CHECKERS_ANALYZER_WORKERSUMMARY_H
