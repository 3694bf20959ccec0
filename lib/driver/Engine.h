//===- Engine.h - Analyse one translation unit with every Tether check ---===//
//
// One parse per translation unit: the compile command is turned into a
// syntax-only invocation whose AST feeds every enabled Tether check (the
// path-sensitive ones are hosted inside the clang-tidy module, so they ride
// the same parse). Used by the driver's workers and by the test harness.
//
//===----------------------------------------------------------------------===//

#ifndef TETHER_DRIVER_ENGINE_H
#define TETHER_DRIVER_ENGINE_H

#include "driver/Finding.h"

#include "clang/Tooling/CompilationDatabase.h"
#include <map>
#include <string>
#include <vector>

namespace tether::driver {

struct EngineOptions {
  /// `--checks`: a clang-tidy glob applied after the defaults and the
  /// `.clang-tidy` files; empty keeps them.
  std::string Checks;
  /// Check options that override `.clang-tidy` (tests, driver config).
  std::map<std::string, std::string> CheckOptions;
  /// Read `.clang-tidy` files next to the sources, as clang-tidy does.
  bool ReadConfigFiles = true;
  /// clang's resource directory (builtin headers); empty: the built-in one.
  std::string ResourceDir;
  /// Report findings in headers matching this regex (system headers never).
  std::string HeaderFilter = ".*";
  /// Arguments appended to every compile command.
  std::vector<std::string> ExtraArgs;
  /// When not empty, a unit is analysed only if it reads one of these files
  /// (absolute paths); a preprocessor-only pass decides, and a unit that
  /// reads none comes back Skipped. Pull-request scans set it.
  std::vector<std::string> OnlyIfReads;
};

/// The checks enabled by default: every Tether check.
inline constexpr const char *DefaultChecks = "-*,tether-*";

/// Keeps the Tether-related entries of a clang-tidy `Checks:` list.
/// Configuration files are usually written for other clang-tidy checks and
/// often start with `-*`; the driver honours what they say about `tether-*`
/// checks and ignores the rest, so `tether scan` runs Tether by default.
std::string tetherEntries(llvm::StringRef Checks);

/// Runs every enabled check on \p Command's translation unit.
TUResult analyzeTranslationUnit(const clang::tooling::CompileCommand &Command,
                                const EngineOptions &Options);

/// Names of every registered Tether check, sorted.
std::vector<std::string> registeredChecks();

/// Is \p Check enabled by the clang-tidy glob \p Glob?
bool isCheckEnabled(llvm::StringRef Glob, llvm::StringRef Check);

/// The compile command turned into the arguments Tether parses with: output,
/// dependency-file and plugin flags dropped, `-fsyntax-only` and the
/// resource directory added. Never run through a shell.
std::vector<std::string> analysisArguments(
    const clang::tooling::CompileCommand &Command,
    const EngineOptions &Options);

/// The resource directory Tether was built against (TETHER_CLANG_RESOURCE_DIR).
std::string defaultResourceDir();

/// Removes from \p Args (a compile command, argv[0] first) the options
/// clang's driver does not know, as GCC-only flags in a GCC build's database;
/// returns them. Clang would stop at the first one.
std::vector<std::string> dropUnknownOptions(std::vector<std::string> &Args);

} // namespace tether::driver

#endif // TETHER_DRIVER_ENGINE_H
