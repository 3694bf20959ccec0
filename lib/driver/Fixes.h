//===- Fixes.h - Apply the fix-its of a scan, or export them -------------===//
//
// Tether's checks attach a fix-it only where it is safe (a by-value capture,
// say). `--fix` applies them to the files; `--export-fixes FILE` writes them
// in the YAML that clang-tidy writes and clang-apply-replacements reads, so
// a review tool or a later step can apply them.
//
//===----------------------------------------------------------------------===//

#ifndef TETHER_DRIVER_FIXES_H
#define TETHER_DRIVER_FIXES_H

#include "driver/Finding.h"

#include "llvm/Support/Error.h"

#include <string>
#include <vector>

namespace tether::driver {

struct FixSummary {
  unsigned Applied = 0;  // findings whose fixes were applied
  unsigned Files = 0;    // files rewritten
  /// Findings whose fixes overlap an earlier finding's, left alone.
  std::vector<std::string> Conflicts;
};

/// Applies every finding's fix-its; a finding's fixes are applied together
/// or not at all. The error names the file that could not be rewritten.
llvm::Expected<FixSummary> applyFixes(const std::vector<Finding> &Findings);

/// Writes the findings that have fix-its as clang-tidy's export format.
llvm::Error exportFixes(llvm::StringRef Path,
                        const std::vector<Finding> &Findings);

} // namespace tether::driver

#endif // TETHER_DRIVER_FIXES_H
