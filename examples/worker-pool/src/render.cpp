//===- render.cpp - Tile renderer -----------------------------------------===//
//
// Part of Tether's worker-pool example: see ../README.md for the findings
// Tether reports here and how to fix them.
//
//===----------------------------------------------------------------------===//

#include "worker_pool/render.h"

#include <asio/post.hpp>
#include <asio/thread_pool.hpp>

#include <algorithm>
#include <complex>
#include <fstream>
#include <thread>

namespace worker_pool {

std::vector<Tile> tile_grid(const Canvas &canvas, int tile_size) {
  std::vector<Tile> tiles;
  for (int y = 0; y < canvas.height; y += tile_size)
    for (int x = 0; x < canvas.width; x += tile_size)
      tiles.push_back(Tile{x, y, tile_size});
  return tiles;
}

static std::uint32_t colour(int iterations, int max_iterations) {
  if (iterations >= max_iterations)
    return 0;
  auto t = static_cast<std::uint32_t>(255 * iterations / max_iterations);
  return (t << 16) | ((255 - t) << 8) | (t / 2);
}

static void render_tile(const Scene &scene, const Tile &tile, Canvas &canvas) {
  int x_end = std::min(tile.x + tile.size, canvas.width);
  int y_end = std::min(tile.y + tile.size, canvas.height);
  double pixel = scene.scale / canvas.width;
  for (int y = tile.y; y < y_end; y += tile.step) {
    for (int x = tile.x; x < x_end; x += tile.step) {
      std::complex<double> c(scene.center_re + (x - 0.5 * canvas.width) * pixel,
                             scene.center_im + (y - 0.5 * canvas.height) * pixel);
      std::complex<double> z;
      int n = 0;
      while (n < scene.max_iterations && std::norm(z) <= 4.0) {
        z = z * z + c;
        ++n;
      }
      std::uint32_t rgb = colour(n, scene.max_iterations);
      for (int dy = 0; dy < tile.step && y + dy < y_end; ++dy)
        for (int dx = 0; dx < tile.step && x + dx < x_end; ++dx)
          canvas.pixels[std::size_t(y + dy) * canvas.width + (x + dx)] = rgb;
    }
  }
}

void render_scene(const Scene &scene, Canvas &canvas, unsigned threads) {
  asio::thread_pool pool(threads);
  std::vector<Tile> tiles = tile_grid(canvas, 64);
  // 'tile' refers to an element of 'tiles', which outlives pool.join().
  for (const Tile &tile : tiles)
    asio::post(pool, [&] { render_tile(scene, tile, canvas); });
  pool.join();
}

void render_preview(const Scene &scene, Canvas &canvas, unsigned threads) {
  asio::thread_pool pool(threads);
  for (Tile tile : tile_grid(canvas, 64)) {
    tile.step = 4;
    // FINDING 3: the handler runs later on the pool, after this copy of
    // 'tile' is gone.
    asio::post(pool, [&] { render_tile(scene, tile, canvas); });
  }
  pool.join();
}

static void blur_rows(Canvas &canvas, int begin, int end, int radius) {
  std::vector<std::uint32_t> row(canvas.width);
  for (int y = begin; y < end; ++y) {
    std::uint32_t *line = &canvas.pixels[std::size_t(y) * canvas.width];
    for (int x = 0; x < canvas.width; ++x) {
      unsigned r = 0, g = 0, b = 0, n = 0;
      for (int k = std::max(0, x - radius); k <= std::min(canvas.width - 1, x + radius);
           ++k, ++n) {
        r += (line[k] >> 16) & 0xff;
        g += (line[k] >> 8) & 0xff;
        b += line[k] & 0xff;
      }
      row[x] = ((r / n) << 16) | ((g / n) << 8) | (b / n);
    }
    std::copy(row.begin(), row.end(), line);
  }
}

void soften(Canvas &canvas, int passes) {
  for (int pass = 0; pass < passes; ++pass) {
    int radius = 1 << pass;
    int middle = canvas.height / 2;
    // ~jthread joins the top half at the end of the iteration, while
    // 'radius' and 'middle' still exist.
    std::jthread top([&] { blur_rows(canvas, 0, middle, radius); });
    blur_rows(canvas, middle, canvas.height, radius);
  }
}

static void write_ppm(const std::string &path, const Canvas &canvas,
                      const Tile &tile) {
  int width = std::min(tile.size, canvas.width - tile.x);
  int height = std::min(tile.size, canvas.height - tile.y);
  std::ofstream out(path, std::ios::binary);
  out << "P6\n" << width << ' ' << height << "\n255\n";
  for (int y = tile.y; y < tile.y + height; ++y)
    for (int x = tile.x; x < tile.x + width; ++x) {
      std::uint32_t p = canvas.pixels[std::size_t(y) * canvas.width + x];
      char rgb[3] = {char(p >> 16), char(p >> 8), char(p)};
      out.write(rgb, 3);
    }
}

void export_tiles(const Canvas &canvas, const std::vector<Tile> &tiles,
                  const std::string &dir) {
  for (const Tile &tile : tiles) {
    std::string path = dir + "/tile_" + std::to_string(tile.x) + "_" +
                       std::to_string(tile.y) + ".ppm";
    // FINDING 4: a detached writer still uses 'path' after the iteration
    // that owns it has ended.
    std::thread([&canvas, &tile, &path] { write_ppm(path, canvas, tile); })
        .detach();
  }
}

} // namespace worker_pool
