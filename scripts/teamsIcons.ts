// Draws the Teams app icons into appPackage/ (run: npm run teams:icons; the PNGs are committed):
// - color.png, 192x192: a white speech bubble on the partnership's blue, full bleed;
// - outline.png, 32x32: the same bubble as a white outline on a transparent background.
// Shapes are sampled 4x4 per pixel, so edges are smooth.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import { appPackageDir } from '../src/teams/manifest.js';

type Rgba = [number, number, number, number];
const BRAND: Rgba = [0x0b, 0x4f, 0x6c, 255];
const WHITE: Rgba = [255, 255, 255, 255];

/** A speech bubble in a unit square: rounded rectangle with a tail at the bottom left. */
function inBubble(x: number, y: number): boolean {
  const [left, top, right, bottom, r] = [0.18, 0.22, 0.82, 0.7, 0.12];
  const cx = Math.min(Math.max(x, left + r), right - r);
  const cy = Math.min(Math.max(y, top + r), bottom - r);
  const inBox = x >= left && x <= right && y >= top && y <= bottom && (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
  // Tail: triangle (0.3,0.68) (0.46,0.68) (0.28,0.84).
  const inTail =
    y >= 0.68 &&
    y <= 0.84 &&
    x >= 0.28 + ((y - 0.68) * (0.28 - 0.3)) / 0.16 &&
    x <= 0.46 - ((y - 0.68) * (0.46 - 0.28)) / 0.16;
  return inBox || inTail;
}

/** Three dots inside the bubble. */
function inDot(x: number, y: number): boolean {
  return [0.34, 0.5, 0.66].some((dx) => (x - dx) ** 2 + (y - 0.46) ** 2 <= 0.055 ** 2);
}

function draw(size: number, pixel: (x: number, y: number) => Rgba | undefined, background?: Rgba): PNG {
  const png = new PNG({ width: size, height: size });
  const samples = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let [r, g, b, a] = [0, 0, 0, 0];
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const colour =
            pixel((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size) ?? background;
          if (!colour) continue;
          r += colour[0] * colour[3];
          g += colour[1] * colour[3];
          b += colour[2] * colour[3];
          a += colour[3];
        }
      }
      const i = (py * size + px) * 4;
      png.data[i] = a ? Math.round(r / a) : 0;
      png.data[i + 1] = a ? Math.round(g / a) : 0;
      png.data[i + 2] = a ? Math.round(b / a) : 0;
      png.data[i + 3] = Math.round(a / (samples * samples));
    }
  }
  return png;
}

export function colourIcon(): PNG {
  return draw(192, (x, y) => (inBubble(x, y) ? (inDot(x, y) ? BRAND : WHITE) : undefined), BRAND);
}

export function outlineIcon(): PNG {
  // The outline: inside the bubble but not inside the bubble shrunk by the line width.
  const line = 0.075;
  const inner = (x: number, y: number) =>
    inBubble(x, y) &&
    inBubble(x + line, y) &&
    inBubble(x - line, y) &&
    inBubble(x, y + line) &&
    inBubble(x, y - line);
  return draw(32, (x, y) => (inBubble(x, y) && (!inner(x, y) || inDot(x, y)) ? WHITE : undefined));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync(path.join(appPackageDir, 'color.png'), PNG.sync.write(colourIcon()));
  writeFileSync(path.join(appPackageDir, 'outline.png'), PNG.sync.write(outlineIcon()));
  console.log('Wrote appPackage/color.png (192x192) and appPackage/outline.png (32x32).');
}
