//===- Cache.cpp - Results of earlier analyses, reused when nothing changed ===//

#include "driver/Cache.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Support/BLAKE3.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <unistd.h>

namespace tether::driver {
namespace {

/// First line of every entry: magic, payload digest, payload size.
constexpr llvm::StringLiteral Magic = "tether-cache-1";

class Hasher {
public:
  Hasher &add(llvm::StringRef Part) {
    H.update(Part);
    H.update(llvm::StringRef("\0", 1));
    return *this;
  }
  std::string hex() {
    llvm::BLAKE3Result<16> R = H.final<16>();
    return llvm::toHex(R, /*LowerCase=*/true);
  }

private:
  llvm::BLAKE3 H;
};

} // namespace

std::string digest(llvm::StringRef Text) {
  llvm::BLAKE3 H;
  H.update(Text);
  return llvm::toHex(H.final<16>(), /*LowerCase=*/true);
}

std::string defaultCacheDir() {
  if (std::optional<std::string> Dir =
          llvm::sys::Process::GetEnv("TETHER_CACHE_DIR"))
    return *Dir;
  llvm::SmallString<256> P;
  if (std::optional<std::string> Xdg =
          llvm::sys::Process::GetEnv("XDG_CACHE_HOME");
      Xdg && llvm::sys::path::is_absolute(*Xdg)) {
    P = *Xdg;
  } else if (!llvm::sys::path::home_directory(P)) {
    return "";
  } else {
    llvm::sys::path::append(P, ".cache");
  }
  llvm::sys::path::append(P, "tether");
  return std::string(P);
}

std::string toolIdentity() {
  Hasher H;
  H.add(TETHER_VERSION).add(LLVM_VERSION_STRING);
  // A development build keeps its version while its checks change: the
  // executable's own bytes tell builds apart.
  if (auto Self = llvm::MemoryBuffer::getFile("/proc/self/exe",
                                              /*IsText=*/false,
                                              /*RequiresNullTerminator=*/false))
    H.add(digest((*Self)->getBuffer()));
  return H.hex();
}

ResultCache::ResultCache(std::string Dir, uint64_t MaxBytes,
                         std::string ToolIdentity)
    : Dir(std::move(Dir)), MaxBytes(MaxBytes),
      ToolIdentity(std::move(ToolIdentity)) {
  llvm::SmallString<256> Entries(this->Dir);
  llvm::sys::path::append(Entries, "v1");
  if (std::error_code EC = llvm::sys::fs::create_directories(Entries))
    Problem = llvm::formatv("cannot create the cache folder '{0}': {1}; "
                            "scanning without a cache",
                            Entries, EC.message());
}

std::string ResultCache::entryPath(const std::string &Key) const {
  llvm::SmallString<256> P(Dir);
  llvm::sys::path::append(P, "v1", llvm::StringRef(Key).take_front(2), Key);
  return std::string(P);
}

const std::string &ResultCache::fileDigest(llvm::StringRef Path) {
  auto [It, Inserted] = FileDigests.try_emplace(Path);
  if (Inserted) {
    if (auto Buffer = llvm::MemoryBuffer::getFile(
            Path, /*IsText=*/false, /*RequiresNullTerminator=*/false))
      It->second = digest((*Buffer)->getBuffer());
  }
  return It->second;
}

const std::string &ResultCache::configDigest(llvm::StringRef Folder) {
  auto [It, Inserted] = ConfigDigests.try_emplace(Folder);
  if (!Inserted)
    return It->second;
  // clang-tidy reads the nearest .clang-tidy and, if it says so, its
  // parents': every one above the source counts, present or not.
  std::string Own;
  llvm::SmallString<256> Config(Folder);
  llvm::sys::path::append(Config, ".clang-tidy");
  if (llvm::sys::fs::exists(Config))
    Own = std::string(Config) + "=" + fileDigest(Config);
  llvm::StringRef Parent = llvm::sys::path::parent_path(Folder);
  std::string Above =
      Parent.empty() || Parent == Folder ? "" : configDigest(Parent);
  // configDigest may have grown the map: look the slot up again.
  return ConfigDigests[Folder] = Own + ";" + Above;
}

std::string ResultCache::key(const clang::tooling::CompileCommand &Command,
                             const EngineOptions &Options) {
  Hasher H;
  H.add(Magic).add(ToolIdentity).add(Command.Directory).add(Command.Filename);
  for (const std::string &A : analysisArguments(Command, Options))
    H.add(A);
  H.add(Options.Checks).add(Options.HeaderFilter);
  H.add(Options.ReadConfigFiles ? "config" : "no-config");
  for (const auto &[Name, Value] : Options.CheckOptions)
    H.add(Name).add(Value);
  if (Options.ReadConfigFiles)
    H.add(configDigest(llvm::sys::path::parent_path(Command.Filename)));
  return H.hex();
}

std::optional<llvm::json::Value> ResultCache::readEntry(const std::string &Key) {
  if (!Problem.empty())
    return std::nullopt;
  auto Buffer = llvm::MemoryBuffer::getFile(entryPath(Key), /*IsText=*/false,
                                            /*RequiresNullTerminator=*/false);
  if (!Buffer)
    return std::nullopt;
  auto [Header, Payload] = (*Buffer)->getBuffer().split('\n');
  llvm::SmallVector<llvm::StringRef, 3> Fields;
  Header.split(Fields, ' ');
  size_t Size = 0;
  if (Fields.size() != 3 || Fields[0] != Magic ||
      Fields[2].getAsInteger(10, Size) || Size != Payload.size() ||
      Fields[1] != digest(Payload))
    return std::nullopt; // damaged or foreign: a miss
  llvm::Expected<llvm::json::Value> V = llvm::json::parse(Payload);
  if (!V) {
    llvm::consumeError(V.takeError());
    return std::nullopt;
  }
  return std::move(*V);
}

std::optional<std::vector<Dependency>>
ResultCache::dependencies(const std::string &Key) {
  std::optional<llvm::json::Value> V = readEntry(Key);
  if (!V)
    return std::nullopt;
  TUResult R;
  llvm::json::Path::Root Root;
  if (!fromJSON(*V, R, Root))
    return std::nullopt;
  return std::move(R.Dependencies);
}

std::optional<TUResult> ResultCache::lookup(const std::string &Key) {
  std::optional<llvm::json::Value> V = readEntry(Key);
  if (!V)
    return std::nullopt;
  TUResult R;
  llvm::json::Path::Root Root;
  if (!fromJSON(*V, R, Root) || R.Dependencies.empty())
    return std::nullopt;
  for (const Dependency &D : R.Dependencies)
    if (fileDigest(D.Path) != D.Digest)
      return std::nullopt;
  // Recently used: trim() evicts by modification time.
  if (auto FD = llvm::sys::fs::openNativeFileForWrite(
          entryPath(Key), llvm::sys::fs::CD_OpenExisting,
          llvm::sys::fs::OF_Append)) {
    (void)llvm::sys::fs::setLastAccessAndModificationTime(
        *FD, llvm::sys::TimePoint<>(std::chrono::system_clock::now()));
    llvm::sys::fs::closeFile(*FD);
  } else {
    llvm::consumeError(FD.takeError());
  }
  ++Hits;
  R.Cached = true;
  R.Seconds = 0;
  R.PeakMemoryKB = 0;
  return R;
}

void ResultCache::store(const std::string &Key, const TUResult &Result) {
  if (!Problem.empty() || Result.Failed || Result.Skipped ||
      Result.Dependencies.empty())
    return;
  std::string Payload;
  llvm::raw_string_ostream(Payload) << toJSON(Result);
  std::string Path = entryPath(Key);
  llvm::SmallString<256> Folder(Path);
  llvm::sys::path::remove_filename(Folder);
  if (llvm::sys::fs::create_directories(Folder))
    return;
  // A unique temporary in the same folder, then an atomic rename.
  llvm::SmallString<256> Temp;
  int FD = -1;
  if (llvm::sys::fs::createUniqueFile(Path + ".tmp-%%%%%%%%", FD, Temp))
    return;
  {
    llvm::raw_fd_ostream OS(FD, /*shouldClose=*/true);
    OS << Magic << ' ' << digest(Payload) << ' ' << Payload.size() << '\n'
       << Payload;
    OS.close();
    if (OS.has_error()) {
      OS.clear_error();
      llvm::sys::fs::remove(Temp);
      return;
    }
  }
  if (llvm::sys::fs::rename(Temp, Path))
    llvm::sys::fs::remove(Temp);
}

void ResultCache::trim() {
  if (!Problem.empty())
    return;
  struct File {
    std::string Path;
    uint64_t Size;
    llvm::sys::TimePoint<> Time;
  };
  std::vector<File> Files;
  uint64_t Total = 0;
  auto Now = std::chrono::system_clock::now();
  llvm::SmallString<256> Root(Dir);
  llvm::sys::path::append(Root, "v1");
  std::error_code EC;
  for (llvm::sys::fs::recursive_directory_iterator It(Root, EC), End;
       It != End && !EC; It.increment(EC)) {
    llvm::sys::fs::file_status Status;
    if (llvm::sys::fs::status(It->path(), Status) ||
        Status.type() != llvm::sys::fs::file_type::regular_file)
      continue;
    // A temporary older than an hour belongs to a scan that was killed.
    if (llvm::StringRef(It->path()).contains(".tmp-")) {
      if (Now - Status.getLastModificationTime() > std::chrono::hours(1))
        llvm::sys::fs::remove(It->path());
      continue;
    }
    Files.push_back({It->path(), Status.getSize(),
                     Status.getLastModificationTime()});
    Total += Status.getSize();
  }
  if (Total <= MaxBytes)
    return;
  llvm::sort(Files, [](const File &A, const File &B) { return A.Time < B.Time; });
  // Down to 90% of the bound, so the next scans do not trim again at once.
  uint64_t Goal = MaxBytes / 10 * 9;
  for (const File &F : Files) {
    if (Total <= Goal)
      break;
    if (!llvm::sys::fs::remove(F.Path))
      Total -= F.Size;
  }
}

} // namespace tether::driver
