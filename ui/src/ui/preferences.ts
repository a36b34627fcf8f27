// The person's own settings, kept by this app on this machine (not in project files): the name
// their comments are signed with. Edit → Preferences… changes it; the first comment asks for it.

import { h } from "./dom";

const AUTHOR_KEY = "journeymap.author";

export function authorName(): string {
  try {
    return localStorage.getItem(AUTHOR_KEY) ?? "";
  } catch {
    return "";
  }
}

export function setAuthorName(name: string): void {
  try {
    localStorage.setItem(AUTHOR_KEY, name.trim());
  } catch {
    // A webview without storage keeps the name for this session only.
  }
}

/** Edit → Preferences…: the name comments are signed with. Resolves to the name, or undefined
 * when cancelled. */
export function editPreferences(why = ""): Promise<string | undefined> {
  return new Promise((resolve) => {
    const input = h("input", { type: "text", name: "authorName", value: authorName(), "aria-label": "Your name" });
    const done = (value: string | undefined) => {
      backdrop.remove();
      resolve(value);
    };
    const backdrop = h(
      "div",
      { class: "backdrop" },
      h(
        "form",
        {
          class: "dialog",
          role: "dialog",
          "aria-modal": "true",
          "aria-labelledby": "preferences-title",
          onsubmit: (ev: Event) => {
            ev.preventDefault();
            const name = input.value.trim();
            if (!name) return input.focus();
            setAuthorName(name);
            done(name);
          },
        },
        h("h2", { id: "preferences-title" }, "Preferences"),
        why ? h("p", { class: "dialog-text" }, why) : null,
        h("label", {}, "Your name (signs your comments)", input),
        h(
          "div",
          { class: "dialog-buttons" },
          h("button", { type: "button", onclick: () => done(undefined) }, "Cancel"),
          h("button", { type: "submit", class: "primary", name: "savePreferences" }, "Save"),
        ),
      ),
    );
    backdrop.addEventListener("keydown", (ev) => {
      if (ev.key === "Escape") done(undefined);
    });
    document.body.append(backdrop);
    input.focus();
    input.select();
  });
}

/** The name to sign with, asking once if none is set; undefined when the person cancels. */
export async function signature(): Promise<string | undefined> {
  return authorName() || (await editPreferences("Comments are signed with your name. Set it once; Edit → Preferences… changes it."));
}
