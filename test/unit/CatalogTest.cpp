//===- CatalogTest.cpp - Checks, catalog, docs and corpus stay in step ---===//

#include "CheckCatalog.h"
#include "driver/Engine.h"
#include "support/Corpus.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include <gtest/gtest.h>

namespace tether::test {
namespace {

std::string slurp(const std::string &Path) {
  auto B = llvm::MemoryBuffer::getFile(Path);
  return B ? (*B)->getBuffer().str() : std::string();
}

TEST(Catalog, EveryRegisteredCheckIsCatalogued) {
  std::vector<std::string> Checks = driver::registeredChecks();
  ASSERT_FALSE(Checks.empty());
  for (const std::string &Name : Checks)
    EXPECT_NE(findCheck(Name), nullptr) << Name << " has no catalog entry";
  for (const CheckInfo &Info : checkCatalog())
    EXPECT_NE(std::find(Checks.begin(), Checks.end(), Info.Name.str()),
              Checks.end())
        << Info.Name.str() << " is catalogued but not registered";
}

TEST(Catalog, EveryCheckHasADocPageWithTheStandardSections) {
  for (const std::string &Name : driver::registeredChecks()) {
    std::string Page =
        std::string(TETHER_SOURCE_DIR) + "/docs/checks/" + Name + ".md";
    std::string Text = slurp(Page);
    ASSERT_FALSE(Text.empty()) << "missing doc page " << Page;
    for (const char *Section : {"## Examples", "## Options", "## Limitations",
                                "## See also"})
      EXPECT_NE(Text.find(Section), std::string::npos)
          << Page << " lacks the section '" << Section << "'";
  }
}

TEST(Catalog, EveryCheckHasAnnotatedCorpus) {
  for (const std::string &Name : driver::registeredChecks()) {
    std::string Dir = std::string(TETHER_CORPUS_DIR) + "/" + Name;
    std::vector<std::string> Files = corpusFiles(Dir);
    EXPECT_FALSE(Files.empty()) << Name << " has no corpus under " << Dir;
    unsigned Warnings = 0;
    for (const std::string &F : Files) {
      std::string Text = slurp(F);
      for (size_t Pos = 0;
           (Pos = Text.find("-warning", Pos)) != std::string::npos; ++Pos)
        ++Warnings;
    }
    EXPECT_GT(Warnings, 0u) << Name << "'s corpus expects no finding at all";
  }
}

} // namespace
} // namespace tether::test
