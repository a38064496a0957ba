/**
 * Signpost's two Teams icons, drawn from one shape: a post with two arrow
 * boards pointing opposite ways. The colour icon (192 x 192) is the white
 * shape on NHS blue; the outline icon (32 x 32) is the white shape on a
 * transparent background, as Teams requires. Edges are anti-aliased by
 * sampling each pixel 4 x 4 times.
 */
import type { Image } from "./png.js";

const nhsBlue = [0x00, 0x5e, 0xb8] as const;

type Point = readonly [number, number];

function inPolygon(x: number, y: number, polygon: readonly Point[]): boolean {
  let inside = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const [xi, yi] = polygon[i]!;
    const [xj, yj] = polygon[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** The signpost, in a unit square. */
const shapes: readonly (readonly Point[])[] = [
  [[0.46, 0.16], [0.54, 0.16], [0.54, 0.86], [0.46, 0.86]], // the post
  [[0.34, 0.84], [0.66, 0.84], [0.66, 0.9], [0.34, 0.9]], // its foot
  [[0.2, 0.22], [0.7, 0.22], [0.82, 0.305], [0.7, 0.39], [0.2, 0.39]], // board pointing right
  [[0.3, 0.46], [0.8, 0.46], [0.8, 0.63], [0.3, 0.63], [0.18, 0.545]], // board pointing left
];

/** How much of pixel (px, py) of a size x size image the shape covers, 0 to 1. */
function coverage(px: number, py: number, size: number, margin: number): number {
  const samples = 4;
  let hits = 0;
  for (let sy = 0; sy < samples; sy++) {
    for (let sx = 0; sx < samples; sx++) {
      const x = ((px + (sx + 0.5) / samples) / size - margin) / (1 - 2 * margin);
      const y = ((py + (sy + 0.5) / samples) / size - margin) / (1 - 2 * margin);
      if (shapes.some((shape) => inPolygon(x, y, shape))) hits++;
    }
  }
  return hits / (samples * samples);
}

function draw(size: number, margin: number, pixel: (cover: number) => readonly [number, number, number, number]): Image {
  const rgba = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) rgba.set(pixel(coverage(x, y, size, margin)), (y * size + x) * 4);
  }
  return { width: size, height: size, rgba };
}

export function colorIcon(): Image {
  const blend = (from: number, cover: number) => Math.round(from + (255 - from) * cover);
  return draw(192, 0.12, (cover) => [blend(nhsBlue[0], cover), blend(nhsBlue[1], cover), blend(nhsBlue[2], cover), 255]);
}

export function outlineIcon(): Image {
  return draw(32, 0.02, (cover) => [255, 255, 255, Math.round(255 * cover)]);
}
