//===- TetherCheck.h - Base class of Tether's clang-tidy checks ----------===//
//
// Every Tether check consults the shared API model (lib/model). This base
// reads the model's options once, in the constructor, with clang-tidy's
// local-then-global lookup: `tether-<check>.SpawnFunctions` first, then the
// global `SpawnFunctions`, so one `.clang-tidy` entry configures every check.
//
//===----------------------------------------------------------------------===//

#ifndef TETHER_CHECKERS_TIDY_TETHERCHECK_H
#define TETHER_CHECKERS_TIDY_TETHERCHECK_H

#include "model/ApiModel.h"

#include "clang-tidy/ClangTidyCheck.h"

namespace tether::tidy {

/// Base of Tether's clang-tidy checks: owns the API model for one TU.
class TetherCheck : public clang::tidy::ClangTidyCheck {
public:
  TetherCheck(llvm::StringRef Name, clang::tidy::ClangTidyContext *Context);

  void storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) override;

protected:
  const model::ApiModel &model() const { return Model; }

private:
  model::ModelOptions readModelOptions();

  model::ApiModel Model;
};

} // namespace tether::tidy

#endif // TETHER_CHECKERS_TIDY_TETHERCHECK_H
