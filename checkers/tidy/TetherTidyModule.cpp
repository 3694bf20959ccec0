//===- TetherTidyModule.cpp - Tether's clang-tidy module -----------------===//
//
// Registers every Tether check with clang-tidy's module registry. The same
// object code is linked into the clang-tidy plugin, tether-clangd, the
// driver and the tests; binaries that link it statically reference
// TetherModuleAnchorSource so the linker keeps the registration.
//
//===----------------------------------------------------------------------===//

#include "tidy/AsyncTimeoutBlocksCheck.h"
#include "tidy/ChannelChecks.h"
#include "tidy/HandleLeakCheck.h"
#include "tidy/HandleMisuseCheck.h"
#include "tidy/LoopVariableCaptureCheck.h"

#include "clang-tidy/ClangTidyModule.h"
#include "clang-tidy/ClangTidyModuleRegistry.h"

namespace tether::tidy {

class TetherModule : public clang::tidy::ClangTidyModule {
public:
  void addCheckFactories(clang::tidy::ClangTidyCheckFactories &F) override {
    F.registerCheck<LoopVariableCaptureCheck>("tether-loop-variable-capture");
    F.registerCheck<HandleLeakCheck>("tether-handle-leak");
    F.registerCheck<HandleMisuseCheck>("tether-handle-misuse");
    F.registerCheck<AsyncTimeoutBlocksCheck>("tether-async-timeout-blocks");
    F.registerCheck<UnreceivedSendCheck>("tether-unreceived-send");
    F.registerCheck<UnsentReceiveCheck>("tether-unsent-receive");
    F.registerCheck<SemaphoreSpawnDeadlockCheck>(
        "tether-semaphore-spawn-deadlock");
    F.registerCheck<TokenLeakCheck>("tether-token-leak");
  }
};

} // namespace tether::tidy

static clang::tidy::ClangTidyModuleRegistry::Add<tether::tidy::TetherModule>
    X("tether-module", "Tether: concurrency and resource leak checks.");

namespace tether {
// NOLINTNEXTLINE(misc-use-internal-linkage): the force-link anchor.
volatile int TetherModuleAnchorSource = 0;
} // namespace tether
