// Connect the selected touchpoints in the order they were selected: A → B → C.

import type { ProjectRecord } from "../bindings/ProjectRecord";
import type { Editor } from "../editor/editor";
import { recordOf } from "../model/doc";
import { newId } from "../model/ids";
import type { Action } from "./types";

export function connectPair(e: Editor, fromId: string, toId: string, label = ""): string | undefined {
  if (fromId === toId) return undefined;
  const exists = e.doc.connectorsOf(e.mapId).some((c) => c.fromId === fromId && c.toId === toId);
  if (exists || !e.doc.get("touchpoint", fromId) || !e.doc.get("touchpoint", toId)) return undefined;
  const id = newId();
  e.commit({ put: [recordOf("connector", { id, mapId: e.mapId, fromId, toId, label })], delete: [] }, "Connect");
  return id;
}

export const connect: Action = {
  name: "connect",
  label: "Connect selected touchpoints",
  keys: ["c"],
  enabled: (e) => e.selectedTouchpoints().length > 1,
  perform: (e) => {
    const cards = e.selectedTouchpoints();
    const existing = e.doc.connectorsOf(e.mapId);
    const put: ProjectRecord[] = [];
    for (let i = 1; i < cards.length; i++) {
      const fromId = cards[i - 1]!.id,
        toId = cards[i]!.id;
      if (!existing.some((c) => c.fromId === fromId && c.toId === toId))
        put.push(recordOf("connector", { id: newId(), mapId: e.mapId, fromId, toId, label: "" }));
    }
    e.commit({ put, delete: [] }, "Connect");
  },
};
