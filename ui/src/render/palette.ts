// Colours and type sizes of the map, chosen to stay legible on a washed-out projector.

export { RELIABILITY_COLOR } from "../bindings/reliabilityValues";

export const INK = "#0f172a";
export const MUTED = "#475569";
export const GRID_LINE = "#cbd5e1";
export const HEADER_BG = "#1e293b";
export const HEADER_INK = "#f8fafc";
export const LANE_BG = ["#f8fafc", "#f1f5f9"];

/** The background of a map's `i`th lane (from the top), by its kind: pain points pink,
 * opportunities green, the others in alternating greys. The map and its minimap share it. */
export function laneBackground(kind: string, i: number): string {
  if (kind === "painPoints") return "#fff1f2";
  if (kind === "opportunities") return "#f0fdf4";
  return LANE_BG[i % 2]!;
}
export const SELECTION = "#f59e0b";
export const STAR = "#f59e0b";
export const CONNECTOR = "#64748b";
export const EMOTION = "#7c3aed";
export const FONT = `"Inter", "Noto Sans", "DejaVu Sans", system-ui, sans-serif`;

/** The live room's emotion curve (orange, apart from the map's violet) and its spread. */
export const ROOM_CURVE = "#ea580c";
export const ROOM_BAND = "rgba(234, 88, 12, 0.14)";
