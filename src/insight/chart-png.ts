import { Resvg } from "@resvg/resvg-js";

/**
 * A chart's SVG as a PNG, for channels that show an image (the weekly digest
 * in Slack and Teams): rendered by resvg, on a white background, at twice the
 * SVG's width (sharp on a high-density screen) unless told otherwise. Text is
 * set in the machine's fonts (DejaVu Sans on Debian).
 */
export function chartPng(svg: string, options: { readonly width?: number } = {}): Buffer {
  const resvg = new Resvg(svg, {
    background: "white",
    fitTo: options.width ? { mode: "width", value: options.width } : { mode: "zoom", value: 2 },
    font: { loadSystemFonts: true, defaultFontFamily: "DejaVu Sans" },
  });
  return resvg.render().asPng();
}
