// Errors as they cross IPC: `{code, message}`. The UI branches on the code only.

import type { ErrorCode } from "../bindings/ErrorCode";
import type { ErrorPayload } from "../bindings/ErrorPayload";

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode | "ipc",
    message: string,
  ) {
    super(message);
  }

  static from(e: unknown): AppError {
    if (e instanceof AppError) return e;
    if (typeof e === "object" && e !== null && "code" in e && "message" in e) {
      const p = e as ErrorPayload;
      return new AppError(p.code, p.message);
    }
    const text = e instanceof Error ? e.message : String(e);
    // Tauri's own words when the core could not read what the window sent (a date that is not on
    // the calendar, a number out of range): the core never saw it, so it is refused like any
    // content the core will not take, and never retried as if the disk were at fault.
    const unread = /^invalid args `(\w+)` for command `\w+`: (.*)$/s.exec(text);
    if (unread) return new AppError("invalid-input", `a value in the ${unread[1]} could not be read (${unread[2]})`);
    return new AppError("ipc", text);
  }
}

/** A headline for an error dialog, chosen by code. */
export function errorTitle(e: AppError): string {
  switch (e.code) {
    case "file-not-found":
      return "File not found";
    case "empty-file":
    case "not-a-project-file":
    case "foreign-application":
      return "Not a Journeymap project";
    case "corrupt-file":
      return "The project file is damaged";
    case "file-too-new":
      return "Made by a newer Journeymap";
    case "file-exists":
      return "File already exists";
    case "file-in-use":
      return "Already open in another window";
    case "invalid-project":
    case "invalid-input":
      return "That change was not accepted";
    case "invalid-json":
    case "unsupported-format-version":
      return "Cannot read that document";
    case "invalid-import":
      return "Nothing was imported";
    case "not-found":
      return "Not found";
    case "io":
    case "database":
    case "ipc":
      return "Could not save or load";
  }
}
