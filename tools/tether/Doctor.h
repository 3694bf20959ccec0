//===- Doctor.h - tether doctor: what will go wrong, and what to do ------===//
//
// Checks the environment a user runs Tether in, the way support would:
// Tether's own LLVM, the clang-tidy that would load the plugin, the
// compilation database, the project's .clangd and the clangd an editor
// would start. Each check says what it found and, when it is not right,
// what to do.
//
//===----------------------------------------------------------------------===//

#ifndef TETHER_TOOLS_DOCTOR_H
#define TETHER_TOOLS_DOCTOR_H

#include "llvm/Support/raw_ostream.h"

#include <string>

namespace tether {

struct DoctorOptions {
  /// The folder holding compile_commands.json (-p); empty: look for it.
  std::string BuildDir;
  /// The project to check (.clangd, database search); the current folder.
  std::string ProjectDir;
  /// This executable, to find the plugins and tether-clangd next to it.
  std::string Self;
};

/// Where the plugins live: next to the executable in an installed prefix
/// (PREFIX/lib/tether) or in a build folder (BUILD/lib). Empty if missing.
std::string tidyPluginPath(const std::string &Self);
std::string analyzerPluginPath(const std::string &Self);

/// Runs every check; 0 if nothing is wrong (warnings allowed), 1 otherwise.
int runDoctor(const DoctorOptions &Options, llvm::raw_ostream &OS);

} // namespace tether

#endif // TETHER_TOOLS_DOCTOR_H
