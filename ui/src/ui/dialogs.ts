// Modal messages and prompts inside the window: error dialogs branch on the error code for their
// headline, and nothing is ever a blank window.

import type { BackupEntry } from "../bindings/BackupEntry";
import { AppError, errorTitle } from "../ipc/errors";
import { h, isIsoDate } from "./dom";
import { fileSize } from "./labels";

export function showError(e: unknown, context?: string): Promise<void> {
  const err = AppError.from(e);
  // The core writes its reasons to fit inside a sentence; shown alone, they read as one.
  const reason = err.message.charAt(0).toUpperCase() + err.message.slice(1) + (/[.!?…]$/.test(err.message) ? "" : ".");
  return message(errorTitle(err), context ? `${context}\n\n${reason}` : reason, "error", err.code);
}

/**
 * The day typed into a date field, or undefined after telling the person it is not one and giving
 * the field the keyboard back. `what` names the day asked for ("the holiday's date"). A button
 * that reads a date field asks here: the field itself only marks what is not a date.
 */
export function typedDate(input: HTMLInputElement, what: string): string | undefined {
  const value = input.value.trim();
  if (isIsoDate(value)) return value;
  input.classList.add("invalid");
  const text =
    value === ""
      ? `Type ${what} first, as YYYY-MM-DD.`
      : `“${value}” is not a day on the calendar. Type ${what} as YYYY-MM-DD, for example 2026-12-24.`;
  void message("Not a date", text).then(() => {
    input.focus();
    input.select();
  });
  return undefined;
}

export function message(title: string, text: string, tone: "error" | "info" = "info", code?: string): Promise<void> {
  return new Promise((resolve) => {
    const close = () => {
      backdrop.remove();
      resolve();
    };
    const ok = h("button", { class: "primary", onclick: close }, "OK");
    const backdrop = h(
      "div",
      { class: "backdrop", role: "presentation" },
      h(
        "div",
        { class: `dialog ${tone}`, role: "alertdialog", "aria-modal": "true", "aria-labelledby": "dialog-title", "data-code": code },
        h("h2", { id: "dialog-title" }, title),
        h("p", { class: "dialog-text" }, text),
        h("div", { class: "dialog-buttons" }, ok),
      ),
    );
    backdrop.addEventListener("keydown", (e) => {
      if (e.key === "Escape" || e.key === "Enter") {
        e.preventDefault();
        close();
      }
    });
    document.body.append(backdrop);
    ok.focus();
  });
}

export function prompt(title: string, label: string, initial = ""): Promise<string | undefined> {
  return new Promise((resolve) => {
    const input = h("input", { type: "text", value: initial, "aria-label": label });
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
          onsubmit: (e: Event) => {
            e.preventDefault();
            done(input.value.trim() || undefined);
          },
        },
        h("h2", {}, title),
        h("label", {}, label, input),
        h(
          "div",
          { class: "dialog-buttons" },
          h("button", { type: "button", onclick: () => done(undefined) }, "Cancel"),
          h("button", { type: "submit", class: "primary" }, "OK"),
        ),
      ),
    );
    backdrop.addEventListener("keydown", (e) => {
      if (e.key === "Escape") done(undefined);
    });
    document.body.append(backdrop);
    input.focus();
    input.select();
  });
}

/** A yes/no question; resolves true for yes. A `destructive` yes is drawn as a danger and the
 * focus starts on "no", so Enter never destroys by reflex. */
export function ask(title: string, text: string, yes = "Yes", no = "Not now", destructive = false): Promise<boolean> {
  return new Promise((resolve) => {
    const done = (answer: boolean) => {
      backdrop.remove();
      resolve(answer);
    };
    const yesButton = h(
      "button",
      { type: "button", class: destructive ? "danger" : "primary", name: "yes", onclick: () => done(true) },
      yes,
    );
    const noButton = h("button", { type: "button", class: destructive ? "primary" : "", name: "no", onclick: () => done(false) }, no);
    const backdrop = h(
      "div",
      { class: "backdrop" },
      h(
        "div",
        { class: "dialog", role: "alertdialog", "aria-modal": "true" },
        h("h2", {}, title),
        h("p", { class: "dialog-text" }, text),
        h("div", { class: "dialog-buttons" }, noButton, yesButton),
      ),
    );
    backdrop.addEventListener("keydown", (e) => {
      if (e.key === "Escape") done(false);
    });
    document.body.append(backdrop);
    (destructive ? noButton : yesButton).focus();
  });
}

/** Asks before something would lose unsaved work. Resolves true only for the explicit "lose it"
 * button; Escape, Enter and the focused default keep the work. */
export function askToDiscard(title: string, text: string, discard: string, keep: string): Promise<boolean> {
  return new Promise((resolve) => {
    const done = (answer: boolean) => {
      backdrop.remove();
      resolve(answer);
    };
    const keepButton = h("button", { type: "button", class: "primary", name: "keep", onclick: () => done(false) }, keep);
    const backdrop = h(
      "div",
      { class: "backdrop" },
      h(
        "div",
        { class: "dialog error", role: "alertdialog", "aria-modal": "true" },
        h("h2", {}, title),
        h("p", { class: "dialog-text" }, text),
        h(
          "div",
          { class: "dialog-buttons" },
          h("button", { type: "button", class: "danger", name: "discard", onclick: () => done(true) }, discard),
          keepButton,
        ),
      ),
    );
    backdrop.addEventListener("keydown", (e) => {
      if (e.key === "Escape") done(false);
    });
    document.body.append(backdrop);
    keepButton.focus();
  });
}

/** Lets the user pick one of a project's backups; resolves to its path, or undefined. */
export function chooseBackup(backups: BackupEntry[]): Promise<string | undefined> {
  return new Promise((resolve) => {
    const done = (path: string | undefined) => {
      backdrop.remove();
      resolve(path);
    };
    const rows = backups.map((b) =>
      h(
        "li",
        {},
        h("span", {}, `${b.taken.replace("T", " ")} · ${fileSize(b.bytes)}`),
        h("button", { type: "button", "data-backup": b.path, onclick: () => done(b.path) }, "Restore…"),
      ),
    );
    const backdrop = h(
      "div",
      { class: "backdrop" },
      h(
        "div",
        { class: "dialog", role: "dialog", "aria-modal": "true", "aria-labelledby": "backups-title" },
        h("h2", { id: "backups-title" }, "Restore a backup"),
        backups.length
          ? h("ul", { class: "backup-list" }, ...rows)
          : h("p", {}, "No backups yet: Journeymap backs a project up when it is opened and every 10 minutes while it is edited."),
        h("div", { class: "dialog-buttons" }, h("button", { type: "button", onclick: () => done(undefined) }, "Close")),
      ),
    );
    backdrop.addEventListener("keydown", (e) => {
      if (e.key === "Escape") done(undefined);
    });
    document.body.append(backdrop);
    (backdrop.querySelector("button") as HTMLButtonElement | null)?.focus();
  });
}
