//===- Corpus.h - Annotated-corpus runner --------------------------------===//
//
// A corpus file is C++ with its expected diagnostics written next to the
// code, in a -verify-like grammar:
//
//   code();  // tidy-warning{{substring of the message}}
//   // tidy-warning@+1{{...}}        the next line (@-N: N lines up)
//   // tidy-note@-2{{...}}           a note; once a file annotates any note,
//                                    every note in that file must be annotated
//   // analyzer-warning{{...}}       path-sensitive checks (same grammar);
//                                    the prefix follows the check's engine
//
// Directives, one per line anywhere in the file:
//   // RUN-ARGS: -std=c++20          extra compiler arguments
//   // CHECK-OPTION: Name=Value      a check option (Value may contain ';')
//   // REAL-HEADERS                  compile against the system headers
//                                    instead of the hermetic mocks
//
// The file is analysed in-process through the same engine as the driver,
// with only the corpus folder's check enabled. Anything seen and not
// expected, or expected and not seen, is a failure. Fix-its are applied and
// compared with `<name>.fixed.cpp` when it exists; a file whose warnings
// offer fix-its must have one. TETHER_UPDATE_FIXED=1 in the environment
// (re)writes the golden files from what the check produces, for review.
//
//===----------------------------------------------------------------------===//

#ifndef TETHER_TEST_SUPPORT_CORPUS_H
#define TETHER_TEST_SUPPORT_CORPUS_H

#include <string>
#include <vector>

namespace tether::test {

struct CorpusOutcome {
  /// Human-readable mismatches; empty means the file passed.
  std::vector<std::string> Problems;
  unsigned Expected = 0, Seen = 0;
};

/// Runs \p Check over the corpus file \p Path and compares.
CorpusOutcome runCorpusFile(const std::string &Path, const std::string &Check);

/// Every `*.cpp` and `*.c` (not `*.fixed.*`) below \p Dir, sorted.
std::vector<std::string> corpusFiles(const std::string &Dir);

} // namespace tether::test

#endif // TETHER_TEST_SUPPORT_CORPUS_H
