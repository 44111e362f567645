import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';

/**
 * Draws the app's icons: a loop (an open ring ending in an arrowhead) — learning that comes
 * back round. color.png is 192×192, white on the brand colour (keep BRAND equal to the
 * manifest's accentColor); outline.png is 32×32, white on transparent, as Teams requires.
 * Edges are anti-aliased by coverage (colour: blended, outline: alpha only, so every pixel
 * stays pure white). Run with `npx tsx scripts/make-icons.ts`.
 */
type Rgb = [number, number, number];
const BRAND: Rgb = [0x46, 0x47, 0x75]; // #464775
const WHITE: Rgb = [255, 255, 255];
const SAMPLES = 4; // per axis, per pixel

interface Glyph {
  /** Ring radii and arrowhead size as fractions of the icon's size; the small icon is bolder. */
  outer: number;
  inner: number;
  head: number;
  /** Where the ring resumes after its opening, in radians (see GAP_START). */
  gapEnd: number;
}

// Angles in radians, 0 = east, growing clockwise (y points down). The ring opens just right of
// the top, where the arrowhead sits.
const GAP_START = -Math.PI / 2 + 0.2;

function insideGlyph(x: number, y: number, size: number, g: Glyph): boolean {
  const c = size / 2;
  const outer = size * g.outer;
  const inner = size * g.inner;
  const r = Math.hypot(x - c, y - c);
  const angle = Math.atan2(y - c, x - c);
  if (r >= inner && r <= outer && !(angle > GAP_START && angle < g.gapEnd)) return true;
  // Arrowhead at the ring's open end, pointing clockwise into the gap.
  const mid = (outer + inner) / 2;
  const tip = { x: c + Math.cos(GAP_START) * mid, y: c + Math.sin(GAP_START) * mid };
  return inTriangle({ x, y }, tip, size * g.head, GAP_START);
}

type Point = { x: number; y: number };

function inTriangle(p: Point, base: Point, size: number, angle: number): boolean {
  const tangent = { x: -Math.sin(angle), y: Math.cos(angle) };
  const radial = { x: Math.cos(angle), y: Math.sin(angle) };
  const apex = { x: base.x + tangent.x * size, y: base.y + tangent.y * size };
  const a = { x: base.x + radial.x * size * 0.8, y: base.y + radial.y * size * 0.8 };
  const b = { x: base.x - radial.x * size * 0.8, y: base.y - radial.y * size * 0.8 };
  const side = (q: Point, r: Point) => (p.x - r.x) * (q.y - r.y) - (q.x - r.x) * (p.y - r.y);
  const d = [side(apex, a), side(a, b), side(b, apex)];
  return !(d.some((v) => v < 0) && d.some((v) => v > 0));
}

/** Share of a pixel's area the glyph covers, 0..1. */
function coverage(px: number, py: number, size: number, g: Glyph): number {
  let hits = 0;
  for (let sy = 0; sy < SAMPLES; sy++) {
    for (let sx = 0; sx < SAMPLES; sx++) {
      if (insideGlyph(px + (sx + 0.5) / SAMPLES, py + (sy + 0.5) / SAMPLES, size, g)) hits++;
    }
  }
  return hits / (SAMPLES * SAMPLES);
}

function draw(size: number, g: Glyph, background: Rgb | 'transparent'): PNG {
  const png = new PNG({ width: size, height: size });
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const k = coverage(x, y, size, g);
      const i = (y * size + x) * 4;
      if (background === 'transparent') {
        png.data.set([...WHITE, Math.round(255 * k)], i);
      } else {
        const mix = (ch: 0 | 1 | 2) => Math.round(background[ch] * (1 - k) + WHITE[ch] * k);
        png.data.set([mix(0), mix(1), mix(2), 255], i);
      }
    }
  }
  return png;
}

const appPackage = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../appPackage');
writeFileSync(
  path.join(appPackage, 'color.png'),
  PNG.sync.write(draw(192, { outer: 0.34, inner: 0.22, head: 0.16, gapEnd: GAP_START + 0.8 }, BRAND)),
);
writeFileSync(
  path.join(appPackage, 'outline.png'),
  PNG.sync.write(draw(32, { outer: 0.38, inner: 0.22, head: 0.19, gapEnd: GAP_START + 1.1 }, 'transparent')),
);
console.log('wrote appPackage/color.png (192×192) and appPackage/outline.png (32×32)');
