//===- CheckCatalog.cpp - What each Tether check is, for users -----------===//

#include "CheckCatalog.h"

#include "llvm/ADT/STLExtras.h"

namespace tether {

static constexpr CheckInfo Catalog[] = {
    {"tether-loop-variable-capture",
     "A loop variable is captured by reference (or passed by address or "
     "std::ref) into a thread, fiber or task that can outlive the iteration.",
     ""},
};

llvm::ArrayRef<CheckInfo> checkCatalog() { return Catalog; }

const CheckInfo *findCheck(llvm::StringRef Name) {
  const auto *It = llvm::find_if(
      Catalog, [&](const CheckInfo &C) { return C.Name == Name; });
  return It == std::end(Catalog) ? nullptr : It;
}

} // namespace tether
