#!/usr/bin/env node
/**
 * Writes the add-in icons under assets/ using only Node built-ins.
 *
 *   node scripts/make-icons.cjs
 *
 * Design: a rounded square in Fluent brand blue (#0F6CBD) with three white
 * ascending bars (performance) and a white check mark (self-evaluation).
 * Shapes are described as signed-distance functions and rasterised with
 * 8x8 supersampling, so edges are anti-aliased at every size.
 * PNGs are RGBA 8-bit, no interlace, one IDAT chunk, CRC32 per chunk.
 */
"use strict";

const fs = require("node:fs");
const path = require("node:path");
const zlib = require("node:zlib");

const OUT_DIR = path.join(__dirname, "..", "assets");
const BRAND = [0x0f, 0x6c, 0xbd];
const WHITE = [0xff, 0xff, 0xff];
const SAMPLES = 8;

/* ---------- PNG encoding ---------- */

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(buf) {
  let c = 0xffffffff;
  for (let i = 0; i < buf.length; i++) c = CRC_TABLE[(c ^ buf[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length, 0);
  const typeAndData = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData), 0);
  return Buffer.concat([len, typeAndData, crc]);
}

/** rgba: Uint8Array of width*height*4, straight (non-premultiplied) alpha. */
function encodePng(width, height, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  ihdr[10] = 0; // compression
  ihdr[11] = 0; // filter
  ihdr[12] = 0; // interlace
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0; // filter type None
    Buffer.from(rgba.buffer, rgba.byteOffset + y * stride, stride).copy(raw, y * (stride + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/* ---------- shapes (unit square coordinates, 0..1) ---------- */

/** Signed distance to a rounded rectangle centred at (cx, cy). */
function sdRoundRect(x, y, cx, cy, halfW, halfH, r) {
  const qx = Math.abs(x - cx) - (halfW - r);
  const qy = Math.abs(y - cy) - (halfH - r);
  const ox = Math.max(qx, 0);
  const oy = Math.max(qy, 0);
  return Math.hypot(ox, oy) + Math.min(Math.max(qx, qy), 0) - r;
}

/** Signed distance to a thick line segment with round caps. */
function sdSegment(x, y, ax, ay, bx, by, halfThickness) {
  const px = x - ax;
  const py = y - ay;
  const dx = bx - ax;
  const dy = by - ay;
  const h = Math.max(0, Math.min(1, (px * dx + py * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - dx * h, py - dy * h) - halfThickness;
}

/**
 * Layers, back to front. Small icons get a simpler glyph (check mark only),
 * because three bars plus a check are mush at 16 px.
 */
function layersFor(size) {
  const tile = {
    color: BRAND,
    inside: (x, y) => sdRoundRect(x, y, 0.5, 0.5, 0.5, 0.5, 0.2) <= 0,
  };
  if (size < 32) {
    return [
      tile,
      {
        color: WHITE,
        inside: (x, y) =>
          Math.min(
            sdSegment(x, y, 0.25, 0.53, 0.43, 0.71, 0.085),
            sdSegment(x, y, 0.43, 0.71, 0.76, 0.3, 0.085)
          ) <= 0,
      },
    ];
  }
  const bar = (left, top) => (x, y) =>
    sdRoundRect(x, y, left + 0.065, (top + 0.8) / 2, 0.065, (0.8 - top) / 2, 0.025);
  const bars = [bar(0.2, 0.58), bar(0.36, 0.46), bar(0.52, 0.34)];
  const check = (x, y, grow) =>
    Math.min(
      sdSegment(x, y, 0.5, 0.31, 0.62, 0.43, 0.045 + grow),
      sdSegment(x, y, 0.62, 0.43, 0.83, 0.2, 0.045 + grow)
    );
  return [
    tile,
    // white bars, with the tallest bar clipped away where the check mark's halo is
    { color: WHITE, inside: (x, y) => bars.some((b) => b(x, y) <= 0) && check(x, y, 0.035) > 0 },
    { color: WHITE, inside: (x, y) => check(x, y, 0) <= 0 },
  ];
}

function render(size) {
  const layers = layersFor(size);
  const rgba = new Uint8Array(size * size * 4);
  const n = SAMPLES * SAMPLES;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      // accumulate premultiplied colour over the supersamples
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const x = (px + (sx + 0.5) / SAMPLES) / size;
          const y = (py + (sy + 0.5) / SAMPLES) / size;
          let cr = 0;
          let cg = 0;
          let cb = 0;
          let ca = 0;
          for (const layer of layers) {
            if (layer.inside(x, y)) {
              [cr, cg, cb] = layer.color;
              ca = 1;
            }
          }
          r += cr * ca;
          g += cg * ca;
          b += cb * ca;
          a += ca;
        }
      }
      const i = (py * size + px) * 4;
      if (a > 0) {
        rgba[i] = Math.round(r / a);
        rgba[i + 1] = Math.round(g / a);
        rgba[i + 2] = Math.round(b / a);
      }
      rgba[i + 3] = Math.round((a / n) * 255);
    }
  }
  return encodePng(size, size, rgba);
}

function main() {
  fs.mkdirSync(OUT_DIR, { recursive: true });
  const targets = [16, 32, 64, 80, 128].map((s) => [`icon-${s}.png`, s]);
  targets.push(["logo-filled.png", 128]);
  for (const [name, size] of targets) {
    const png = render(size);
    fs.writeFileSync(path.join(OUT_DIR, name), png);
    console.log(`assets/${name}  ${size}x${size}  ${png.length} B`);
  }
}

if (require.main === module) main();

module.exports = { encodePng, crc32, render };
