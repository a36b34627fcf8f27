//! Turning an image a person drops, pastes or chooses into a picture a card (or a persona, as
//! a smaller portrait) can keep: PNG, JPEG or WebP, read within limits, shrunk to at most 1600
//! pixels a side and 1 MB (a portrait 512 pixels and 256 KB), written as PNG
//! (when it has transparency) or JPEG. What cannot be read gets a clear error and changes
//! nothing; SVG drawings are refused with what to do instead.

pub use crate::model::PictureData;
use crate::model::{PictureFit, PictureType};
use crate::{Error, Result};
use image::{DynamicImage, GenericImageView, ImageFormat, ImageReader};
use std::io::Cursor;
use std::path::Path;

/// The largest image file read (it is shrunk to 1 MB).
pub const MAX_PICTURE_INPUT_BYTES: usize = 30 * 1024 * 1024;
/// The largest image read, in pixels a side (a 20,000-pixel panorama still fits).
const MAX_INPUT_SIDE: u32 = 20_000;

fn megabytes(n: usize) -> String {
    format!("{:.1} MB", n as f64 / (1024.0 * 1024.0))
}

/// The picture in an image file, for a card.
pub fn read_picture(path: &Path) -> Result<PictureData> {
    read_within(path, PictureFit::CARD)
}

/// The picture in an image file, as a persona's portrait (smaller).
pub fn read_portrait(path: &Path) -> Result<PictureData> {
    read_within(path, PictureFit::PORTRAIT)
}

fn read_within(path: &Path, fit: PictureFit) -> Result<PictureData> {
    let bytes = crate::text::read_input(path, MAX_PICTURE_INPUT_BYTES as u64)?;
    picture_within(&bytes, fit)
}

/// The picture in pasted image bytes, as base64 (how the window hands them over), for a card.
pub fn picture_from_base64(data: &str) -> Result<PictureData> {
    base64_within(data, PictureFit::CARD)
}

/// The picture in pasted image bytes, as base64, as a persona's portrait.
pub fn portrait_from_base64(data: &str) -> Result<PictureData> {
    base64_within(data, PictureFit::PORTRAIT)
}

fn base64_within(data: &str, fit: PictureFit) -> Result<PictureData> {
    use ::base64::Engine;
    // Four base64 characters carry three bytes: refuse what would be too large before decoding.
    if data.len() / 4 * 3 > MAX_PICTURE_INPUT_BYTES + 3 {
        return Err(too_large(data.len() / 4 * 3));
    }
    let bytes = ::base64::engine::general_purpose::STANDARD
        .decode(data.trim())
        .map_err(|e| unreadable(&format!("the pasted data is not base64: {e}")))?;
    picture_within(&bytes, fit)
}

fn too_large(n: usize) -> Error {
    Error::InvalidInput(format!(
        "the image is {}; pictures up to {} are taken (and shrunk to 1 MB). Save a smaller \
         copy and try again",
        megabytes(n),
        megabytes(MAX_PICTURE_INPUT_BYTES)
    ))
}

/// The picture in an image's bytes (pasted, or read from a file), for a card.
pub fn picture_from_bytes(bytes: &[u8]) -> Result<PictureData> {
    picture_within(bytes, PictureFit::CARD)
}

/// The picture in an image's bytes, shrunk to `fit`.
pub fn picture_within(bytes: &[u8], fit: PictureFit) -> Result<PictureData> {
    if bytes.len() > MAX_PICTURE_INPUT_BYTES {
        return Err(too_large(bytes.len()));
    }
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(256)]).to_lowercase();
    if head.contains("<svg") || head.trim_start().starts_with("<?xml") {
        return Err(Error::InvalidInput(
            "SVG drawings are not taken as pictures; export the drawing as PNG and add that".into(),
        ));
    }
    let mut reader = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|e| unreadable(&e.to_string()))?;
    match reader.format() {
        Some(ImageFormat::Png | ImageFormat::Jpeg | ImageFormat::WebP) => {}
        _ => {
            return Err(unreadable(
                "it is not a PNG, JPEG or WebP image (save it as one of those first)",
            ))
        }
    }
    // A JPEG cut short (a download that stopped) decodes without complaint, the missing part
    // grey: without its end marker it is refused. (The marker cannot occur inside the image
    // data, which escapes every 0xFF byte.)
    if reader.format() == Some(ImageFormat::Jpeg) && !bytes.windows(2).any(|w| w == [0xFF, 0xD9]) {
        return Err(unreadable("it looks cut short (the JPEG has no end)"));
    }
    let mut limits = image::Limits::default();
    limits.max_image_width = Some(MAX_INPUT_SIDE);
    limits.max_image_height = Some(MAX_INPUT_SIDE);
    limits.max_alloc = Some(1024 * 1024 * 1024);
    reader.limits(limits);
    let image = reader
        .decode()
        .map_err(|e| unreadable(&format!("it looks damaged or cut short ({e})")))?;
    fit_to(image, fit)
}

fn unreadable(why: &str) -> Error {
    Error::InvalidInput(format!("the picture cannot be read: {why}"))
}

/// Shrinks to `fit` (at most 1600 pixels a side and 1 MB for a card), keeping transparency
/// when there is some.
fn fit_to(image: DynamicImage, fit: PictureFit) -> Result<PictureData> {
    let mut image = shrink(image, fit.side);
    let transparent = image.color().has_alpha() && image.to_rgba8().pixels().any(|p| p.0[3] < 255);
    if transparent {
        let png = encode(&image, ImageFormat::Png, 0)?;
        if png.len() <= fit.bytes {
            return Ok(data(PictureType::Png, &image, png));
        }
    }
    // A photo (or a transparent picture too large as PNG, laid on white) as JPEG: lower quality
    // first, then fewer pixels, until it fits.
    let mut flat = DynamicImage::ImageRgb8(on_white(&image));
    for _ in 0..12 {
        for quality in [85u8, 75, 65, 55] {
            let jpeg = encode(&flat, ImageFormat::Jpeg, quality)?;
            if jpeg.len() <= fit.bytes {
                return Ok(data(PictureType::Jpeg, &flat, jpeg));
            }
        }
        let (w, h) = flat.dimensions();
        flat = shrink(flat, (w.max(h) * 4 / 5).max(1));
        image = flat.clone();
    }
    let _ = image;
    Err(Error::InvalidInput(
        "the picture cannot be made small enough to keep".into(),
    ))
}

fn shrink(image: DynamicImage, side: u32) -> DynamicImage {
    let (w, h) = image.dimensions();
    if w <= side && h <= side {
        return image;
    }
    image.resize(side, side, image::imageops::FilterType::Triangle)
}

fn on_white(image: &DynamicImage) -> image::RgbImage {
    let rgba = image.to_rgba8();
    let mut out = image::RgbImage::new(rgba.width(), rgba.height());
    for (x, y, p) in rgba.enumerate_pixels() {
        let a = u16::from(p.0[3]);
        let mix = |c: u8| ((u16::from(c) * a + 255 * (255 - a)) / 255) as u8;
        out.put_pixel(x, y, image::Rgb([mix(p.0[0]), mix(p.0[1]), mix(p.0[2])]));
    }
    out
}

fn encode(image: &DynamicImage, format: ImageFormat, quality: u8) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    let result = match format {
        ImageFormat::Jpeg => image.write_with_encoder(
            image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, quality),
        ),
        _ => image.write_to(&mut Cursor::new(&mut out), ImageFormat::Png),
    };
    result.map_err(|e| Error::InvalidInput(format!("the picture cannot be written: {e}")))?;
    Ok(out)
}

fn data(media_type: PictureType, image: &DynamicImage, bytes: Vec<u8>) -> PictureData {
    let (width, height) = image.dimensions();
    PictureData {
        media_type,
        width,
        height,
        data: bytes,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{MAX_PICTURE_BYTES, MAX_PORTRAIT_BYTES, MAX_PORTRAIT_SIDE};

    fn noise(w: u32, h: u32, alpha: bool) -> Vec<u8> {
        // Noise compresses badly: a realistic worst case for size.
        let mut seed = 0x2545_F491_u32;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 17;
            seed ^= seed << 5;
            (seed & 0xFF) as u8
        };
        let image = if alpha {
            DynamicImage::ImageRgba8(image::RgbaImage::from_fn(w, h, |x, _| {
                image::Rgba([next(), next(), next(), if x % 7 == 0 { 0 } else { 255 }])
            }))
        } else {
            DynamicImage::ImageRgb8(image::RgbImage::from_fn(w, h, |_, _| {
                image::Rgb([next(), next(), next()])
            }))
        };
        let mut out = Vec::new();
        image
            .write_to(&mut Cursor::new(&mut out), ImageFormat::Png)
            .unwrap();
        out
    }

    #[test]
    fn portraits_are_shrunk_further_than_card_pictures() {
        let photo = noise(2000, 3000, false);
        let portrait = picture_within(&photo, PictureFit::PORTRAIT).unwrap();
        assert_eq!((portrait.width, portrait.height), (341, MAX_PORTRAIT_SIDE));
        assert!(portrait.data.len() <= MAX_PORTRAIT_BYTES);
        assert_eq!(portrait.problem(PictureFit::PORTRAIT), None);
        let card = picture_from_bytes(&photo).unwrap();
        assert!(card.problem(PictureFit::PORTRAIT).is_some());
        assert_eq!(card.problem(PictureFit::CARD), None);
    }

    #[test]
    fn large_pictures_are_shrunk_to_fit_and_small_ones_kept_as_they_are() {
        let big = picture_from_bytes(&noise(3000, 2000, false)).unwrap();
        assert_eq!((big.width, big.height), (1600, 1067));
        assert!(big.data.len() <= MAX_PICTURE_BYTES, "{}", big.data.len());
        assert_eq!(big.media_type, PictureType::Jpeg);
        assert_eq!(PictureType::sniff(&big.data), Some(PictureType::Jpeg));

        let clear = picture_from_bytes(&noise(300, 200, true)).unwrap();
        assert_eq!((clear.width, clear.height), (300, 200));
        assert_eq!(clear.media_type, PictureType::Png, "transparency is kept");

        let photo = picture_from_bytes(&noise(640, 480, false)).unwrap();
        assert_eq!((photo.width, photo.height), (640, 480));
    }

    #[test]
    fn a_jpeg_cut_short_is_refused() {
        let photo = picture_from_bytes(&noise(320, 200, false)).unwrap();
        assert_eq!(photo.media_type, PictureType::Jpeg);
        assert!(
            picture_from_bytes(&photo.data).is_ok(),
            "whole, it is taken"
        );
        let half = &photo.data[..photo.data.len() / 2];
        let err = picture_from_bytes(half).unwrap_err();
        assert!(err.to_string().contains("cut short"), "{err}");
    }

    #[test]
    fn what_is_not_a_picture_gets_a_clear_error() {
        let svg = b"<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"/>";
        assert!(picture_from_bytes(svg)
            .unwrap_err()
            .to_string()
            .contains("export the drawing as PNG"));
        let err = picture_from_bytes(b"\x89PNG\r\n\x1a\nnot really").unwrap_err();
        assert_eq!(err.code(), crate::ErrorCode::InvalidInput);
        assert!(err.to_string().contains("damaged or cut short"), "{err}");
        let err = picture_from_bytes(b"GIF89a......").unwrap_err();
        assert!(
            err.to_string().contains("not a PNG, JPEG or WebP image"),
            "{err}"
        );
        let huge = vec![0u8; MAX_PICTURE_INPUT_BYTES + 1];
        let err = picture_from_bytes(&huge).unwrap_err();
        assert!(err.to_string().contains("30.0 MB"), "{err}");
    }
}
