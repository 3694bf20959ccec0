//===- Fixes.cpp - Apply the fix-its of a scan, or export them -----------===//

#include "driver/Fixes.h"

#include "clang/Tooling/Core/Diagnostic.h"
#include "clang/Tooling/Core/Replacement.h"
#include "clang/Tooling/DiagnosticsYaml.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/YAMLTraits.h"
#include "llvm/Support/raw_ostream.h"

#include <map>

namespace tether::driver {
namespace {

llvm::Error failure(const llvm::Twine &Message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), Message);
}

clang::tooling::Replacement replacement(const FixIt &X) {
  return clang::tooling::Replacement(X.Begin.File, X.Begin.Offset,
                                     X.End.Offset - X.Begin.Offset,
                                     X.Replacement);
}

/// Writes \p Text to \p Path through a temporary and a rename.
llvm::Error rewrite(llvm::StringRef Path, llvm::StringRef Text) {
  llvm::SmallString<256> Temp;
  int FD = -1;
  if (std::error_code EC = llvm::sys::fs::createUniqueFile(
          Path + ".tether-fix-%%%%%%", FD, Temp))
    return failure(llvm::formatv("cannot write next to '{0}': {1}", Path,
                                 EC.message()));
  {
    llvm::raw_fd_ostream OS(FD, /*shouldClose=*/true);
    OS << Text;
    OS.close();
    if (OS.has_error()) {
      OS.clear_error();
      llvm::sys::fs::remove(Temp);
      return failure(llvm::formatv("cannot write '{0}'", Path));
    }
  }
  // Keep the file's permissions.
  llvm::sys::fs::file_status Status;
  if (!llvm::sys::fs::status(Path, Status))
    llvm::sys::fs::setPermissions(Temp, Status.permissions());
  if (std::error_code EC = llvm::sys::fs::rename(Temp, Path)) {
    llvm::sys::fs::remove(Temp);
    return failure(llvm::formatv("cannot replace '{0}': {1}", Path,
                                 EC.message()));
  }
  return llvm::Error::success();
}

} // namespace

llvm::Expected<FixSummary> applyFixes(const std::vector<Finding> &Findings) {
  FixSummary Summary;
  std::map<std::string, clang::tooling::Replacements> ByFile;
  for (const Finding &F : Findings) {
    if (F.Fixes.empty())
      continue;
    // All of a finding's fixes, or none: tentatively add, then commit.
    std::map<std::string, clang::tooling::Replacements> Tentative = ByFile;
    bool Conflict = false;
    for (const FixIt &X : F.Fixes) {
      if (llvm::Error E = Tentative[X.Begin.File].add(replacement(X))) {
        llvm::consumeError(std::move(E));
        Conflict = true;
        break;
      }
    }
    if (Conflict) {
      Summary.Conflicts.push_back(
          llvm::formatv("{0}:{1}:{2}: [{3}]", F.Loc.File, F.Loc.Line,
                        F.Loc.Column, F.Check));
      continue;
    }
    ByFile = std::move(Tentative);
    ++Summary.Applied;
  }
  for (const auto &[File, Replacements] : ByFile) {
    auto Buffer = llvm::MemoryBuffer::getFile(File);
    if (!Buffer)
      return failure(llvm::formatv("cannot read '{0}' to fix it: {1}", File,
                                   Buffer.getError().message()));
    llvm::Expected<std::string> Fixed = clang::tooling::applyAllReplacements(
        (*Buffer)->getBuffer(), Replacements);
    if (!Fixed)
      return failure(llvm::formatv("cannot fix '{0}': {1}", File,
                                   llvm::toString(Fixed.takeError())));
    if (llvm::Error E = rewrite(File, *Fixed))
      return std::move(E);
    ++Summary.Files;
  }
  return Summary;
}

llvm::Error exportFixes(llvm::StringRef Path,
                        const std::vector<Finding> &Findings) {
  clang::tooling::TranslationUnitDiagnostics TUD;
  for (const Finding &F : Findings) {
    if (F.Fixes.empty())
      continue;
    if (TUD.MainSourceFile.empty())
      TUD.MainSourceFile = F.Loc.File;
    clang::tooling::DiagnosticMessage Message(F.Message);
    Message.FilePath = F.Loc.File;
    Message.FileOffset = F.Loc.Offset;
    for (const FixIt &X : F.Fixes) {
      llvm::Error E = Message.Fix[X.Begin.File].add(replacement(X));
      llvm::consumeError(std::move(E)); // a check's own fixes never overlap
    }
    llvm::SmallVector<clang::tooling::DiagnosticMessage, 1> Notes;
    for (const Note &N : F.Notes) {
      clang::tooling::DiagnosticMessage M(N.Message);
      M.FilePath = N.Loc.File;
      M.FileOffset = N.Loc.Offset;
      Notes.push_back(std::move(M));
    }
    TUD.Diagnostics.emplace_back(
        F.Check, Message, Notes,
        F.Severity == "error" ? clang::tooling::Diagnostic::Error
                              : clang::tooling::Diagnostic::Warning,
        llvm::sys::path::parent_path(F.Loc.File));
  }
  std::error_code EC;
  llvm::raw_fd_ostream OS(Path, EC, llvm::sys::fs::OF_Text);
  if (EC)
    return failure(llvm::formatv("cannot write '{0}': {1}", Path,
                                 EC.message()));
  llvm::yaml::Output YAML(OS);
  YAML << TUD;
  return llvm::Error::success();
}

} // namespace tether::driver
