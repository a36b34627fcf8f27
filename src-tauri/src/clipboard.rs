//! The picture on the system clipboard. WebKitGTK hands a paste event no image file when the
//! clipboard holds image data (a screenshot, a copied picture), so the shell reads it from GTK.

use journeymap::Error;

/// The clipboard's image as PNG bytes; GTK's clipboard wants the main thread.
#[cfg(target_os = "linux")]
pub fn image_png() -> Result<Vec<u8>, Error> {
    let clipboard = gtk::Clipboard::get(&gtk::gdk::SELECTION_CLIPBOARD);
    let image = clipboard.wait_for_image().ok_or_else(nothing)?;
    image
        .save_to_bufferv("png", &[])
        .map_err(|e| Error::InvalidInput(format!("the clipboard's picture cannot be read: {e}")))
}

#[cfg(not(target_os = "linux"))]
pub fn image_png() -> Result<Vec<u8>, Error> {
    Err(nothing())
}

fn nothing() -> Error {
    Error::InvalidInput(
        "the clipboard holds no picture: copy an image (PNG, JPEG or WebP) first, or choose a \
         file"
            .into(),
    )
}
