//===- CorpusTest.cpp - Every annotated corpus file, one test each -------===//
//
// test/corpus/<check-name>/*.cpp run with only <check-name> enabled.
//
//===----------------------------------------------------------------------===//

#include "support/Corpus.h"

#include "llvm/Support/Path.h"
#include <gtest/gtest.h>

namespace tether::test {
namespace {

struct CorpusCase {
  std::string Check;
  std::string Path;
};

std::vector<CorpusCase> allCases() {
  std::vector<CorpusCase> Cases;
  for (const std::string &Path : corpusFiles(TETHER_CORPUS_DIR)) {
    llvm::StringRef Dir = llvm::sys::path::parent_path(Path);
    Cases.push_back({llvm::sys::path::filename(Dir).str(), Path});
  }
  return Cases;
}

void PrintTo(const CorpusCase &C, std::ostream *OS) { *OS << C.Path; }

class Corpus : public ::testing::TestWithParam<CorpusCase> {};

TEST_P(Corpus, MatchesAnnotations) {
  const CorpusCase &C = GetParam();
  CorpusOutcome Out = runCorpusFile(C.Path, C.Check);
  std::string Report;
  for (const std::string &P : Out.Problems)
    Report += "  " + P + "\n";
  EXPECT_TRUE(Out.Problems.empty()) << C.Path << ":\n" << Report;
}

std::string caseName(const ::testing::TestParamInfo<CorpusCase> &Info) {
  std::string Name = Info.param.Check + "_" +
                     llvm::sys::path::stem(Info.param.Path).str();
  for (char &Ch : Name)
    if (!isalnum(static_cast<unsigned char>(Ch)))
      Ch = '_';
  return Name;
}

INSTANTIATE_TEST_SUITE_P(Annotated, Corpus, ::testing::ValuesIn(allCases()),
                         caseName);

} // namespace
} // namespace tether::test
