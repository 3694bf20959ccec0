//===- Output.cpp - Text, JSON and SARIF reports of a scan ---------------===//

#include "driver/Output.h"

#include "CheckCatalog.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/WithColor.h"

#include <map>

namespace tether::driver {
namespace {

class SourceCache {
public:
  llvm::StringRef line(llvm::StringRef File, unsigned Line) {
    auto &Buf = Buffers[File];
    if (!Buf) {
      auto B = llvm::MemoryBuffer::getFile(File);
      if (!B)
        return "";
      Buf = std::move(*B);
    }
    llvm::StringRef Text = Buf->getBuffer();
    for (unsigned I = 1; I < Line && !Text.empty(); ++I)
      Text = Text.split('\n').second;
    return Text.split('\n').first.rtrim("\r");
  }

private:
  llvm::StringMap<std::unique_ptr<llvm::MemoryBuffer>> Buffers;
};

void writeLocation(llvm::raw_ostream &OS, const ScanReport &R,
                   const Location &L) {
  OS << relativeTo(R.SourceRoot, L.File) << ':' << L.Line << ':' << L.Column
     << ": ";
}

void writeSnippet(llvm::raw_ostream &OS, SourceCache &Sources,
                  const Location &L, bool Colors) {
  llvm::StringRef Line = Sources.line(L.File, L.Line);
  if (Line.empty() || L.Column == 0)
    return;
  std::string Number = std::to_string(L.Line);
  OS << llvm::formatv("{0,5} | ", Number) << Line << '\n';
  std::string Pad;
  for (unsigned I = 1; I < L.Column && I - 1 < Line.size(); ++I)
    Pad += Line[I - 1] == '\t' ? '\t' : ' ';
  OS << "      | " << Pad;
  if (Colors)
    OS.changeColor(llvm::raw_ostream::GREEN, /*Bold=*/true);
  OS << '^';
  if (Colors)
    OS.resetColor();
  OS << '\n';
}

llvm::json::Object physicalLocation(const ScanReport &R, const Location &L) {
  std::string Rel = relativeTo(R.SourceRoot, L.File);
  llvm::json::Object Artifact;
  if (Rel != L.File) {
    Artifact["uri"] = uriEncode(Rel);
    Artifact["uriBaseId"] = "%SRCROOT%";
  } else {
    Artifact["uri"] = "file://" + uriEncode(L.File);
  }
  return llvm::json::Object{
      {"physicalLocation",
       llvm::json::Object{
           {"artifactLocation", std::move(Artifact)},
           {"region", llvm::json::Object{{"startLine", L.Line},
                                         {"startColumn", L.Column}}}}}};
}

llvm::json::Object message(std::string Text) {
  // By value: a json::Value made from a StringRef does not own its text.
  return llvm::json::Object{{"text", std::move(Text)}};
}

} // namespace

std::string uriEncode(llvm::StringRef Path) {
  std::string Out;
  for (unsigned char C : Path) {
    if (llvm::isAlnum(C) || C == '-' || C == '.' || C == '_' || C == '~' ||
        C == '/')
      Out += C;
    else
      Out += {'%', llvm::hexdigit(C >> 4), llvm::hexdigit(C & 15)};
  }
  return Out;
}

std::string uriDecode(llvm::StringRef Uri) {
  std::string Out;
  for (size_t I = 0; I < Uri.size(); ++I) {
    unsigned Byte;
    if (Uri[I] == '%' && I + 2 < Uri.size() &&
        !Uri.substr(I + 1, 2).getAsInteger(16, Byte)) {
      Out += char(Byte);
      I += 2;
    } else {
      Out += Uri[I];
    }
  }
  return Out;
}

std::string relativeTo(llvm::StringRef Root, llvm::StringRef File) {
  if (Root.empty())
    return File.str();
  llvm::SmallString<256> R(Root);
  if (!llvm::sys::path::is_separator(R.back()))
    R += '/';
  if (File.starts_with(R))
    return File.drop_front(R.size()).str();
  return File.str();
}

void sortFindings(std::vector<Finding> &Findings) {
  llvm::stable_sort(Findings, [](const Finding &A, const Finding &B) {
    return std::tie(A.Loc.File, A.Loc.Line, A.Loc.Column, A.Check, A.Message) <
           std::tie(B.Loc.File, B.Loc.Line, B.Loc.Column, B.Check, B.Message);
  });
}

void writeText(llvm::raw_ostream &OS, const ScanReport &R, bool Colors) {
  SourceCache Sources;
  auto Header = [&](const Location &L, llvm::StringRef Level,
                    llvm::raw_ostream::Colors Color, llvm::StringRef Msg,
                    llvm::StringRef Check) {
    if (Colors)
      OS.changeColor(llvm::raw_ostream::SAVEDCOLOR, /*Bold=*/true);
    writeLocation(OS, R, L);
    if (Colors)
      OS.changeColor(Color, /*Bold=*/true);
    OS << Level << ": ";
    if (Colors)
      OS.changeColor(llvm::raw_ostream::SAVEDCOLOR, /*Bold=*/true);
    OS << Msg;
    if (!Check.empty())
      OS << " [" << Check << ']';
    if (Colors)
      OS.resetColor();
    OS << '\n';
  };
  for (const Finding &F : R.Findings) {
    Header(F.Loc, F.Severity,
           F.Severity == "error" ? llvm::raw_ostream::RED
                                 : llvm::raw_ostream::MAGENTA,
           F.Message, F.Check);
    writeSnippet(OS, Sources, F.Loc, Colors);
    for (const FixIt &X : F.Fixes) {
      OS << "      | fix-it: ";
      if (X.Replacement.empty())
        OS << "remove " << (X.End.Offset - X.Begin.Offset) << " character(s)";
      else if (X.End.Offset == X.Begin.Offset)
        OS << "insert \"" << X.Replacement << '"';
      else
        OS << "replace with \"" << X.Replacement << '"';
      OS << " at " << X.Begin.Line << ':' << X.Begin.Column << '\n';
    }
    for (const Note &N : F.Notes) {
      Header(N.Loc, "note", llvm::raw_ostream::BLACK, N.Message, "");
      writeSnippet(OS, Sources, N.Loc, Colors);
    }
  }
}

void writeJSON(llvm::raw_ostream &OS, const ScanReport &R) {
  llvm::json::Array Findings, Failures;
  for (const Finding &F : R.Findings)
    Findings.push_back(toJSON(F));
  for (const TUResult &T : R.Failures)
    Failures.push_back(llvm::json::Object{{"file", T.File},
                                          {"directory", T.Directory},
                                          {"reason", T.Reason}});
  llvm::json::Array Remarks;
  for (const std::string &Remark : R.Remarks)
    Remarks.push_back(Remark);
  llvm::json::Object Root{
      {"tool", "tether"},
      {"version", R.ToolVersion},
      {"sourceRoot", R.SourceRoot},
      {"partial", R.Partial},
      {"unitsTotal", int64_t(R.UnitsTotal)},
      {"unitsAnalysed", int64_t(R.UnitsAnalysed)},
      {"baselined", int64_t(R.Baselined)},
      {"findings", std::move(Findings)},
      {"failures", std::move(Failures)},
      {"remarks", std::move(Remarks)},
      {"stats",
       llvm::json::Object{
           {"cacheHits", int64_t(R.Stats.CacheHits)},
           {"skipped", int64_t(R.Stats.Skipped)},
           {"seconds", R.Stats.Seconds},
           {"maxWorkerMemoryKB", int64_t(R.Stats.MaxWorkerMemoryKB)}}}};
  OS << llvm::formatv("{0:2}", llvm::json::Value(std::move(Root))) << '\n';
}

void writeCodeClimate(llvm::raw_ostream &OS, const ScanReport &R) {
  llvm::json::Array Issues;
  for (const Finding &F : R.Findings)
    Issues.push_back(llvm::json::Object{
        {"type", "issue"},
        {"check_name", F.Check},
        {"description", F.Message},
        {"categories", llvm::json::Array{"Bug Risk"}},
        {"severity", F.Severity == "error" ? "critical" : "major"},
        {"fingerprint", F.Fingerprint},
        {"location",
         llvm::json::Object{
             {"path", relativeTo(R.SourceRoot, F.Loc.File)},
             {"lines", llvm::json::Object{{"begin", F.Loc.Line}}}}}});
  OS << llvm::formatv("{0:2}", llvm::json::Value(std::move(Issues))) << '\n';
}

void writeSARIF(llvm::raw_ostream &OS, const ScanReport &R) {
  // Rules: every catalogued check, so rule indices are stable across scans.
  llvm::json::Array Rules;
  std::map<std::string, int64_t> RuleIndex;
  for (const CheckInfo &C : checkCatalog()) {
    RuleIndex[C.Name.str()] = Rules.size();
    std::string Doc = R.DocsBaseUrl + "/" + C.Name.str() + ".md";
    Rules.push_back(llvm::json::Object{
        {"id", C.Name},
        {"name", C.Name},
        {"shortDescription", message(C.Summary.str())},
        {"fullDescription", message(C.Summary.str())},
        {"helpUri", Doc},
        {"help", llvm::json::Object{
                     {"text", (C.Summary + " See " + Doc).str()},
                     {"markdown", ("**" + C.Name + "**: " + C.Summary +
                                   " [Documentation](" + Doc + ")")
                                      .str()}}},
        {"defaultConfiguration", llvm::json::Object{{"level", "warning"}}},
        {"properties",
         llvm::json::Object{{"tags", llvm::json::Array{"concurrency",
                                                       "reliability"}}}}});
  }

  llvm::json::Array Results;
  for (const Finding &F : R.Findings) {
    llvm::json::Object Result{
        {"ruleId", F.Check},
        {"level", F.Severity == "error" ? "error" : "warning"},
        {"message", message(F.Message)},
        {"locations", llvm::json::Array{physicalLocation(R, F.Loc)}}};
    auto It = RuleIndex.find(F.Check);
    if (It != RuleIndex.end())
      Result["ruleIndex"] = It->second;
    if (!F.Fingerprint.empty())
      Result["partialFingerprints"] =
          llvm::json::Object{{"tether/v1", F.Fingerprint}};

    llvm::json::Array Related, Flow;
    int64_t Id = 1;
    for (const Note &N : F.Notes) {
      llvm::json::Object Loc = physicalLocation(R, N.Loc);
      Loc["message"] = message(N.Message);
      if (N.IsPathEvent) {
        Flow.push_back(llvm::json::Object{{"location", std::move(Loc)}});
      } else {
        Loc["id"] = Id++;
        Related.push_back(std::move(Loc));
      }
    }
    if (!Related.empty())
      Result["relatedLocations"] = std::move(Related);
    if (!Flow.empty())
      Result["codeFlows"] = llvm::json::Array{llvm::json::Object{
          {"threadFlows",
           llvm::json::Array{llvm::json::Object{{"locations", std::move(Flow)}}}}}};

    if (!F.Fixes.empty()) {
      std::map<std::string, llvm::json::Array> ByFile;
      for (const FixIt &X : F.Fixes)
        ByFile[X.Begin.File].push_back(llvm::json::Object{
            {"deletedRegion",
             llvm::json::Object{{"startLine", X.Begin.Line},
                                {"startColumn", X.Begin.Column},
                                {"endLine", X.End.Line},
                                {"endColumn", X.End.Column}}},
            {"insertedContent", llvm::json::Object{{"text", X.Replacement}}}});
      llvm::json::Array Changes;
      for (auto &[File, Replacements] : ByFile) {
        Location L;
        L.File = File;
        llvm::json::Object Phys = physicalLocation(R, L);
        llvm::json::Object *PL = Phys.getObject("physicalLocation");
        Changes.push_back(llvm::json::Object{
            {"artifactLocation", std::move(*PL->get("artifactLocation"))},
            {"replacements", std::move(Replacements)}});
      }
      Result["fixes"] = llvm::json::Array{llvm::json::Object{
          {"description", message("Apply the suggested fix")},
          {"artifactChanges", std::move(Changes)}}};
    }
    Results.push_back(std::move(Result));
  }

  llvm::json::Array Notifications;
  for (const TUResult &T : R.Failures) {
    Location L;
    L.File = T.File;
    llvm::json::Object Phys = physicalLocation(R, L);
    llvm::json::Object *PL = Phys.getObject("physicalLocation");
    PL->erase("region");
    Notifications.push_back(llvm::json::Object{
        {"level", "error"},
        {"message", message("could not analyse " + T.File + ": " + T.Reason)},
        {"locations", llvm::json::Array{std::move(Phys)}},
        {"properties", llvm::json::Object{{"file", T.File},
                                          {"directory", T.Directory},
                                          {"reason", T.Reason}}}});
  }
  for (const std::string &Remark : R.Remarks)
    Notifications.push_back(
        llvm::json::Object{{"level", "note"}, {"message", message(Remark)}});
  if (R.Partial)
    Notifications.push_back(llvm::json::Object{
        {"level", "error"},
        {"message",
         message(llvm::formatv("the scan was interrupted: {0} of {1} "
                               "translation units analysed; the results are "
                               "partial",
                               R.UnitsAnalysed, R.UnitsTotal))}});

  llvm::json::Object Run{
      {"tool",
       llvm::json::Object{
           {"driver",
            llvm::json::Object{{"name", "Tether"},
                               {"version", R.ToolVersion},
                               {"semanticVersion", R.ToolVersion},
                               {"informationUri", R.DocsBaseUrl},
                               {"rules", std::move(Rules)}}}}},
      {"results", std::move(Results)},
      {"invocations",
       llvm::json::Array{llvm::json::Object{
           {"executionSuccessful", R.Failures.empty() && !R.Partial},
           {"toolExecutionNotifications", std::move(Notifications)}}}},
      {"properties",
       llvm::json::Object{{"partial", R.Partial},
                          {"unitsTotal", int64_t(R.UnitsTotal)},
                          {"unitsAnalysed", int64_t(R.UnitsAnalysed)},
                          {"baselined", int64_t(R.Baselined)}}}};
  if (!R.SourceRoot.empty()) {
    std::string Root = R.SourceRoot;
    if (Root.back() != '/')
      Root += '/';
    Run["originalUriBaseIds"] = llvm::json::Object{
        {"%SRCROOT%", llvm::json::Object{{"uri", "file://" + uriEncode(Root)}}}};
  }
  llvm::json::Object Log{
      {"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
      {"version", "2.1.0"},
      {"runs", llvm::json::Array{std::move(Run)}}};
  OS << llvm::formatv("{0:2}", llvm::json::Value(std::move(Log))) << '\n';
}

} // namespace tether::driver
