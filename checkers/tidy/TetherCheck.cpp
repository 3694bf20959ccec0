//===- TetherCheck.cpp - Base class of Tether's clang-tidy checks --------===//

#include "tidy/TetherCheck.h"

using namespace clang::tidy;

namespace tether::tidy {

TetherCheck::TetherCheck(llvm::StringRef Name, ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context), Model(readModelOptions()) {}

model::ModelOptions TetherCheck::readModelOptions() {
  model::ModelOptions Opts;
  for (const auto &F : model::ModelOptions::fields())
    Opts.*F.Member = model::ModelOptions::parseList(
        Options.getLocalOrGlobal(F.Name, ""));
  return Opts;
}

void TetherCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  const model::ModelOptions &M = Model.options();
  for (const auto &F : model::ModelOptions::fields())
    Options.store(Opts, F.Name, model::ModelOptions::formatList(M.*F.Member));
}

} // namespace tether::tidy
