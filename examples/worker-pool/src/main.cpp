//===- main.cpp - worker_pool: ingest logs, render a view -----------------===//
//
// Part of Tether's worker-pool example: see ../README.md for the findings
// Tether reports here and how to fix them.
//
//   worker_pool [--watch DIR]... [--export DIR] [LOG_FILE...]
//
//===----------------------------------------------------------------------===//

#include "worker_pool/ingest.h"
#include "worker_pool/lookup.h"
#include "worker_pool/render.h"
#include "worker_pool/watch.h"

#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <thread>

namespace worker_pool {

void watch_directory(const std::string &dir, const std::atomic<bool> &stop) {
  std::error_code ec;
  auto last = std::filesystem::last_write_time(dir, ec);
  while (!stop) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    auto now = std::filesystem::last_write_time(dir, ec);
    if (!ec && now != last) {
      std::clog << "config changed: " << dir << '\n';
      last = now;
    }
  }
}

} // namespace worker_pool

namespace {

using namespace worker_pool;

std::vector<LogShard> read_shards(const std::vector<std::string> &files,
                                  std::size_t lines_per_shard) {
  std::vector<LogShard> shards;
  for (const std::string &file : files) {
    std::ifstream in(file);
    std::string line;
    LogShard shard{file, {}};
    while (std::getline(in, line)) {
      shard.lines.push_back(line);
      if (shard.lines.size() == lines_per_shard) {
        shards.push_back(shard);
        shard.lines.clear();
      }
    }
    if (!shard.lines.empty())
      shards.push_back(std::move(shard));
  }
  return shards;
}

// Reads the client addresses to leave out of the statistics, one per line,
// from every allow-list file that exists.
std::vector<std::string> read_allow_lists(const std::vector<std::string> &files) {
  std::vector<std::string> allowed;
  for (const std::string &file : files) {
    std::FILE *in = std::fopen(file.c_str(), "r");
    if (!in)
      continue;
    char line[256];
    // FINDING 6: a file whose first line is a comment is skipped without
    // fclose; with enough such files the process runs out of descriptors.
    if (!std::fgets(line, sizeof line, in) || line[0] == '#')
      continue;
    do
      allowed.emplace_back(line, std::strcspn(line, "\n"));
    while (std::fgets(line, sizeof line, in));
    std::fclose(in);
  }
  return allowed;
}

std::vector<LogShard> sample_shards() {
  std::vector<LogShard> shards(4);
  for (std::size_t s = 0; s < shards.size(); ++s) {
    shards[s].name = "sample-" + std::to_string(s);
    for (int n = 0; n < 1000; ++n)
      shards[s].lines.push_back("10.0.0." + std::to_string(n % 250) + " " +
                                (n % 97 == 0 ? "503" : "200") + " " +
                                std::to_string(512 + n));
  }
  return shards;
}

} // namespace

int main(int argc, char **argv) {
  std::vector<std::string> watch_dirs, log_files;
  std::string export_dir;
  for (int a = 1; a < argc; ++a) {
    std::string arg = argv[a];
    if (arg == "--watch" && a + 1 < argc)
      watch_dirs.push_back(argv[++a]);
    else if (arg == "--export" && a + 1 < argc)
      export_dir = argv[++a];
    else
      log_files.push_back(arg);
  }

  std::atomic<bool> stop{false};
  std::vector<std::thread> watchers;
  for (std::string dir : watch_dirs) {
    if (!dir.empty() && dir.back() == '/')
      dir.pop_back();
    // FINDING 5: the watcher keeps a reference to this iteration's 'dir'.
    watchers.push_back(std::thread(watch_directory, std::ref(dir), std::ref(stop)));
  }

  std::vector<LogShard> shards =
      log_files.empty() ? sample_shards() : read_shards(log_files, 4096);
  std::vector<std::string> allowed = read_allow_lists({"allow.txt", "allow.d/local.txt"});
  if (!allowed.empty())
    std::clog << allowed.size() << " allow-listed clients\n";
  IngestStats stats;
  ingest_shards(shards, stats);
  std::cout << stats.lines << " lines, " << stats.server_errors << " 5xx, "
            << stats.malformed << " malformed, " << count_server_errors(shards)
            << " 5xx recounted\n";

  std::vector<std::uint64_t> digests = checksum_shards(shards);
  for (std::size_t s = 0; s < shards.size(); ++s) {
    // The reporter gets its own copy of the line; it is joined right here.
    std::string line = shards[s].name + " " + std::to_string(digests[s]);
    std::thread reporter([line] { std::cout << line << '\n'; });
    reporter.join();
  }

  std::clog << "busiest client: "
            << resolve_first("10.0.0.7", {"dns-a", "dns-b", "dns-c"},
                             std::chrono::milliseconds(200))
            << " / "
            << resolve_first_buffered("10.0.0.7", std::chrono::milliseconds(200))
            << '\n';
  std::clog << resolve_all({"10.0.0.1", "10.0.0.2"}).size() << " + "
            << resolve_all_bounded({"10.0.0.3", "10.0.0.4", "10.0.0.5"}).size()
            << " names resolved\n";

  unsigned threads = std::max(2u, std::thread::hardware_concurrency());
  Scene scene;
  Canvas canvas(512, 384);
  render_preview(scene, canvas, threads);
  render_scene(scene, canvas, threads);
  soften(canvas, 2);
  if (!export_dir.empty())
    export_tiles(canvas, tile_grid(canvas, 128), export_dir);

  stop = true;
  for (std::thread &watcher : watchers)
    watcher.join();
  return 0;
}
