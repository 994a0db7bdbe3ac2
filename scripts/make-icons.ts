/**
 * Draws the PWA icons (static/icon-192.png, static/icon-512.png): the same teal rounded square
 * with a white "T" as static/icon.svg, encoded as PNG by src/lib/png.ts (no image libraries, no
 * downloads). Run: `bun scripts/make-icons.ts` — the output is committed.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodePng } from '../src/lib/png';

/** The icon at `size` px, drawn in the SVG's 64-unit coordinates (4×4 supersampling). */
function drawIcon(size: number): Uint8Array {
  const px = new Uint8Array(size * size * 4);
  const inRoundedSquare = (x: number, y: number) => {
    const r = 14, cx = Math.min(Math.max(x, r), 64 - r), cy = Math.min(Math.max(y, r), 64 - r);
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
  };
  const inT = (x: number, y: number) => (x >= 18 && x < 46 && y >= 20 && y < 26) || (x >= 29 && x < 35 && y >= 26 && y < 46);
  const S = 4;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let bg = 0, fg = 0;
      for (let sy = 0; sy < S; sy++) for (let sx = 0; sx < S; sx++) {
        const u = ((x + (sx + 0.5) / S) / size) * 64, v = ((y + (sy + 0.5) / S) / size) * 64;
        if (inRoundedSquare(u, v)) { if (inT(u, v)) fg++; else bg++; }
      }
      const total = S * S, cover = (bg + fg) / total, white = fg / Math.max(1, bg + fg);
      const i = (y * size + x) * 4;
      px[i] = Math.round(0x0f + (255 - 0x0f) * white);
      px[i + 1] = Math.round(0x76 + (255 - 0x76) * white);
      px[i + 2] = Math.round(0x6e + (255 - 0x6e) * white);
      px[i + 3] = Math.round(255 * cover);
    }
  }
  return px;
}

for (const size of [192, 512]) {
  const path = join(import.meta.dir, '..', 'static', `icon-${size}.png`);
  writeFileSync(path, encodePng(size, size, drawIcon(size), 4));
  console.log(`wrote ${path}`);
}
