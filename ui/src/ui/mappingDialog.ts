// The mapping step every spreadsheet import shares: one select per field naming the file's
// column, a few import-wide choices, a preview of the first rows as they will import, every
// problem by line, and an Import button that stays disabled while any row is bad.

import type { LineError } from "../bindings/LineError";
import { AppError, errorTitle } from "../ipc/errors";
import { clear, h } from "./dom";
import { count } from "../model/words";

export interface Preview<M> {
  headers: string[];
  mapping: M;
  totalRows: number;
  errorCount: number;
  errors: LineError[];
}

export interface MappingSpec<M, P extends Preview<M>> {
  title: string;
  hint: string;
  /** Field, label, required: each gets a select of the file's columns. */
  fields: Array<[keyof M & string, string, boolean]>;
  /** Import-wide choices (a default stage, a map…) and how they change the mapping. */
  extras?: Array<{ label: string; select: HTMLSelectElement; apply: (m: M, value: string) => M }>;
  /** The core's preview of the file under a mapping. */
  preview: (mapping: M) => Promise<P>;
  /** The preview's table of rows. */
  rows: (p: P) => HTMLElement;
  /** Extra lines under "N rows are ready" (what will be created, …). */
  notes?: (p: P) => string[];
  /** Reads every row under the mapping and adds them; throws with the bad lines. */
  run: (mapping: M) => Promise<void>;
}

export function mappingDialog<M, P extends Preview<M>>(first: P, spec: MappingSpec<M, P>): void {
  let mapping = first.mapping;
  const field = (m: M, f: keyof M & string) => (m as unknown as Record<string, number | null | undefined>)[f];
  const selects = spec.fields.map(([name, label, required]) => {
    const select = h(
      "select",
      { name: `map-${name}`, "aria-label": label },
      ...(required ? [] : [h("option", { value: "" }, "(none)")]),
      ...first.headers.map((header, i) => h("option", { value: String(i) }, header || `Column ${i + 1}`)),
    );
    const current = field(mapping, name);
    select.value = current === null || current === undefined ? "" : String(current);
    select.addEventListener("change", () => void refresh());
    return { name, select, el: h("label", {}, label, select) };
  });
  const extras = spec.extras ?? [];
  for (const x of extras) x.select.addEventListener("change", () => void refresh());
  const table = h("div", { class: "preview", role: "region", "aria-label": "Preview" });
  const problems = h("div", { class: "problems", role: "status", "aria-live": "polite" });
  const importButton = h("button", { type: "button", class: "primary", name: "import" }, "Import");
  const cancel = h("button", { type: "button", name: "cancel" }, "Cancel");
  const backdrop = h(
    "div",
    { class: "backdrop" },
    h(
      "div",
      { class: "dialog wide", role: "dialog", "aria-modal": "true", "aria-labelledby": "import-title" },
      h("h2", { id: "import-title" }, spec.title),
      h("p", { class: "hint" }, spec.hint),
      h("div", { class: "mapping" }, ...selects.map((s) => s.el), ...extras.map((x) => h("label", {}, x.label, x.select))),
      table,
      problems,
      h("div", { class: "dialog-buttons" }, cancel, importButton),
    ),
  );
  const done = () => backdrop.remove();
  cancel.addEventListener("click", done);
  backdrop.addEventListener("keydown", (e) => {
    if (e.key === "Escape") done();
  });
  document.body.append(backdrop);

  function show(p: P): void {
    table.replaceChildren(spec.rows(p));
    clear(problems);
    if (p.errorCount === 0) {
      problems.append(h("p", { class: "ok" }, `${count(p.totalRows, "row")} ${p.totalRows === 1 ? "is" : "are"} ready to import.`));
      for (const note of spec.notes?.(p) ?? []) problems.append(h("p", { class: "hint" }, note));
    } else {
      problems.append(
        h(
          "p",
          { class: "error" },
          `${p.errorCount} of ${count(p.totalRows, "row")} cannot be imported; fix them in the file or change the columns. Nothing is imported while any row is bad.`,
        ),
        h("ul", {}, ...p.errors.slice(0, 20).map((e) => h("li", {}, `Line ${e.line}: ${e.message}`))),
      );
    }
    importButton.disabled = p.errorCount > 0 || p.totalRows === 0;
    importButton.textContent = `Import ${count(p.totalRows, "row")}`;
  }

  async function refresh(): Promise<void> {
    let next = { ...mapping };
    for (const s of selects)
      (next as unknown as Record<string, number | null>)[s.name] = s.select.value === "" ? null : Number(s.select.value);
    for (const x of extras) next = x.apply(next, x.select.value);
    mapping = next;
    try {
      show(await spec.preview(mapping));
    } catch (e) {
      const err = AppError.from(e);
      problems.replaceChildren(h("p", { class: "error" }, `${errorTitle(err)}: ${err.message}`));
      importButton.disabled = true;
    }
  }

  importButton.addEventListener("click", async () => {
    importButton.disabled = true;
    problems.replaceChildren(h("progress", { "aria-label": "Importing" }), h("span", {}, " Importing…"));
    try {
      await spec.run(mapping);
      done();
    } catch (e) {
      const err = AppError.from(e);
      problems.replaceChildren(h("p", { class: "error", "data-code": err.code }, `${errorTitle(err)}: ${err.message}`));
    }
  });
  show(first);
  importButton.focus();
}

/** A preview table: a header row, then one row per line (a bad line spans the row with why). */
export function previewTable<R extends { line: number; error: string | null }>(
  columns: string[],
  rows: R[],
  cells: (r: R) => string[],
): HTMLElement {
  return h(
    "table",
    { class: "grid-table" },
    h("thead", {}, h("tr", {}, h("th", {}, "Line"), ...columns.map((c) => h("th", {}, c)))),
    h(
      "tbody",
      {},
      ...rows.map((r) =>
        r.error
          ? h("tr", { class: "bad" }, h("td", {}, String(r.line)), h("td", { colspan: columns.length }, r.error))
          : h("tr", {}, h("td", {}, String(r.line)), ...cells(r).map((c) => h("td", {}, c))),
      ),
    ),
  );
}
