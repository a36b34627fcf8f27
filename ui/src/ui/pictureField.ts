// The picture field a card's panel and a persona's card share: the picture shown, a Choose…
// button, a box that takes a pasted image, and Remove. The core reads and shrinks what arrives
// (a card's picture to 1600 pixels, a portrait to 512); what it refuses is said, nothing changes.

import { pickFileToOpen } from "./filePicker";
import type { PictureData } from "../bindings/PictureData";
import type { Backend, PictureUse } from "../ipc/backend";
import { pictureUrl } from "../render/pictures";
import { h } from "./dom";

export interface PictureFieldOptions {
  /** What the picture is for: a card's picture or a persona's portrait. */
  use: PictureUse;
  /** Whose picture, in the dialog's title and the image's description ("the card", "Maya"). */
  whose: () => string;
  /** The picture now, and a key that changes when it does (to decode it only then). */
  current: () => { key: string; picture: PictureData } | undefined;
  set: (picture: PictureData) => void;
  remove: () => void;
  onError: (error: unknown) => void;
  backend: Backend;
  /** Said under the field (where else pictures come from, how large they are kept). */
  hint: string;
}

const keys = new WeakMap<PictureData, string>();
let nextKey = 0;

/** A key per picture object (a record edited keeps its picture object): an <img> is given new
 * bytes to decode only when the picture is another one. */
export function pictureKey(picture: PictureData): string {
  let key = keys.get(picture);
  if (key === undefined) {
    key = `picture-${nextKey++}`;
    keys.set(picture, key);
  }
  return key;
}

/** Base64 of bytes, in slices (a spread of a whole photo would overflow the stack). */
export function base64Of(buffer: ArrayBuffer): string {
  let text = "";
  const view = new Uint8Array(buffer);
  for (let i = 0; i < view.length; i += 0x8000) text += String.fromCharCode(...view.subarray(i, i + 0x8000));
  return btoa(text);
}

export function pictureField(o: PictureFieldOptions): { root: HTMLElement; refresh: () => void } {
  const noun = o.use === "portrait" ? "portrait" : "picture";
  const shown = h("img", { class: o.use === "portrait" ? "portrait-picture" : "card-picture", alt: "" });
  const none = h("span", { class: "muted" }, o.use === "portrait" ? "No portrait: the initials stand in." : "No picture.");
  const guarded = async (read: () => Promise<PictureData>) => {
    try {
      o.set(await read());
    } catch (err) {
      o.onError(err);
    }
  };
  // A box that takes a paste (Ctrl+V) of an image from anywhere.
  const paste = h(
    "div",
    { class: "picture-paste", contenteditable: "true", role: "textbox", "aria-label": `Paste a ${noun} here`, spellcheck: "false" },
    `Paste a ${noun} here (Ctrl+V)`,
  );
  paste.addEventListener("beforeinput", (ev) => ev.preventDefault());
  paste.addEventListener("paste", (ev) => {
    ev.preventDefault();
    const data = ev.clipboardData;
    const file =
      [...(data?.files ?? [])].find((f) => f.type.startsWith("image/")) ??
      [...(data?.items ?? [])].find((i) => i.kind === "file" && i.type.startsWith("image/"))?.getAsFile();
    if (file) void file.arrayBuffer().then((buffer) => guarded(() => o.backend.pictureFromData(base64Of(buffer), o.use)));
    // WebKitGTK gives a paste of image data (a screenshot, a copied picture) no file: the shell
    // reads the system clipboard instead, and says so when it holds no picture.
    else void guarded(() => o.backend.pictureFromClipboard(o.use));
  });
  const remove = h("button", { type: "button", name: "removePicture", onclick: () => o.remove() }, "Remove");
  const choose = h(
    "button",
    {
      type: "button",
      name: "choosePicture",
      onclick: async () => {
        const path = await pickFileToOpen({
          title: `Choose a ${noun} for ${o.whose()}`,
          filters: [{ name: "Pictures", extensions: ["png", "jpg", "jpeg", "webp"] }],
        });
        if (!path) return;
        await guarded(() => o.backend.readPicture(path, o.use));
      },
    },
    "Choose…",
  );
  const refresh = () => {
    const now = o.current();
    shown.hidden = !now;
    none.hidden = !!now;
    remove.disabled = !now;
    if (now && shown.dataset.picture !== now.key) {
      shown.src = pictureUrl(now.picture);
      shown.dataset.picture = now.key;
      shown.alt = `The ${noun} of ${o.whose()}`;
    }
  };
  refresh();
  const root = h(
    "div",
    { class: "field picture-field", role: "group", "aria-label": o.use === "portrait" ? "Portrait" : "Picture" },
    h("span", { class: "field-label" }, o.use === "portrait" ? "Portrait" : "Picture"),
    shown,
    none,
    h("div", { class: "button-row" }, choose, remove),
    paste,
    h("span", { class: "hint" }, o.hint),
  );
  return { root, refresh };
}
