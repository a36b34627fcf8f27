// Cards' pictures as the canvas draws them: decoded once per picture, off the drawing path, and
// the canvas told to draw again when one is ready. No DOM beyond the decoder.

import type { Picture } from "../bindings/Picture";

const decoded = new Map<string, ImageBitmap | "pending" | "failed">();
let onReady: () => void = () => undefined;

/** What to call when a picture has been decoded (the canvas draws again). */
export function whenPicturesReady(callback: () => void): void {
  onReady = callback;
}

function bytes(base64: string): Uint8Array {
  const text = atob(base64);
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
  return out;
}

/** The decoded picture, or undefined while it is being decoded (or could not be). */
export function pictureImage(p: Picture): ImageBitmap | undefined {
  const known = decoded.get(p.id);
  if (known === undefined) {
    decoded.set(p.id, "pending");
    if (typeof createImageBitmap === "function")
      void createImageBitmap(new Blob([bytes(p.data) as BlobPart], { type: p.mediaType }))
        .then((image) => {
          decoded.set(p.id, image);
          onReady();
        })
        .catch(() => decoded.set(p.id, "failed"));
    return undefined;
  }
  return typeof known === "object" ? known : undefined;
}

/** A picture as a data URL (for an <img>). */
export function pictureUrl(p: { mediaType: string; data: string }): string {
  return `data:${p.mediaType};base64,${p.data}`;
}
