//! Image XObject stream → grayscale raster.
//!
//! Scanners and scan-to-PDF tools store a page as one JPEG (DCTDecode) or as
//! Flate-compressed samples (gray, RGB, 1-bit, indexed). Those are decoded
//! here; CCITT fax, JBIG2 and JPEG 2000 are not (they would need their own
//! codecs) and are reported by name so the page can be skipped with a warning.

use super::raster::Gray;
use lopdf::{Document, Object, Stream};

/// Why an image could not be decoded.
#[derive(Debug, Clone, PartialEq)]
pub enum DecodeError {
    /// An encoding we have no codec for (the filter's name).
    Unsupported(String),
    /// The data does not decode.
    Damaged(String),
}

/// Decodes an image XObject to gray, row 0 being the image's first (top) row.
pub fn decode(doc: &Document, image: &Stream) -> Result<Gray, DecodeError> {
    let dict = &image.dict;
    let width = positive(dict.get(b"Width").and_then(Object::as_i64).ok())?;
    let height = positive(dict.get(b"Height").and_then(Object::as_i64).ok())?;
    let filters: Vec<Vec<u8>> = image.filters().map(|f| f.into_iter().map(<[u8]>::to_vec).collect()).unwrap_or_default();
    let gray = match filters.last().map(Vec::as_slice) {
        Some(b"DCTDecode") if filters.len() == 1 => decode_jpeg(&image.content)?,
        Some(b"DCTDecode") => return Err(DecodeError::Unsupported("DCTDecode after another filter".into())),
        Some(b"FlateDecode" | b"LZWDecode" | b"ASCII85Decode") | None => {
            let samples = image.decompressed_content().map_err(|e| DecodeError::Damaged(e.to_string()))?;
            let layout = SampleLayout::of(doc, image)?;
            layout.to_gray(&samples, width, height)?
        }
        Some(other) => return Err(DecodeError::Unsupported(String::from_utf8_lossy(other).into_owned())),
    };
    if gray.width != width || gray.height != height {
        return Err(DecodeError::Damaged(format!("image is {}x{}, not {width}x{height}", gray.width, gray.height)));
    }
    Ok(if inverted_decode(doc, image) { invert(gray) } else { gray })
}

fn positive(v: Option<i64>) -> Result<usize, DecodeError> {
    match v {
        Some(n) if n > 0 && n <= 100_000 => Ok(n as usize),
        _ => Err(DecodeError::Damaged("missing or absurd image size".into())),
    }
}

fn decode_jpeg(data: &[u8]) -> Result<Gray, DecodeError> {
    use jpeg_decoder::PixelFormat;
    let mut decoder = jpeg_decoder::Decoder::new(data);
    let pixels = decoder.decode().map_err(|e| DecodeError::Damaged(format!("JPEG: {e}")))?;
    let info = decoder.info().ok_or_else(|| DecodeError::Damaged("JPEG without a frame".into()))?;
    let gray: Vec<u8> = match info.pixel_format {
        PixelFormat::L8 => pixels,
        PixelFormat::L16 => pixels.chunks_exact(2).map(|p| p[0]).collect(),
        PixelFormat::RGB24 => pixels.chunks_exact(3).map(|p| luma(p[0], p[1], p[2])).collect(),
        PixelFormat::CMYK32 => pixels.chunks_exact(4).map(|p| cmyk_gray(p[0], p[1], p[2], p[3])).collect(),
    };
    Ok(Gray { width: info.width as usize, height: info.height as usize, pixels: gray })
}

fn luma(r: u8, g: u8, b: u8) -> u8 {
    ((299 * r as u32 + 587 * g as u32 + 114 * b as u32) / 1000) as u8
}

fn cmyk_gray(c: u8, m: u8, y: u8, k: u8) -> u8 {
    let ink = (30 * c as u32 + 59 * m as u32 + 11 * y as u32) / 100 + k as u32;
    255 - ink.min(255) as u8
}

/// How raw samples are laid out: components per pixel, bits per component,
/// and (for /Indexed) the palette in gray.
struct SampleLayout {
    components: usize,
    bits: usize,
    palette: Option<Vec<u8>>,
    /// An /ImageMask paints where the sample is 0.
    mask: bool,
}

impl SampleLayout {
    fn of(doc: &Document, image: &Stream) -> Result<Self, DecodeError> {
        let dict = &image.dict;
        let mask = dict.get(b"ImageMask").and_then(Object::as_bool).unwrap_or(false);
        let bits = dict.get(b"BitsPerComponent").and_then(Object::as_i64).unwrap_or(1) as usize;
        if !matches!(bits, 1 | 2 | 4 | 8 | 16) {
            return Err(DecodeError::Damaged(format!("{bits} bits per component")));
        }
        if mask {
            return Ok(SampleLayout { components: 1, bits: 1, palette: None, mask });
        }
        let space = dict.get(b"ColorSpace").ok().map(|o| resolve(doc, o));
        let (components, palette) = color_space(doc, space)?;
        Ok(SampleLayout { components, bits, palette, mask })
    }

    fn to_gray(&self, samples: &[u8], width: usize, height: usize) -> Result<Gray, DecodeError> {
        let stride = (width * self.components * self.bits).div_ceil(8);
        if samples.len() < stride * height {
            return Err(DecodeError::Damaged("image data shorter than its size".into()));
        }
        let rows = samples.chunks_exact(stride).take(height);
        let pixels: Vec<u8> = if self.components == 1 && self.bits == 8 && self.palette.is_none() && !self.mask {
            // The common scan: 8-bit gray, taken as it is.
            rows.flat_map(|row| row[..width].iter().copied()).collect()
        } else {
            let max = ((1u32 << self.bits.min(8)) - 1) as f32;
            let mut pixels = Vec::with_capacity(width * height);
            let mut values = [0u32; 4];
            for row in rows {
                for x in 0..width {
                    for (c, v) in values.iter_mut().enumerate().take(self.components) {
                        *v = sample(row, x * self.components + c, self.bits);
                    }
                    pixels.push(self.pixel_gray(&values[..self.components], max));
                }
            }
            pixels
        };
        Ok(Gray { width, height, pixels })
    }

    fn pixel_gray(&self, values: &[u32], max: f32) -> u8 {
        if self.mask {
            return if values[0] == 0 { 0 } else { 255 };
        }
        if let Some(palette) = &self.palette {
            return palette.get(values[0] as usize).copied().unwrap_or(255);
        }
        let scale = |v: u32| (v as f32 / max * 255.0).round() as u8;
        match values {
            [g] => scale(*g),
            [r, g, b] => luma(scale(*r), scale(*g), scale(*b)),
            [c, m, y, k] => cmyk_gray(scale(*c), scale(*m), scale(*y), scale(*k)),
            other => other.first().map(|&v| scale(v)).unwrap_or(255),
        }
    }
}

/// The `index`th sample of a row, for any bit depth (16-bit keeps the high byte).
fn sample(row: &[u8], index: usize, bits: usize) -> u32 {
    match bits {
        8 => row[index] as u32,
        16 => row[index * 2] as u32,
        _ => {
            let bit = index * bits;
            let byte = row[bit / 8] as u32;
            let shift = 8 - bits - bit % 8;
            (byte >> shift) & ((1 << bits) - 1)
        }
    }
}

/// Components per pixel and, for /Indexed, the palette as gray.
fn color_space(doc: &Document, space: Option<&Object>) -> Result<(usize, Option<Vec<u8>>), DecodeError> {
    let Some(space) = space else { return Ok((1, None)) };
    if let Ok(name) = space.as_name() {
        return Ok((components_of_name(name), None));
    }
    let array = space.as_array().map_err(|_| DecodeError::Damaged("bad /ColorSpace".into()))?;
    let family = array.first().and_then(|o| o.as_name().ok()).unwrap_or(b"");
    match family {
        b"ICCBased" => {
            let n = array
                .get(1)
                .map(|o| resolve(doc, o))
                .and_then(|o| o.as_stream().ok())
                .and_then(|s| s.dict.get(b"N").and_then(Object::as_i64).ok())
                .unwrap_or(3);
            Ok((n.clamp(1, 4) as usize, None))
        }
        b"Indexed" => Ok((1, Some(indexed_palette(doc, array)?))),
        b"CalGray" => Ok((1, None)),
        b"CalRGB" | b"Lab" => Ok((3, None)),
        other => Err(DecodeError::Unsupported(format!("color space {}", String::from_utf8_lossy(other)))),
    }
}

fn components_of_name(name: &[u8]) -> usize {
    match name {
        b"DeviceRGB" | b"RGB" => 3,
        b"DeviceCMYK" | b"CMYK" => 4,
        _ => 1,
    }
}

/// `[/Indexed base hival lookup]` → one gray level per index.
fn indexed_palette(doc: &Document, array: &[Object]) -> Result<Vec<u8>, DecodeError> {
    let (base_components, _) = color_space(doc, array.get(1).map(|o| resolve(doc, o)))?;
    let lookup = match array.get(3).map(|o| resolve(doc, o)) {
        Some(Object::String(bytes, _)) => bytes.clone(),
        Some(Object::Stream(s)) => s.decompressed_content().map_err(|e| DecodeError::Damaged(e.to_string()))?,
        _ => return Err(DecodeError::Damaged("indexed image without a palette".into())),
    };
    Ok(lookup
        .chunks_exact(base_components)
        .map(|c| match c {
            [g] => *g,
            [r, g, b] => luma(*r, *g, *b),
            [c, m, y, k] => cmyk_gray(*c, *m, *y, *k),
            _ => 255,
        })
        .collect())
}

/// `/Decode [1 0]` swaps black and white (common for 1-bit scans).
fn inverted_decode(doc: &Document, image: &Stream) -> bool {
    let Ok(decode) = image.dict.get(b"Decode") else { return false };
    let Ok(values) = resolve(doc, decode).as_array() else { return false };
    let number = |i: usize| values.get(i).and_then(|o| o.as_float().ok());
    matches!((number(0), number(1)), (Some(a), Some(b)) if a > b)
}

fn invert(mut gray: Gray) -> Gray {
    for p in &mut gray.pixels {
        *p = 255 - *p;
    }
    gray
}

fn resolve<'a>(doc: &'a Document, object: &'a Object) -> &'a Object {
    doc.dereference(object).map(|(_, o)| o).unwrap_or(object)
}

#[cfg(test)]
mod tests {
    use super::*;
    use lopdf::{dictionary, Stream};

    fn raw_image(dict: lopdf::Dictionary, data: Vec<u8>) -> Stream {
        Stream::new(dict, data)
    }

    #[test]
    fn flate_free_gray_samples_decode_as_is() {
        let s = raw_image(
            dictionary! { "Width" => 2, "Height" => 1, "BitsPerComponent" => 8, "ColorSpace" => "DeviceGray" },
            vec![10, 200],
        );
        assert_eq!(decode(&Document::new(), &s).unwrap().pixels, vec![10, 200]);
    }

    #[test]
    fn one_bit_samples_are_black_where_zero_and_decode_can_invert() {
        let s = raw_image(
            dictionary! { "Width" => 3, "Height" => 1, "BitsPerComponent" => 1, "ColorSpace" => "DeviceGray" },
            vec![0b0100_0000],
        );
        assert_eq!(decode(&Document::new(), &s).unwrap().pixels, vec![0, 255, 0]);
        let inverted = raw_image(
            dictionary! { "Width" => 3, "Height" => 1, "BitsPerComponent" => 1, "Decode" => vec![1.into(), 0.into()] },
            vec![0b0100_0000],
        );
        assert_eq!(decode(&Document::new(), &inverted).unwrap().pixels, vec![255, 0, 255]);
    }

    #[test]
    fn rgb_becomes_luma() {
        let s = raw_image(
            dictionary! { "Width" => 1, "Height" => 1, "BitsPerComponent" => 8, "ColorSpace" => "DeviceRGB" },
            vec![255, 255, 255],
        );
        assert_eq!(decode(&Document::new(), &s).unwrap().pixels, vec![255]);
    }

    #[test]
    fn fax_and_jbig2_are_named_as_unsupported() {
        let s = raw_image(dictionary! { "Width" => 1, "Height" => 1, "Filter" => "CCITTFaxDecode" }, vec![0]);
        assert_eq!(decode(&Document::new(), &s), Err(DecodeError::Unsupported("CCITTFaxDecode".into())));
    }

    #[test]
    fn short_data_is_damaged_not_a_panic() {
        let s = raw_image(dictionary! { "Width" => 100, "Height" => 100, "BitsPerComponent" => 8 }, vec![0; 10]);
        assert!(matches!(decode(&Document::new(), &s), Err(DecodeError::Damaged(_))));
    }
}
