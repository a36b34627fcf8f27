// Edit → Find… (Ctrl+F): a bar over the map to type words into; Enter steps to the next card or
// note holding them (Shift+Enter back), selecting it and bringing it into view, on whichever map
// it is. Escape closes the bar and gives the keyboard back to the map.

import type { Editor } from "../editor/editor";
import { findMatches, type Match } from "../model/find";
import { h } from "./dom";

export class FindBar {
  readonly input = h("input", { type: "search", name: "find", placeholder: "Find cards and notes", "aria-label": "Find cards and notes" });
  private readonly status = h("span", { class: "find-status", role: "status", "aria-live": "polite" });
  readonly root: HTMLElement;
  private matches: Match[] = [];
  private at = -1;
  /** What the matches were found for: the words and the document's version. */
  private foundFor = "";
  private foundIn: unknown;
  /** The card or note this bar last selected. */
  private shown: string | undefined;
  /** Called when the bar closes, to give the keyboard back to the map. */
  onClose: () => void = () => undefined;

  constructor(private readonly editor: Editor) {
    const button = (label: string, text: string, onclick: () => void, name: string) =>
      h("button", { type: "button", title: label, "aria-label": label, name, onclick }, text);
    this.root = h(
      "div",
      { class: "find-bar", role: "search", hidden: true },
      this.input,
      this.status,
      button("Previous match (Shift+Enter)", "↑", () => this.step(-1), "findPrevious"),
      button("Next match (Enter)", "↓", () => this.step(1), "findNext"),
      button("Close (Escape)", "×", () => this.close(), "findClose"),
    );
    this.input.addEventListener("input", () => {
      this.at = -1;
      this.step(1);
    });
    this.input.addEventListener("keydown", (e) => {
      if (e.key === "Enter") {
        e.preventDefault();
        e.stopPropagation();
        this.step(e.shiftKey ? -1 : 1);
      }
    });
    // Escape closes the bar wherever in it the keyboard is (the box or a button).
    this.root.addEventListener("keydown", (e) => {
      if (e.key === "Escape") {
        e.preventDefault();
        e.stopPropagation();
        this.close();
      }
    });
  }

  get isOpen(): boolean {
    return !this.root.hidden;
  }

  /** Shows the bar with its words selected, ready to be typed over, counting their matches in
   * the project as it is now (another project may have been opened since). */
  open(): void {
    this.root.hidden = false;
    this.input.focus();
    this.input.select();
    this.refind();
    const [selected] = this.editor.selection;
    this.at = this.matches.findIndex((m) => m.id === selected);
    this.describe();
  }

  close(): void {
    if (this.root.hidden) return;
    this.root.hidden = true;
    this.onClose();
  }

  /** Goes to the next (1) or previous (-1) match, wrapping around. */
  step(direction: 1 | -1): void {
    this.refind();
    const n = this.matches.length;
    if (n === 0) {
      // The card an earlier letter matched is no answer to these words.
      const [selected] = this.editor.selection;
      if (selected && selected === this.shown && this.editor.selection.size === 1) this.editor.clearSelection();
      this.at = -1;
      this.describe();
      return;
    }
    this.at = this.at < 0 ? (direction > 0 ? 0 : n - 1) : (this.at + direction + n) % n;
    const m = this.matches[this.at]!;
    const e = this.editor;
    const item = e.doc.get(m.kind, m.id);
    if (item) {
      if (m.mapId !== e.mapId) e.setMap(m.mapId);
      e.select([m.id]);
      this.shown = m.id;
      // Clear of the headers and of this bar.
      e.reveal(item, 48, this.root.offsetTop + this.root.offsetHeight);
    }
    this.describe();
  }

  /** Finds again when the words or the document changed since the last search, keeping the
   * place on the match that was current. */
  private refind(): void {
    const key = `${this.input.value}\n${this.editor.doc.version}`;
    if (key === this.foundFor && this.foundIn === this.editor.doc) return;
    const current = this.matches[this.at]?.id;
    this.foundFor = key;
    this.foundIn = this.editor.doc;
    this.matches = findMatches(this.editor.doc, this.input.value, this.editor.mapId);
    this.at = current ? this.matches.findIndex((m) => m.id === current) : -1;
  }

  private describe(): void {
    const n = this.matches.length;
    this.status.textContent = !this.input.value.trim() ? "" : n === 0 ? "No match" : this.at < 0 ? `${n} found` : `${this.at + 1} of ${n}`;
    this.root.classList.toggle("none", this.input.value.trim() !== "" && n === 0);
  }
}
