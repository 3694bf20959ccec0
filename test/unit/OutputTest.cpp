//===- OutputTest.cpp - Text, JSON and SARIF reports ---------------------===//

#include "driver/Output.h"

#include "llvm/Support/JSON.h"
#include <gtest/gtest.h>

using namespace tether::driver;

namespace {

ScanReport sampleReport() {
  ScanReport R;
  R.ToolVersion = "0.1.0";
  R.SourceRoot = "/src";
  R.DocsBaseUrl = "https://example.test/docs/checks";
  Finding F;
  F.Check = "tether-loop-variable-capture";
  F.Message = "loop variable 'i' is captured by reference";
  F.Loc = {"/src/a.cpp", 8, 31, 120};
  F.Notes.push_back({{"/src/a.cpp", 7, 12, 90}, "declared here", false});
  F.Notes.push_back({{"/src/a.cpp", 9, 3, 140}, "path step", true});
  FixIt X;
  X.Begin = {"/src/a.cpp", 8, 23, 112};
  X.End = X.Begin;
  X.Replacement = ", i";
  F.Fixes.push_back(X);
  R.Findings.push_back(F);
  TUResult Bad;
  Bad.File = "/src/broken.cpp";
  Bad.Failed = true;
  Bad.Reason = "the file does not compile";
  R.Failures.push_back(Bad);
  R.UnitsAnalysed = 2;
  return R;
}

TEST(Output, SarifHasRulesLocationsRelatedCodeFlowsAndFixes) {
  std::string S;
  llvm::raw_string_ostream OS(S);
  writeSARIF(OS, sampleReport());
  auto V = llvm::json::parse(S);
  if (!V)
    FAIL() << llvm::toString(V.takeError()) << "\n" << S;
  const auto *Root = V->getAsObject();
  EXPECT_EQ(*Root->getString("version"), "2.1.0");
  const auto *Run = (*Root->getArray("runs"))[0].getAsObject();
  const auto *Driver = Run->getObject("tool")->getObject("driver");
  const auto *Rule = (*Driver->getArray("rules"))[0].getAsObject();
  EXPECT_EQ(*Rule->getString("id"), "tether-loop-variable-capture");
  EXPECT_EQ(*Rule->getString("helpUri"),
            "https://example.test/docs/checks/tether-loop-variable-capture.md");
  const auto *Result = (*Run->getArray("results"))[0].getAsObject();
  EXPECT_EQ(*Result->getString("ruleId"), "tether-loop-variable-capture");
  const auto *Loc = (*Result->getArray("locations"))[0]
                        .getAsObject()
                        ->getObject("physicalLocation");
  EXPECT_EQ(*Loc->getObject("artifactLocation")->getString("uri"), "a.cpp");
  EXPECT_EQ(*Loc->getObject("artifactLocation")->getString("uriBaseId"),
            "%SRCROOT%");
  EXPECT_EQ(*Loc->getObject("region")->getInteger("startLine"), 8);
  EXPECT_EQ(Result->getArray("relatedLocations")->size(), 1u);
  EXPECT_EQ(Result->getArray("codeFlows")->size(), 1u);
  EXPECT_EQ(Result->getArray("fixes")->size(), 1u);
  const auto *Inv = (*Run->getArray("invocations"))[0].getAsObject();
  EXPECT_EQ(*Inv->getBoolean("executionSuccessful"), false);
  EXPECT_EQ(Inv->getArray("toolExecutionNotifications")->size(), 1u);
}

TEST(Output, TextIsClangStyle) {
  std::string S;
  llvm::raw_string_ostream OS(S);
  writeText(OS, sampleReport(), /*Colors=*/false);
  EXPECT_NE(S.find("a.cpp:8:31: warning: loop variable 'i' is captured by "
                   "reference [tether-loop-variable-capture]"),
            std::string::npos)
      << S;
  EXPECT_NE(S.find("a.cpp:7:12: note: declared here"), std::string::npos) << S;
}

TEST(Output, FindingsRoundTripThroughJSON) {
  Finding F = sampleReport().Findings[0];
  llvm::json::Value V = toJSON(F);
  Finding Back;
  llvm::json::Path::Root Root;
  ASSERT_TRUE(fromJSON(V, Back, Root));
  EXPECT_EQ(Back.key(), F.key());
  EXPECT_EQ(Back.Fixes.size(), 1u);
  EXPECT_TRUE(Back.Notes[1].IsPathEvent);
}

TEST(Output, SortingIsByFileLineColumn) {
  std::vector<Finding> Fs(3);
  Fs[0].Loc = {"b.cpp", 1, 1, 0};
  Fs[1].Loc = {"a.cpp", 9, 1, 0};
  Fs[2].Loc = {"a.cpp", 2, 5, 0};
  sortFindings(Fs);
  EXPECT_EQ(Fs[0].Loc.Line, 2u);
  EXPECT_EQ(Fs[1].Loc.Line, 9u);
  EXPECT_EQ(Fs[2].Loc.File, "b.cpp");
}

} // namespace

namespace {

TEST(Output, CodeClimateForGitLabCodeQuality) {
  ScanReport R = sampleReport();
  R.Findings[0].Fingerprint = "f00d";
  std::string S;
  llvm::raw_string_ostream OS(S);
  writeCodeClimate(OS, R);
  OS.flush();
  auto V = llvm::json::parse(S);
  ASSERT_TRUE(bool(V)) << S;
  const llvm::json::Array *Issues = V->getAsArray();
  ASSERT_EQ(Issues->size(), 1u);
  const llvm::json::Object *I = (*Issues)[0].getAsObject();
  EXPECT_EQ(*I->getString("check_name"), "tether-loop-variable-capture");
  EXPECT_EQ(*I->getString("fingerprint"), "f00d");
  EXPECT_EQ(*I->getString("severity"), "major");
  EXPECT_EQ(*I->getObject("location")->getString("path"), "a.cpp");
  EXPECT_EQ(*I->getObject("location")->getObject("lines")->getInteger("begin"), 8);
}

} // namespace
