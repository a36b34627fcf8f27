// A tiny element builder so views stay declarative without a framework. Text inputs get the
// core's length limits unless told otherwise, so nothing typed can be refused on saving.

import { LIMITS } from "../bindings/limitValues";

type Child = Node | string | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Record<string, unknown> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith("on") && typeof v === "function") el.addEventListener(k.slice(2).toLowerCase(), v as EventListener);
    else if (k === "class") el.className = String(v);
    else if (k === "style" && typeof v === "object") Object.assign(el.style, v);
    else if (k in el && typeof v !== "string") (el as unknown as Record<string, unknown>)[k] = v;
    else el.setAttribute(k, v === true ? "" : String(v));
  }
  if (!("maxLength" in props) && !("maxlength" in props)) {
    // A single line is a name or title (the core's shorter limit); a text area is free text.
    if (el instanceof HTMLInputElement && el.type === "text") el.maxLength = LIMITS.nameChars;
    if (el instanceof HTMLTextAreaElement) el.maxLength = LIMITS.textChars;
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(c);
  return el;
}

export function clear(el: Element): void {
  while (el.firstChild) el.removeChild(el.firstChild);
}
