//===- TetherCheck.cpp - Base class of Tether's clang-tidy checks --------===//

#include "tidy/TetherCheck.h"

using namespace clang::tidy;

namespace tether::tidy {

TetherCheck::TetherCheck(llvm::StringRef Name, ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context), Model(readModelOptions()) {}

model::ModelOptions TetherCheck::readModelOptions() {
  model::ModelOptions Opts;
  auto Read = [&](llvm::StringRef Key) {
    return model::ModelOptions::parseList(Options.getLocalOrGlobal(Key, ""));
  };
  Opts.SpawnFunctions = Read(model::option::SpawnFunctions);
  Opts.JoinFunctions = Read(model::option::JoinFunctions);
  Opts.DetachFunctions = Read(model::option::DetachFunctions);
  Opts.JoiningTypes = Read(model::option::JoiningTypes);
  return Opts;
}

void TetherCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  const model::ModelOptions &M = Model.options();
  using model::ModelOptions;
  Options.store(Opts, model::option::SpawnFunctions,
                ModelOptions::formatList(M.SpawnFunctions));
  Options.store(Opts, model::option::JoinFunctions,
                ModelOptions::formatList(M.JoinFunctions));
  Options.store(Opts, model::option::DetachFunctions,
                ModelOptions::formatList(M.DetachFunctions));
  Options.store(Opts, model::option::JoiningTypes,
                ModelOptions::formatList(M.JoiningTypes));
}

} // namespace tether::tidy
