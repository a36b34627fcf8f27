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

/**
 * A label for an `<optgroup>`. WebKitGTK draws a select's group headings as GTK markup without
 * escaping them: an "&" (a stage called "Check in & bag drop") breaks the heading, and the
 * previous line shows in its place. Markup's special characters are spelt out or replaced.
 */
export function groupLabel(text: string): string {
  return text
    .replace(/\s*&\s*/g, " and ")
    .replace(/</g, "‹")
    .replace(/>/g, "›");
}

export function clear(el: Element): void {
  while (el.firstChild) el.removeChild(el.firstChild);
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Whether `s` is a real calendar date written YYYY-MM-DD. */
export function isIsoDate(s: string): boolean {
  if (!ISO_DATE.test(s)) return false;
  const t = Date.parse(`${s}T00:00:00Z`);
  return Number.isFinite(t) && new Date(t).toISOString().startsWith(s);
}

/**
 * A date field that shows and takes dates as YYYY-MM-DD, like the rest of the app (a native
 * date input shows the system's format, 11/23/2026 on an American desktop). A complete, real date
 * raises "change" as soon as it is typed; anything else is marked and never reported.
 */
export function dateInput(props: Record<string, unknown>): HTMLInputElement {
  const input = h("input", {
    ...props,
    type: "text",
    inputmode: "numeric",
    placeholder: "YYYY-MM-DD",
    maxLength: 10,
    class: `date ${String(props.class ?? "")}`.trim(),
  });
  const check = () => input.classList.toggle("invalid", input.value !== "" && !isIsoDate(input.value));
  input.addEventListener("input", () => {
    check();
    if (isIsoDate(input.value)) input.dispatchEvent(new Event("change"));
  });
  input.addEventListener(
    "change",
    (e) => {
      // A half-typed date is never passed on.
      if (!isIsoDate(input.value) && input.value !== "") e.stopImmediatePropagation();
      check();
    },
    { capture: true },
  );
  return input;
}

/** A date field left with something that is not a day shows `inUse` again, the day still in use
 * (a day the view is judged on: there is no "no day"). */
export function keepDate(input: HTMLInputElement, inUse: string): void {
  if (isIsoDate(input.value)) return;
  input.value = inUse;
  input.classList.remove("invalid");
}

/** Makes a text box as tall as its text (never shorter than its rows), now and as it is typed
 * in, so a long list of needs or a paragraph of why shows whole. Returns the refit, for when
 * the value is set from code. */
export function growWithText(box: HTMLTextAreaElement): () => void {
  const fit = () => {
    if (!box.isConnected) return;
    box.style.height = "auto";
    // Not laid out (a hidden view): the browser's own height until it is.
    if (box.scrollHeight > 0) box.style.height = `${box.scrollHeight + 2}px`;
  };
  box.classList.add("grows");
  box.addEventListener("input", fit);
  requestAnimationFrame(fit);
  return fit;
}
