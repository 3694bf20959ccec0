//===- ChannelChecks.h - The channel and token pool checks ---------------===//

#ifndef TETHER_CHECKERS_TIDY_CHANNELCHECKS_H
#define TETHER_CHECKERS_TIDY_CHANNELCHECKS_H

#include "tidy/PathSensitiveCheck.h"

namespace tether::tidy {

/// Spawned work blocked forever on a send the spawner stops receiving: the
/// analyzer checker `tether.UnreceivedSend`.
/// See docs/checks/tether-unreceived-send.md.
class UnreceivedSendCheck : public PathSensitiveCheck {
public:
  UnreceivedSendCheck(llvm::StringRef Name, clang::tidy::ClangTidyContext *Ctx)
      : PathSensitiveCheck(Name, Ctx, "tether.UnreceivedSend") {}
};

/// Spawned work blocked forever on a receive the spawner never sends to or
/// closes: the analyzer checker `tether.UnsentReceive`.
/// See docs/checks/tether-unsent-receive.md.
class UnsentReceiveCheck : public PathSensitiveCheck {
public:
  UnsentReceiveCheck(llvm::StringRef Name, clang::tidy::ClangTidyContext *Ctx)
      : PathSensitiveCheck(Name, Ctx, "tether.UnsentReceive") {}
};

/// A token taken before each spawn and given back by the worker only after
/// a send the spawner receives after the loop: `tether.SemaphoreSpawnDeadlock`.
/// See docs/checks/tether-semaphore-spawn-deadlock.md.
class SemaphoreSpawnDeadlockCheck : public PathSensitiveCheck {
public:
  SemaphoreSpawnDeadlockCheck(llvm::StringRef Name,
                              clang::tidy::ClangTidyContext *Ctx)
      : PathSensitiveCheck(Name, Ctx, "tether.SemaphoreSpawnDeadlock") {}
};

/// A token not given back on some path: `tether.TokenLeak`.
/// See docs/checks/tether-token-leak.md.
class TokenLeakCheck : public PathSensitiveCheck {
public:
  TokenLeakCheck(llvm::StringRef Name, clang::tidy::ClangTidyContext *Ctx)
      : PathSensitiveCheck(Name, Ctx, "tether.TokenLeak") {}
};

} // namespace tether::tidy

#endif // TETHER_CHECKERS_TIDY_CHANNELCHECKS_H
