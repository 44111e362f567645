import { writeFileSync } from 'node:fs';
import { PNG } from 'pngjs';

/**
 * Draws the app's icons: a loop (an open ring with an arrowhead) — learning that comes back
 * round. color.png is 192×192 on the brand colour; outline.png is 32×32, white on transparent,
 * as Teams requires. Run with `npx tsx scripts/make-icons.ts`.
 */
type Rgba = [number, number, number, number];
const BRAND: Rgba = [70, 71, 117, 255]; // #464775, Teams' indigo family
const WHITE: Rgba = [255, 255, 255, 255];
const CLEAR: Rgba = [0, 0, 0, 0];

function draw(size: number, background: Rgba, cornerRadius: number): PNG {
  const png = new PNG({ width: size, height: size });
  const c = size / 2;
  const outer = size * 0.36;
  const inner = size * 0.24;
  // The ring is open between these angles (radians, 0 = east, clockwise as y grows down).
  const gapStart = -Math.PI / 2 + 0.2;
  const gapEnd = -Math.PI / 2 + 0.95;
  const tip = { x: c + Math.cos(gapStart) * ((outer + inner) / 2), y: c + Math.sin(gapStart) * ((outer + inner) / 2) };
  const head = size * 0.17;

  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const px = x + 0.5;
      const py = y + 0.5;
      let colour = insideRoundedSquare(px, py, size, cornerRadius) ? background : CLEAR;
      const dx = px - c;
      const dy = py - c;
      const r = Math.hypot(dx, dy);
      const angle = Math.atan2(dy, dx);
      const inGap = angle > gapStart && angle < gapEnd;
      if (r >= inner && r <= outer && !inGap) colour = WHITE;
      // Arrowhead: a triangle at the ring's open end, pointing clockwise into the gap.
      if (inTriangle(px, py, tip, head, gapStart)) colour = WHITE;
      const i = (y * size + x) * 4;
      png.data[i] = colour[0];
      png.data[i + 1] = colour[1];
      png.data[i + 2] = colour[2];
      png.data[i + 3] = colour[3];
    }
  }
  return png;
}

function insideRoundedSquare(x: number, y: number, size: number, radius: number): boolean {
  if (radius <= 0) return true;
  const cx = Math.min(Math.max(x, radius), size - radius);
  const cy = Math.min(Math.max(y, radius), size - radius);
  return Math.hypot(x - cx, y - cy) <= radius;
}

function inTriangle(x: number, y: number, tip: { x: number; y: number }, size: number, angle: number): boolean {
  // Tangent direction (clockwise) at the ring's end, and the radial direction.
  const tx = -Math.sin(angle);
  const ty = Math.cos(angle);
  const rx = Math.cos(angle);
  const ry = Math.sin(angle);
  const apex = { x: tip.x + tx * size, y: tip.y + ty * size };
  const a = { x: tip.x + rx * size * 0.75, y: tip.y + ry * size * 0.75 };
  const b = { x: tip.x - rx * size * 0.75, y: tip.y - ry * size * 0.75 };
  const sign = (p: { x: number; y: number }, q: { x: number; y: number }, r: { x: number; y: number }) =>
    (p.x - r.x) * (q.y - r.y) - (q.x - r.x) * (p.y - r.y);
  const p = { x, y };
  const d1 = sign(p, apex, a);
  const d2 = sign(p, a, b);
  const d3 = sign(p, b, apex);
  const neg = d1 < 0 || d2 < 0 || d3 < 0;
  const pos = d1 > 0 || d2 > 0 || d3 > 0;
  return !(neg && pos);
}

writeFileSync('appPackage/color.png', PNG.sync.write(draw(192, BRAND, 0)));
writeFileSync('appPackage/outline.png', PNG.sync.write(draw(32, CLEAR, 0)));
console.log('wrote appPackage/color.png (192×192) and appPackage/outline.png (32×32)');
