//===- DoctorTest.cpp - tether doctor and the plugin paths ---------------===//

#include "integration/Common.h"
#include "support/Process.h"

#include "llvm/Support/FileSystem.h"
#include <gtest/gtest.h>

namespace tether::test {
namespace {

RunResult doctor(const std::string &Dir, const std::string &PathPrefix = "") {
  std::string Cmd = binary("tether") + " doctor";
  if (!PathPrefix.empty())
    Cmd = "PATH='" + PathPrefix + "':\"$PATH\" " + Cmd;
  return run({"/bin/sh", "-c", Cmd}, Dir);
}

TEST(Doctor, PassesOnAProjectSetUpForEveryFrontEnd) {
  Project P;
  P.add("a.cpp", CleanSource);
  P.writeDatabase();
  P.Dir.write(".clangd", "Diagnostics:\n  ClangTidy:\n    Add: [tether-*]\n"
                         "    FastCheckFilter: Loose\n");
  // An editor's `clangd` that is tether-clangd.
  TempDir Bin;
  if (!llvm::sys::fs::exists(binary("tether-clangd")))
    GTEST_SKIP() << "tether-clangd is not built";
  ASSERT_FALSE(llvm::sys::fs::create_link(binary("tether-clangd"), Bin.path() + "/clangd"));
  RunResult R = doctor(P.Dir.path(), Bin.path());
  EXPECT_EQ(R.ExitCode, 0) << R.Out << R.Err;
  EXPECT_NE(R.Out.find("ok    tether 0.1.0, built for LLVM 19."), std::string::npos) << R.Out;
  EXPECT_NE(R.Out.find("loads the plugin and lists Tether's checks"), std::string::npos)
      << R.Out;
  EXPECT_NE(R.Out.find("compile_commands.json: 1 entries, every source file exists"),
            std::string::npos)
      << R.Out;
  EXPECT_NE(R.Out.find("clangd runs Tether's checks (FastCheckFilter: Loose)"),
            std::string::npos)
      << R.Out;
  EXPECT_NE(R.Out.find("`clangd` on the PATH is tether-clangd"), std::string::npos) << R.Out;
  EXPECT_EQ(R.Out.find("FAIL"), std::string::npos) << R.Out;
}

TEST(Doctor, SaysWhatIsWrongAndWhatToDo) {
  TempDir D;
  D.write(".clangd", "Diagnostics:\n  ClangTidy:\n    Add: [tether-*]\n");
  // A `clangd` on the PATH that is not tether-clangd.
  D.write("bin/clangd", "#!/bin/sh\necho clangd version 14\n");
  llvm::sys::fs::setPermissions(D.path() + "/bin/clangd", llvm::sys::fs::all_exe |
                                                              llvm::sys::fs::owner_all);
  RunResult R = doctor(D.path(), D.path() + "/bin");
  EXPECT_EQ(R.ExitCode, 1) << R.Out;
  EXPECT_NE(R.Out.find("FAIL  no compile_commands.json in " + D.path()), std::string::npos)
      << R.Out;
  EXPECT_NE(R.Out.find("-DCMAKE_EXPORT_COMPILE_COMMANDS=ON"), std::string::npos) << R.Out;
  EXPECT_NE(R.Out.find("FastCheckFilter is not set (Strict): clangd 19 silently skips"),
            std::string::npos)
      << R.Out;
  EXPECT_NE(R.Out.find("FastCheckFilter: Loose"), std::string::npos) << R.Out;
  EXPECT_NE(R.Out.find("is not tether-clangd"), std::string::npos) << R.Out;
  EXPECT_NE(R.Out.find("\"clangd.path\""), std::string::npos) << R.Out;

  D.write("build/compile_commands.json", "[{\"directory\": \"/\"}]");
  RunResult Broken = doctor(D.path());
  EXPECT_NE(Broken.Out.find("FAIL  the compilation database"), std::string::npos)
      << Broken.Out;
  EXPECT_NE(Broken.Out.find("entry 0 (line 1)"), std::string::npos) << Broken.Out;
}

TEST(Doctor, PluginPathsLoadIntoTheStockTools) {
  RunResult Tidy = run({binary("tether"), "--print-plugin-path"});
  ASSERT_EQ(Tidy.ExitCode, 0) << Tidy.Err;
  std::string Plugin = llvm::StringRef(Tidy.Out).trim().str();
  RunResult List = run({TETHER_CLANG_TIDY, "-load", Plugin, "--checks=-*,tether-*",
                        "--list-checks"});
  EXPECT_EQ(List.ExitCode, 0) << List.Err;
  EXPECT_NE(List.Out.find("tether-handle-leak"), std::string::npos) << List.Out;
  RunResult Analyzer = run({binary("tether"), "--print-analyzer-plugin-path"});
  ASSERT_EQ(Analyzer.ExitCode, 0);
  EXPECT_TRUE(llvm::sys::fs::exists(llvm::StringRef(Analyzer.Out).trim()));
}

} // namespace
} // namespace tether::test
