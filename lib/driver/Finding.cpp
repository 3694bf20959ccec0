//===- Finding.cpp - What a scan reports ---------------------------------===//

#include "driver/Finding.h"

#include "llvm/Support/FormatVariadic.h"

namespace tether::driver {

std::string Finding::key() const {
  std::string K = llvm::formatv("{0}\x1f{1}:{2}:{3}\x1f{4}", Check, Loc.File,
                                Loc.Line, Loc.Column, Message);
  for (const Note &N : Notes)
    K += llvm::formatv("\x1f{0}:{1}:{2}:{3}", N.Loc.File, N.Loc.Line,
                       N.Loc.Column, N.Message);
  return K;
}

llvm::json::Value toJSON(const Location &L) {
  return llvm::json::Object{{"file", L.File},
                            {"line", L.Line},
                            {"column", L.Column},
                            {"offset", L.Offset}};
}

static llvm::json::Value toJSON(const Note &N) {
  return llvm::json::Object{{"location", toJSON(N.Loc)},
                            {"message", N.Message},
                            {"pathEvent", N.IsPathEvent}};
}

static llvm::json::Value toJSON(const FixIt &F) {
  return llvm::json::Object{{"begin", toJSON(F.Begin)},
                            {"end", toJSON(F.End)},
                            {"replacement", F.Replacement}};
}

llvm::json::Value toJSON(const Finding &F) {
  llvm::json::Array Notes, Fixes;
  for (const Note &N : F.Notes)
    Notes.push_back(toJSON(N));
  for (const FixIt &X : F.Fixes)
    Fixes.push_back(toJSON(X));
  llvm::json::Object O{{"check", F.Check},
                       {"severity", F.Severity},
                       {"message", F.Message},
                       {"location", toJSON(F.Loc)},
                       {"notes", std::move(Notes)},
                       {"fixes", std::move(Fixes)}};
  if (!F.Fingerprint.empty())
    O["fingerprint"] = F.Fingerprint;
  return O;
}

llvm::json::Value toJSON(const TUResult &R) {
  llvm::json::Array Findings;
  for (const Finding &F : R.Findings)
    Findings.push_back(toJSON(F));
  llvm::json::Array Remarks, Dependencies;
  for (const std::string &Remark : R.Remarks)
    Remarks.push_back(Remark);
  for (const Dependency &D : R.Dependencies)
    Dependencies.push_back(toJSON(D));
  return llvm::json::Object{{"file", R.File},
                            {"directory", R.Directory},
                            {"failed", R.Failed},
                            {"reason", R.Reason},
                            {"remarks", std::move(Remarks)},
                            {"skipped", R.Skipped},
                            {"dependencies", std::move(Dependencies)},
                            {"seconds", R.Seconds},
                            {"peakMemoryKB", int64_t(R.PeakMemoryKB)},
                            {"findings", std::move(Findings)}};
}

llvm::json::Value toJSON(const Dependency &D) {
  return llvm::json::Array{D.Path, D.Digest};
}

bool fromJSON(const llvm::json::Value &V, Dependency &D, llvm::json::Path P) {
  const llvm::json::Array *A = V.getAsArray();
  if (!A || A->size() != 2 || !(*A)[0].getAsString() ||
      !(*A)[1].getAsString()) {
    P.report("expected [path, digest]");
    return false;
  }
  D.Path = (*A)[0].getAsString()->str();
  D.Digest = (*A)[1].getAsString()->str();
  return true;
}

bool fromJSON(const llvm::json::Value &V, Location &L, llvm::json::Path P) {
  llvm::json::ObjectMapper O(V, P);
  int64_t Line = 0, Column = 0, Offset = 0;
  if (!O || !O.map("file", L.File) || !O.map("line", Line) ||
      !O.map("column", Column) || !O.map("offset", Offset))
    return false;
  L.Line = Line;
  L.Column = Column;
  L.Offset = Offset;
  return true;
}

bool fromJSON(const llvm::json::Value &V, Note &N, llvm::json::Path P) {
  llvm::json::ObjectMapper O(V, P);
  return O && O.map("location", N.Loc) && O.map("message", N.Message) &&
         O.map("pathEvent", N.IsPathEvent);
}

bool fromJSON(const llvm::json::Value &V, FixIt &F, llvm::json::Path P) {
  llvm::json::ObjectMapper O(V, P);
  return O && O.map("begin", F.Begin) && O.map("end", F.End) &&
         O.map("replacement", F.Replacement);
}

bool fromJSON(const llvm::json::Value &V, Finding &F, llvm::json::Path P) {
  llvm::json::ObjectMapper O(V, P);
  return O && O.map("check", F.Check) && O.map("severity", F.Severity) &&
         O.map("message", F.Message) && O.map("location", F.Loc) &&
         O.map("notes", F.Notes) && O.map("fixes", F.Fixes) &&
         O.mapOptional("fingerprint", F.Fingerprint);
}

bool fromJSON(const llvm::json::Value &V, TUResult &R, llvm::json::Path P) {
  llvm::json::ObjectMapper O(V, P);
  int64_t Peak = 0;
  bool Ok = O && O.map("file", R.File) && O.map("directory", R.Directory) &&
            O.map("failed", R.Failed) && O.map("reason", R.Reason) &&
            O.mapOptional("remarks", R.Remarks) &&
            O.mapOptional("skipped", R.Skipped) &&
            O.mapOptional("dependencies", R.Dependencies) &&
            O.map("seconds", R.Seconds) &&
            O.mapOptional("peakMemoryKB", Peak) &&
            O.map("findings", R.Findings);
  R.PeakMemoryKB = Peak;
  return Ok;
}

} // namespace tether::driver
