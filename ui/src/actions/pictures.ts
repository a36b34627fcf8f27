// A picture on a card: put one (replacing any it had) from what the core read and shrank, or
// take it off. One undo step each.

import type { PictureData } from "../bindings/PictureData";
import type { Editor } from "../editor/editor";
import { recordOf } from "../model/doc";
import { newId } from "../model/ids";

export function pictureOf(e: Editor, touchpointId: string) {
  for (const p of e.doc.tables.picture.values()) if (p.touchpointId === touchpointId) return p;
  return undefined;
}

export function setPicture(e: Editor, touchpointId: string, data: PictureData): string | undefined {
  const t = e.doc.get("touchpoint", touchpointId);
  if (!t) return undefined;
  const old = pictureOf(e, touchpointId);
  const id = newId();
  e.commit(
    {
      put: [recordOf("picture", { id, mapId: t.mapId, touchpointId, ...data })],
      delete: old ? [{ kind: "picture", id: old.id }] : [],
    },
    old ? "Replace picture" : "Add picture",
  );
  return id;
}

export function removePicture(e: Editor, touchpointId: string): void {
  const old = pictureOf(e, touchpointId);
  if (old) e.commit({ put: [], delete: [{ kind: "picture", id: old.id }] }, "Remove picture");
}
