// Finding cards and sticky notes by their words, for Edit → Find… (Ctrl+F). Pure: the document
// and the words in, the matches out in reading order: the map on screen first, then the others
// in the picker's order; on each map stage by stage, top to bottom.

import type { Doc } from "./doc";

export interface Match {
  kind: "touchpoint" | "note";
  id: string;
  mapId: string;
}

/** Lower case without accents, so "cafe" finds "Café" and "ECOLE" finds "école". */
export function fold(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase();
}

/** Every card and note holding each word of `query` (anywhere in its title, description,
 * channel, owner or why-it-matters note; a note's text or author), the map `first` first. */
export function findMatches(doc: Doc, query: string, first: string): Match[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  const holds = (...texts: string[]) => {
    const all = fold(texts.join("\n"));
    return words.every((w) => all.includes(w));
  };
  const maps = doc.mapsInOrder().map((m) => m.id);
  const order = [first, ...maps.filter((m) => m !== first)].filter((m) => maps.includes(m));
  const out: Match[] = [];
  for (const mapId of order) {
    const column = new Map(doc.stagesOf(mapId).map((s, i) => [s.id, i]));
    const found: Array<Match & { at: [number, number, number] }> = [];
    for (const t of doc.touchpointsOf(mapId))
      if (holds(t.title, t.description, t.channel, t.owner, t.momentOfTruthNote))
        found.push({ kind: "touchpoint", id: t.id, mapId, at: [column.get(t.stageId) ?? Infinity, t.y, t.x] });
    for (const n of doc.notesOf(mapId))
      if (holds(n.text, n.author)) found.push({ kind: "note", id: n.id, mapId, at: [column.get(n.stageId ?? "") ?? Infinity, n.y, n.x] });
    found.sort((a, b) => a.at[0] - b.at[0] || a.at[1] - b.at[1] || a.at[2] - b.at[2]);
    for (const { kind, id } of found) out.push({ kind, id, mapId });
  }
  return out;
}
