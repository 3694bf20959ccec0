//===- CheckCatalog.cpp - What each Tether check is, for users -----------===//

#include "CheckCatalog.h"

#include "llvm/ADT/STLExtras.h"

namespace tether {

static constexpr CheckInfo Catalog[] = {
    {"tether-loop-variable-capture",
     "A loop variable is captured by reference (or passed by address or "
     "std::ref) into a thread, fiber or task that can outlive the iteration.",
     ""},
    {"tether-handle-leak",
     "A file stream, pipe stream, descriptor or directory stream is not "
     "closed on some path (each iteration of a loop, or in a spawned "
     "thread that never closes it).",
     "tether.HandleLeak"},
    {"tether-handle-misuse",
     "A handle is closed twice, used after it was closed, or closed with the "
     "wrong function.",
     "tether.HandleMisuse"},
    {"tether-async-timeout-blocks",
     "A caller gives up on a std::async future after wait_for/wait_until "
     "times out, but the future's destructor then blocks until the task "
     "finishes, so the timeout has no effect.",
     ""},
    {"tether-unreceived-send",
     "A spawned thread, fiber or task blocks forever sending on a channel "
     "because, on some path, the spawner stops receiving (first result "
     "wins, a timeout, an early return) while more senders are pending "
     "than the channel holds.",
     "tether.UnreceivedSend"},
    {"tether-unsent-receive",
     "A spawned thread, fiber or task blocks forever receiving from a "
     "channel that, on some path, the spawner neither sends to nor closes "
     "before dropping it.",
     "tether.UnsentReceive"},
    {"tether-semaphore-spawn-deadlock",
     "A token is taken before each spawn in a loop and each worker gives it "
     "back only after a blocking send that the spawner receives only after "
     "the loop: with more iterations than tokens, everything waits.",
     "tether.SemaphoreSpawnDeadlock"},
    {"tether-token-leak",
     "A semaphore token (or other pool token) is taken and, on some path, "
     "never given back, shrinking the pool until every acquire blocks.",
     "tether.TokenLeak"},
};

llvm::ArrayRef<CheckInfo> checkCatalog() { return Catalog; }

const CheckInfo *findCheck(llvm::StringRef Name) {
  const auto *It = llvm::find_if(
      Catalog, [&](const CheckInfo &C) { return C.Name == Name; });
  return It == std::end(Catalog) ? nullptr : It;
}

} // namespace tether
