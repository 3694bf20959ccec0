//===- render.h - Tile renderer ---------------------------------*- C++ -*-===//
//
// Renders a Mandelbrot view into a canvas tile by tile on an Asio thread pool,
// post-processes it, and exports the tiles as PPM files.
//
//===----------------------------------------------------------------------===//

#ifndef WORKER_POOL_RENDER_H
#define WORKER_POOL_RENDER_H

#include <cstdint>
#include <string>
#include <vector>

namespace worker_pool {

/// A square region of the canvas. `step` > 1 renders one pixel in step*step
/// and fills the rest (previews).
struct Tile {
  int x = 0;
  int y = 0;
  int size = 0;
  int step = 1;
};

/// The view of the complex plane to render.
struct Scene {
  double center_re = -0.5;
  double center_im = 0.0;
  double scale = 3.0; // width of the view
  int max_iterations = 256;
};

/// RGB pixels, row-major; workers write disjoint tiles.
struct Canvas {
  Canvas(int width, int height)
      : width(width), height(height),
        pixels(static_cast<std::size_t>(width) * height) {}
  int width;
  int height;
  std::vector<std::uint32_t> pixels;
};

/// The tiles covering a canvas, row by row.
std::vector<Tile> tile_grid(const Canvas &canvas, int tile_size);

/// Renders every tile at full resolution on \p threads threads.
void render_scene(const Scene &scene, Canvas &canvas, unsigned threads);

/// Renders a quick low-resolution preview.
void render_preview(const Scene &scene, Canvas &canvas, unsigned threads);

/// Box-blurs the canvas with growing radii, one pass after the other.
void soften(Canvas &canvas, int passes);

/// Writes each tile to DIR/tile_X_Y.ppm in the background.
void export_tiles(const Canvas &canvas, const std::vector<Tile> &tiles,
                  const std::string &dir);

} // namespace worker_pool

#endif // WORKER_POOL_RENDER_H
