// Start a redesign of a touchpoint: planned by the core from the project's template, starting on
// the given day (today by default). One undo step.

import type { Editor } from "../editor/editor";
import { recordOf } from "../model/doc";
import { newId } from "../model/ids";
import { runningRedesignOf } from "../model/redesign";

/** Today's date as YYYY-MM-DD in the user's time zone. */
export function localToday(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

export function runningRedesign(e: Editor, touchpointId: string) {
  return runningRedesignOf(e.doc.tables.redesign.values(), touchpointId);
}

/** Starts a redesign of the touchpoint, or gives the one already running: a touchpoint is
 * redesigned once at a time (a second start from a stale button or a double press makes none). */
export async function startRedesign(e: Editor, touchpointId: string, start = localToday(), title?: string): Promise<string | undefined> {
  const t = e.doc.get("touchpoint", touchpointId);
  if (!t) return undefined;
  const running = runningRedesign(e, touchpointId);
  if (running) return running.id;
  const redesign = await e.backend.newRedesign(newId(), touchpointId, title ?? `Redesign: ${t.title}`, start, e.doc.template);
  // Started meanwhile (a second press while the core planned this one): that one stands.
  const started = runningRedesign(e, touchpointId);
  if (started) return started.id;
  e.commit({ put: [recordOf("redesign", redesign)], delete: [] }, "Start redesign");
  return redesign.id;
}
