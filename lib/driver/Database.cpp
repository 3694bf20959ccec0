//===- Database.cpp - compile_commands.json, read entry by entry ---------===//

#include "driver/Database.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/BLAKE3.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/StringSaver.h"

namespace tether::driver {
namespace {

llvm::Error failure(const llvm::Twine &Message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), Message);
}

std::string normalised(llvm::StringRef Path, llvm::StringRef Base) {
  llvm::SmallString<256> P(Path);
  if (!llvm::sys::path::is_absolute(P)) {
    P = Base;
    llvm::sys::path::append(P, Path);
  }
  llvm::sys::path::remove_dots(P, /*remove_dot_dot=*/true);
  return std::string(P);
}

/// Where the JSON value starting at \p Pos ends (one past it), for the
/// objects of the top-level array; npos if the text ends first.
size_t endOfObject(llvm::StringRef Text, size_t Pos) {
  unsigned Depth = 0;
  bool InString = false;
  for (size_t I = Pos; I < Text.size(); ++I) {
    char C = Text[I];
    if (InString) {
      if (C == '\\')
        ++I;
      else if (C == '"')
        InString = false;
      continue;
    }
    if (C == '"')
      InString = true;
    else if (C == '{' || C == '[')
      ++Depth;
    else if ((C == '}' || C == ']') && --Depth == 0)
      return I + 1;
  }
  return llvm::StringRef::npos;
}

size_t skipSpace(llvm::StringRef Text, size_t Pos) {
  while (Pos < Text.size() && llvm::isSpace(Text[Pos]))
    ++Pos;
  return Pos;
}

unsigned lineOf(llvm::StringRef Text, size_t Pos) {
  return Text.take_front(Pos).count('\n') + 1;
}

} // namespace

void dropLaunchers(std::vector<std::string> &Args) {
  while (Args.size() > 1) {
    llvm::StringRef Name = llvm::sys::path::filename(Args.front());
    if (Name != "ccache" && Name != "sccache" && Name != "distcc" &&
        Name != "icecc" && Name != "buildcache")
      return;
    Args.erase(Args.begin());
  }
}

llvm::Expected<clang::tooling::CompileCommand>
parseEntry(llvm::StringRef Json, llvm::StringRef Folder) {
  llvm::Expected<llvm::json::Value> V = llvm::json::parse(Json);
  if (!V)
    return V.takeError();
  const llvm::json::Object *O = V->getAsObject();
  if (!O)
    return failure("the entry is not a JSON object");
  std::optional<llvm::StringRef> Directory = O->getString("directory");
  std::optional<llvm::StringRef> File = O->getString("file");
  const llvm::json::Array *Arguments = O->getArray("arguments");
  std::optional<llvm::StringRef> Command = O->getString("command");
  if (!Directory || !File || (!Arguments && !Command))
    return failure(
        "the entry needs \"directory\", \"file\" and \"command\" or "
        "\"arguments\"");

  clang::tooling::CompileCommand C;
  C.Directory = normalised(*Directory, Folder);
  C.Filename = normalised(*File, C.Directory);
  if (Arguments) {
    for (const llvm::json::Value &A : *Arguments) {
      std::optional<llvm::StringRef> S = A.getAsString();
      if (!S)
        return failure("\"arguments\" must hold strings only");
      C.CommandLine.push_back(S->str());
    }
  } else {
    llvm::BumpPtrAllocator Alloc;
    llvm::StringSaver Saver(Alloc);
    llvm::SmallVector<const char *, 64> Argv;
    llvm::cl::TokenizeGNUCommandLine(*Command, Saver, Argv);
    for (const char *A : Argv)
      C.CommandLine.push_back(A);
  }
  if (C.CommandLine.empty())
    return failure("the entry's command line is empty");
  dropLaunchers(C.CommandLine);
  if (std::optional<llvm::StringRef> Output = O->getString("output"))
    C.Output = Output->str();
  return C;
}

llvm::Expected<std::unique_ptr<CompileDatabase>>
CompileDatabase::open(llvm::StringRef Path) {
  auto Buffer = llvm::MemoryBuffer::getFile(Path, /*IsText=*/false,
                                            /*RequiresNullTerminator=*/false);
  if (!Buffer)
    return failure(llvm::formatv("cannot read the compilation database "
                                 "'{0}': {1}",
                                 Path, Buffer.getError().message()));
  auto DB = std::unique_ptr<CompileDatabase>(new CompileDatabase());
  DB->Path = Path.str();
  llvm::SmallString<256> Folder(Path);
  llvm::sys::fs::make_absolute(Folder);
  llvm::sys::path::remove_filename(Folder);
  llvm::sys::path::remove_dots(Folder, true);
  DB->Folder = std::string(Folder);
  DB->Buffer = std::move(*Buffer);
  if (llvm::Error E = DB->index())
    return failure(llvm::formatv("the compilation database '{0}' {1}", Path,
                                 llvm::toString(std::move(E))));
  return std::move(DB);
}

llvm::Error CompileDatabase::index() {
  llvm::StringRef Text = Buffer->getBuffer();
  size_t Pos = skipSpace(Text, 0);
  if (Pos == Text.size() || Text[Pos] != '[')
    return failure("must be a JSON array of entries");
  Pos = skipSpace(Text, Pos + 1);
  if (Pos < Text.size() && Text[Pos] == ']')
    return llvm::Error::success();
  for (size_t Number = 0;; ++Number) {
    if (Pos >= Text.size() || Text[Pos] != '{')
      return failure(llvm::formatv("is not valid JSON: entry {0} (line {1}) "
                                   "is not an object",
                                   Number, lineOf(Text, Pos)));
    size_t End = endOfObject(Text, Pos);
    if (End == llvm::StringRef::npos)
      return failure(llvm::formatv("is not valid JSON: entry {0} (line {1}) "
                                   "is not closed",
                                   Number, lineOf(Text, Pos)));
    llvm::Expected<clang::tooling::CompileCommand> C =
        parseEntry(Text.slice(Pos, End), Folder);
    if (!C)
      return failure(llvm::formatv("is not valid: entry {0} (line {1}): {2}",
                                   Number, lineOf(Text, Pos),
                                   llvm::toString(C.takeError())));
    llvm::BLAKE3 Hash;
    for (llvm::StringRef Part : {llvm::StringRef(C->Directory),
                                 llvm::StringRef(C->Filename)}) {
      Hash.update(Part);
      Hash.update(llvm::StringRef("\0", 1));
    }
    for (const std::string &A : C->CommandLine) {
      Hash.update(A);
      Hash.update(llvm::StringRef("\0", 1));
    }
    Entries.push_back({Pos, End - Pos, C->Filename,
                       llvm::toHex(Hash.final(), /*LowerCase=*/true)});
    Pos = skipSpace(Text, End);
    if (Pos < Text.size() && Text[Pos] == ',') {
      Pos = skipSpace(Text, Pos + 1);
      continue;
    }
    if (Pos < Text.size() && Text[Pos] == ']')
      break;
    return failure(llvm::formatv("is not valid JSON: expected ',' or ']' "
                                 "after entry {0} (line {1})",
                                 Number, lineOf(Text, Pos)));
  }
  if (skipSpace(Text, Pos + 1) != Text.size())
    return failure("is not valid JSON: text after the closing ']'");
  return llvm::Error::success();
}

clang::tooling::CompileCommand CompileDatabase::command(size_t I) const {
  const Entry &E = Entries[I];
  llvm::Expected<clang::tooling::CompileCommand> C = parseEntry(
      Buffer->getBuffer().substr(E.Offset, E.Length), Folder);
  if (!C) { // cannot happen: every entry parsed once when it was opened
    llvm::consumeError(C.takeError());
    return {};
  }
  return std::move(*C);
}

} // namespace tether::driver
