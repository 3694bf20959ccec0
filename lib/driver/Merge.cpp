//===- Merge.cpp - Read reports back and combine the shards of a scan ----===//
//
// `tether merge` takes what `tether scan --shard K/N` wrote, as Tether's
// JSON or as SARIF, and makes one report of it. A finding in a header is
// reported by every shard whose units include the header: it is kept once.
//
//===----------------------------------------------------------------------===//

#include "driver/Output.h"

#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

namespace tether::driver {
namespace {

using llvm::json::Array;
using llvm::json::Object;

llvm::Error failure(const llvm::Twine &Message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), Message);
}

/// The offset of \p Line:\p Column in \p File, read from disk (SARIF keeps
/// lines and columns only; fixes need offsets).
unsigned offsetOf(llvm::StringRef File, unsigned Line, unsigned Column) {
  auto Buffer = llvm::MemoryBuffer::getFile(File);
  if (!Buffer || Line == 0)
    return 0;
  llvm::StringRef Text = (*Buffer)->getBuffer();
  size_t Pos = 0;
  for (unsigned I = 1; I < Line; ++I) {
    Pos = Text.find('\n', Pos);
    if (Pos == llvm::StringRef::npos)
      return Text.size();
    ++Pos;
  }
  return std::min<size_t>(Pos + (Column ? Column - 1 : 0), Text.size());
}

llvm::Expected<ScanReport> fromTetherJSON(const Object &Root,
                                          llvm::StringRef Path) {
  ScanReport R;
  R.ToolVersion = Root.getString("version").value_or("").str();
  R.SourceRoot = Root.getString("sourceRoot").value_or("").str();
  R.Partial = Root.getBoolean("partial").value_or(false);
  R.UnitsAnalysed = Root.getInteger("unitsAnalysed").value_or(0);
  R.UnitsTotal = Root.getInteger("unitsTotal").value_or(R.UnitsAnalysed);
  R.Baselined = Root.getInteger("baselined").value_or(0);
  llvm::json::Path::Root JsonRoot;
  const Array *Findings = Root.getArray("findings");
  if (!Findings)
    return failure(llvm::formatv("'{0}' has no \"findings\"", Path));
  for (const llvm::json::Value &V : *Findings) {
    Finding F;
    if (!fromJSON(V, F, JsonRoot))
      return failure(llvm::formatv("'{0}': a finding is not readable: {1}",
                                   Path,
                                   llvm::toString(JsonRoot.getError())));
    R.Findings.push_back(std::move(F));
  }
  if (const Array *Failures = Root.getArray("failures"))
    for (const llvm::json::Value &V : *Failures)
      if (const Object *O = V.getAsObject()) {
        TUResult T;
        T.Failed = true;
        T.File = O->getString("file").value_or("").str();
        T.Directory = O->getString("directory").value_or("").str();
        T.Reason = O->getString("reason").value_or("").str();
        R.Failures.push_back(std::move(T));
      }
  if (const Array *Remarks = Root.getArray("remarks"))
    for (const llvm::json::Value &V : *Remarks)
      if (std::optional<llvm::StringRef> S = V.getAsString())
        R.Remarks.push_back(S->str());
  return R;
}

/// A SARIF location back to a file, line and column.
Location sarifLocation(const Object *L, llvm::StringRef SourceRoot) {
  Location Out;
  const Object *Phys = L ? L->getObject("physicalLocation") : nullptr;
  const Object *Artifact = Phys ? Phys->getObject("artifactLocation") : nullptr;
  if (!Artifact)
    return Out;
  std::string Uri = Artifact->getString("uri").value_or("").str();
  if (Artifact->getString("uriBaseId")) {
    llvm::SmallString<256> P(SourceRoot);
    llvm::sys::path::append(P, uriDecode(Uri));
    Out.File = std::string(P);
  } else {
    llvm::StringRef U(Uri);
    U.consume_front("file://");
    Out.File = uriDecode(U);
  }
  if (const Object *Region = Phys->getObject("region")) {
    Out.Line = Region->getInteger("startLine").value_or(0);
    Out.Column = Region->getInteger("startColumn").value_or(0);
    Out.Offset = offsetOf(Out.File, Out.Line, Out.Column);
  }
  return Out;
}

llvm::Expected<ScanReport> fromSARIF(const Object &Log, llvm::StringRef Path) {
  const Array *Runs = Log.getArray("runs");
  const Object *Run =
      Runs && !Runs->empty() ? (*Runs)[0].getAsObject() : nullptr;
  if (!Run)
    return failure(llvm::formatv("'{0}' has no SARIF run", Path));
  ScanReport R;
  if (const Object *Tool = Run->getObject("tool"))
    if (const Object *Driver = Tool->getObject("driver")) {
      if (Driver->getString("name") != "Tether")
        return failure(llvm::formatv("'{0}' was not written by Tether", Path));
      R.ToolVersion = Driver->getString("version").value_or("").str();
    }
  if (const Object *Bases = Run->getObject("originalUriBaseIds"))
    if (const Object *Src = Bases->getObject("%SRCROOT%")) {
      llvm::StringRef Uri = Src->getString("uri").value_or("");
      Uri.consume_front("file://");
      R.SourceRoot = uriDecode(Uri);
      if (R.SourceRoot.size() > 1 && R.SourceRoot.back() == '/')
        R.SourceRoot.pop_back();
    }
  if (const Object *Props = Run->getObject("properties")) {
    R.Partial = Props->getBoolean("partial").value_or(false);
    R.UnitsAnalysed = Props->getInteger("unitsAnalysed").value_or(0);
    R.UnitsTotal = Props->getInteger("unitsTotal").value_or(R.UnitsAnalysed);
    R.Baselined = Props->getInteger("baselined").value_or(0);
  }
  if (const Array *Results = Run->getArray("results"))
    for (const llvm::json::Value &V : *Results) {
      const Object *Res = V.getAsObject();
      if (!Res)
        continue;
      Finding F;
      F.Check = Res->getString("ruleId").value_or("").str();
      F.Severity = Res->getString("level") == "error" ? "error" : "warning";
      if (const Object *M = Res->getObject("message"))
        F.Message = M->getString("text").value_or("").str();
      if (const Array *Locs = Res->getArray("locations"); Locs && !Locs->empty())
        F.Loc = sarifLocation((*Locs)[0].getAsObject(), R.SourceRoot);
      auto AddNote = [&](const Object *L, bool PathEvent) {
        Note N;
        N.Loc = sarifLocation(L, R.SourceRoot);
        if (const Object *M = L ? L->getObject("message") : nullptr)
          N.Message = M->getString("text").value_or("").str();
        N.IsPathEvent = PathEvent;
        F.Notes.push_back(std::move(N));
      };
      if (const Array *Related = Res->getArray("relatedLocations"))
        for (const llvm::json::Value &L : *Related)
          AddNote(L.getAsObject(), false);
      if (const Array *Flows = Res->getArray("codeFlows"))
        for (const llvm::json::Value &Flow : *Flows)
          if (const Array *Threads = Flow.getAsObject()
                                         ? Flow.getAsObject()->getArray("threadFlows")
                                         : nullptr)
            for (const llvm::json::Value &T : *Threads)
              if (const Array *Steps = T.getAsObject()
                                           ? T.getAsObject()->getArray("locations")
                                           : nullptr)
                for (const llvm::json::Value &Step : *Steps)
                  if (const Object *S = Step.getAsObject())
                    AddNote(S->getObject("location"), true);
      if (const Array *Fixes = Res->getArray("fixes"))
        for (const llvm::json::Value &Fix : *Fixes) {
          const Array *Changes =
              Fix.getAsObject() ? Fix.getAsObject()->getArray("artifactChanges")
                                : nullptr;
          for (const llvm::json::Value &C : Changes ? *Changes : Array()) {
            const Object *Change = C.getAsObject();
            if (!Change)
              continue;
            Object Wrapper{{"physicalLocation",
                            Object{{"artifactLocation",
                                    Change->get("artifactLocation")
                                        ? *Change->get("artifactLocation")
                                        : Object()}}}};
            std::string File = sarifLocation(&Wrapper, R.SourceRoot).File;
            const Array *Replacements = Change->getArray("replacements");
            for (const llvm::json::Value &Rep : Replacements ? *Replacements
                                                             : Array()) {
              const Object *X = Rep.getAsObject();
              const Object *Region = X ? X->getObject("deletedRegion") : nullptr;
              if (!Region)
                continue;
              FixIt Out;
              Out.Begin.File = Out.End.File = File;
              Out.Begin.Line = Region->getInteger("startLine").value_or(0);
              Out.Begin.Column = Region->getInteger("startColumn").value_or(0);
              Out.End.Line = Region->getInteger("endLine").value_or(Out.Begin.Line);
              Out.End.Column =
                  Region->getInteger("endColumn").value_or(Out.Begin.Column);
              Out.Begin.Offset = offsetOf(File, Out.Begin.Line, Out.Begin.Column);
              Out.End.Offset = offsetOf(File, Out.End.Line, Out.End.Column);
              if (const Object *Ins = X->getObject("insertedContent"))
                Out.Replacement = Ins->getString("text").value_or("").str();
              F.Fixes.push_back(std::move(Out));
            }
          }
        }
      if (const Object *Prints = Res->getObject("partialFingerprints"))
        F.Fingerprint = Prints->getString("tether/v1").value_or("").str();
      R.Findings.push_back(std::move(F));
    }
  if (const Array *Invocations = Run->getArray("invocations"))
    for (const llvm::json::Value &I : *Invocations) {
      const Array *Notes = I.getAsObject() ? I.getAsObject()->getArray(
                                                 "toolExecutionNotifications")
                                           : nullptr;
      for (const llvm::json::Value &N : Notes ? *Notes : Array()) {
        const Object *O = N.getAsObject();
        if (!O)
          continue;
        if (const Object *Props = O->getObject("properties")) {
          TUResult T;
          T.Failed = true;
          T.File = Props->getString("file").value_or("").str();
          T.Directory = Props->getString("directory").value_or("").str();
          T.Reason = Props->getString("reason").value_or("").str();
          R.Failures.push_back(std::move(T));
        } else if (O->getString("level") == "note") {
          if (const Object *M = O->getObject("message"))
            R.Remarks.push_back(M->getString("text").value_or("").str());
        }
      }
    }
  return R;
}

} // namespace

llvm::Expected<ScanReport> readReport(llvm::StringRef Path) {
  auto Buffer = llvm::MemoryBuffer::getFileOrSTDIN(Path);
  if (!Buffer)
    return failure(llvm::formatv("cannot read '{0}': {1}", Path,
                                 Buffer.getError().message()));
  llvm::Expected<llvm::json::Value> V = llvm::json::parse((*Buffer)->getBuffer());
  if (!V)
    return failure(llvm::formatv("'{0}' is not valid JSON: {1}", Path,
                                 llvm::toString(V.takeError())));
  const Object *Root = V->getAsObject();
  if (Root && Root->getString("tool") == "tether")
    return fromTetherJSON(*Root, Path);
  if (Root && Root->getArray("runs"))
    return fromSARIF(*Root, Path);
  return failure(llvm::formatv("'{0}' is neither a Tether JSON report nor "
                               "SARIF",
                               Path));
}

ScanReport mergeReports(std::vector<ScanReport> Reports) {
  ScanReport Out;
  llvm::StringSet<> Keys, FailedUnits, Remarks;
  for (ScanReport &R : Reports) {
    if (Out.ToolVersion.empty())
      Out.ToolVersion = R.ToolVersion;
    if (Out.SourceRoot.empty())
      Out.SourceRoot = R.SourceRoot;
    Out.Partial |= R.Partial;
    Out.UnitsAnalysed += R.UnitsAnalysed;
    Out.UnitsTotal += R.UnitsTotal;
    Out.Baselined += R.Baselined;
    for (Finding &F : R.Findings)
      if (Keys.insert(F.key()).second)
        Out.Findings.push_back(std::move(F));
    for (TUResult &T : R.Failures)
      if (FailedUnits.insert(T.File + "\x1f" + T.Reason).second)
        Out.Failures.push_back(std::move(T));
    for (std::string &Remark : R.Remarks)
      if (Remarks.insert(Remark).second)
        Out.Remarks.push_back(std::move(Remark));
    Out.Stats.CacheHits += R.Stats.CacheHits;
    Out.Stats.Skipped += R.Stats.Skipped;
    Out.Stats.Seconds = std::max(Out.Stats.Seconds, R.Stats.Seconds);
    Out.Stats.MaxWorkerMemoryKB =
        std::max(Out.Stats.MaxWorkerMemoryKB, R.Stats.MaxWorkerMemoryKB);
  }
  sortFindings(Out.Findings);
  llvm::sort(Out.Failures, [](const TUResult &A, const TUResult &B) {
    return A.File < B.File;
  });
  return Out;
}

} // namespace tether::driver
