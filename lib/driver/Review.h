//===- Review.h - What a reviewer sees: changed lines, baselines, fingerprints
//
// A pull request should be told only about what it changes, and a codebase
// adopting Tether only about what is new. Both rest on two things here:
//
//  * the lines a unified diff adds or changes, per file (`--diff`);
//  * a fingerprint per finding that survives code moving around: it digests
//    the check, the file (relative to the source root), the message and the
//    text of the finding's line with its whitespace collapsed, plus how many
//    identical findings come before it in the file, never a line number.
//    Inserting lines above a finding, or re-indenting it, keeps it; editing
//    the line itself or renaming the file makes it new.
//
//===----------------------------------------------------------------------===//

#ifndef TETHER_DRIVER_REVIEW_H
#define TETHER_DRIVER_REVIEW_H

#include "driver/Finding.h"

#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Error.h"

#include <string>
#include <utility>
#include <vector>

namespace tether::driver {

/// Added or changed lines (new side of the diff), by absolute file path;
/// each range is [first, last].
class ChangedLines {
public:
  /// Reads a unified diff (`git diff`, `diff -u`); paths in it are taken
  /// relative to \p Root after removing the `a/`/`b/` prefixes git writes.
  static llvm::Expected<ChangedLines> parse(llvm::StringRef Diff,
                                            llvm::StringRef Root);

  bool contains(llvm::StringRef File, unsigned Line) const;
  /// The files with changed lines.
  std::vector<std::string> files() const;
  bool empty() const { return Ranges.empty(); }

private:
  llvm::StringMap<std::vector<std::pair<unsigned, unsigned>>> Ranges;
};

/// `git diff -U0 REF` in the work tree containing \p Dir, parsed; the error
/// says what git said.
llvm::Expected<ChangedLines> gitChangedLines(llvm::StringRef Ref,
                                             llvm::StringRef Dir);

/// Fills in Finding::Fingerprint; \p Findings must be sorted (sortFindings).
void assignFingerprints(std::vector<Finding> &Findings,
                        llvm::StringRef SourceRoot);

/// Findings accepted as they are: a multiset of fingerprints.
class Baseline {
public:
  static llvm::Expected<Baseline> read(llvm::StringRef Path);
  /// Writes \p Findings (fingerprinted) to \p Path.
  static llvm::Error write(llvm::StringRef Path,
                           const std::vector<Finding> &Findings,
                           llvm::StringRef SourceRoot);
  /// Removes the findings the baseline lists (each entry covers one
  /// finding); returns how many it removed.
  size_t filter(std::vector<Finding> &Findings) const;

private:
  llvm::StringMap<unsigned> Counts;
};

} // namespace tether::driver

#endif // TETHER_DRIVER_REVIEW_H
