//! Our own content-stream interpreter: runs a page's operators and reports
//! glyphs and painted paths to the same output device pdf-extract drives
//! ([`super::device::PageCollector`]), with the same numbers.
//!
//! Why: pdf-extract's interpreter was two thirds of a conversion's CPU time
//! (lopdf's parser-combinator content parser, fonts rebuilt on every page,
//! a `String` allocated per glyph). This one reads the content bytes
//! directly ([`lexer`]), builds each font once per document ([`font`]) and
//! keeps pdf-extract's semantics exactly (its text and rendering matrices,
//! its handling of `cm`, q/Q, Form XObjects, widths and spacing), so that
//! pages read the same either way; a test checks that on every fixture.
//!
//! What it does not know it refuses with [`Unsupported`]; what it reported
//! of that page is thrown away and pdf-extract reads the page instead: Type3
//! and standard-14 fonts without widths, Type1 and compact font programs,
//! encodings other than Windows ANSI, Mac Roman and PDFDocEncoding, glyph
//! names outside the Windows ANSI set (and a few more), CMaps other than
//! Identity-H (so no vertical writing), named colour spaces, inline images,
//! and everything on which pdf-extract would panic. Colours are not
//! tracked: the device, which ignores them, is given a placeholder.

mod encoding;
mod font;
mod lexer;

use font::{deref, Font};
use lexer::{Lexer, Operand, Step};
use lopdf::{Dictionary, Document, Object, ObjectId};
use pdf_extract::{ColorSpace, MediaBox, OutputDev, Path, PathOp, Transform};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// Why a page is left to pdf-extract.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Unsupported(pub &'static str);

/// Form XObjects nested deeper than this are left to pdf-extract.
const MAX_FORM_DEPTH: u32 = 16;
/// Page-tree levels searched for inherited attributes.
const MAX_TREE_DEPTH: usize = 64;

/// Fonts built so far in one document, by font object; shared by the pages
/// (read in parallel).
#[derive(Default)]
pub struct FontCache {
    fonts: Mutex<HashMap<ObjectId, Result<Arc<Font>, Unsupported>>>,
}

impl FontCache {
    fn get(&self, doc: &Document, id: ObjectId) -> Result<Arc<Font>, Unsupported> {
        if let Some(found) = self.fonts.lock().map_err(|_| Unsupported("font cache"))?.get(&id) {
            return found.clone();
        }
        let built = match doc.get_object(id) {
            Ok(Object::Dictionary(dict)) => Font::build(doc, dict).map(Arc::new),
            _ => Err(Unsupported("font is not a dictionary")),
        };
        self.fonts.lock().map_err(|_| Unsupported("font cache"))?.insert(id, built.clone());
        built
    }
}

/// Reads one page into `out`, as `pdf_extract::output_doc_page` would.
pub fn interpret_page(
    doc: &Document,
    page_id: ObjectId,
    page_number: u32,
    fonts: &FontCache,
    out: &mut dyn OutputDev,
) -> Result<(), Unsupported> {
    let page = doc.get_dictionary(page_id).map_err(|_| Unsupported("page"))?;
    let empty = Dictionary::new();
    let resources = match inherited(doc, page, b"Resources", |o| matches!(o, Object::Dictionary(_)))? {
        Some(Object::Dictionary(d)) => d,
        _ => &empty,
    };
    let media_box =
        inherited(doc, page, b"MediaBox", |o| matches!(o, Object::Array(_)))?.ok_or(Unsupported("no media box"))?;
    let [llx, lly, urx, ury] = four_numbers(media_box)?;
    let art_box = match page.get(b"ArtBox").ok().map(|o| deref(doc, o)).transpose()? {
        Some(art @ Object::Array(_)) => Some(four_numbers(art).map(|[a, b, c, d]| (a, b, c, d))?),
        _ => None,
    };
    let content = doc.get_page_content(page_id).map_err(|_| Unsupported("page content"))?;
    let media_box = MediaBox { llx, lly, urx, ury };
    out.begin_page(page_number, &media_box, art_box).map_err(|_| Unsupported("output"))?;
    let mut interpreter = Interpreter {
        doc,
        fonts,
        page_fonts: HashMap::new(),
        out,
        form_depth: 0,
        hex_buffer: Vec::new(),
        font_resources: None,
    };
    interpreter.run(&content, resources)?;
    interpreter.out.end_page().map_err(|_| Unsupported("output"))
}

/// An inheritable page attribute: the nearest level where it is present
/// and of the wanted kind (pdf-extract looks further up otherwise).
fn inherited<'a>(
    doc: &'a Document,
    page: &'a Dictionary,
    key: &[u8],
    wanted: impl Fn(&Object) -> bool,
) -> Result<Option<&'a Object>, Unsupported> {
    let mut dict = page;
    for _ in 0..MAX_TREE_DEPTH {
        if let Ok(value) = dict.get(key) {
            let value = deref(doc, value)?;
            if wanted(value) {
                return Ok(Some(value));
            }
        }
        let Some(parent) = dict.get(b"Parent").and_then(Object::as_reference).ok() else { return Ok(None) };
        let Ok(parent) = doc.get_dictionary(parent) else { return Ok(None) };
        dict = parent;
    }
    Err(Unsupported("page tree too deep"))
}

/// The first four entries of a box array: direct numbers.
fn four_numbers(array: &Object) -> Result<[f64; 4], Unsupported> {
    let Object::Array(items) = array else { return Err(Unsupported("box")) };
    let numbers = items.iter().map(object_number).collect::<Option<Vec<f64>>>().ok_or(Unsupported("box"))?;
    match numbers.as_slice() {
        [a, b, c, d, ..] => Ok([*a, *b, *c, *d]),
        _ => Err(Unsupported("box")),
    }
}

fn object_number(object: &Object) -> Option<f64> {
    match object {
        Object::Integer(i) => Some(*i as f64),
        Object::Real(r) => Some(f64::from(*r)),
        _ => None,
    }
}

#[derive(Clone)]
struct TextState {
    font: Option<Arc<Font>>,
    font_size: f64,
    char_spacing: f64,
    word_spacing: f64,
    horizontal_scaling: f64,
    leading: f64,
    rise: f64,
    matrix: Transform,
}

#[derive(Clone)]
struct GraphicsState {
    ctm: Transform,
    text: TextState,
    /// Whether the stroke / fill colour space is a pattern (its colour
    /// operands are then not numbers).
    stroke_pattern: bool,
    fill_pattern: bool,
}

impl GraphicsState {
    fn new() -> Self {
        GraphicsState {
            ctm: Transform::identity(),
            text: TextState {
                font: None,
                font_size: f64::NAN,
                char_spacing: 0.0,
                word_spacing: 0.0,
                horizontal_scaling: 1.0,
                leading: 0.0,
                rise: 0.0,
                matrix: Transform::identity(),
            },
            stroke_pattern: false,
            fill_pattern: false,
        }
    }
}

struct Interpreter<'a, 'o> {
    doc: &'a Document,
    fonts: &'a FontCache,
    /// Fonts by resource name, for the whole page including its forms (as
    /// in pdf-extract: the first font a name stood for on the page stays).
    page_fonts: HashMap<Vec<u8>, Arc<Font>>,
    out: &'o mut dyn OutputDev,
    form_depth: u32,
    /// Reused for decoding hexadecimal strings.
    hex_buffer: Vec<u8>,
    /// The resources last found to have a font dictionary.
    font_resources: Option<&'a Dictionary>,
}

fn num(operands: &[Operand], i: usize) -> Result<f64, Unsupported> {
    match operands.get(i) {
        Some(Operand::Integer(v)) => Ok(*v as f64),
        Some(Operand::Real(v)) => Ok(f64::from(*v)),
        _ => Err(Unsupported("operand")),
    }
}

fn name<'b>(operands: &'b [Operand], i: usize) -> Result<&'b [u8], Unsupported> {
    match operands.get(i) {
        Some(Operand::Name(n)) => Ok(n),
        _ => Err(Unsupported("operand")),
    }
}

fn matrix(operands: &[Operand]) -> Result<Transform, Unsupported> {
    if operands.len() != 6 {
        return Err(Unsupported("matrix"));
    }
    Ok(Transform::row_major(
        num(operands, 0)?,
        num(operands, 1)?,
        num(operands, 2)?,
        num(operands, 3)?,
        num(operands, 4)?,
        num(operands, 5)?,
    ))
}

fn output<T>(result: Result<T, pdf_extract::OutputError>) -> Result<T, Unsupported> {
    result.map_err(|_| Unsupported("output"))
}

/// `dict[key]` as a dictionary, dereferenced; pdf-extract panics otherwise.
fn sub_dictionary<'a>(doc: &'a Document, dict: &'a Dictionary, key: &[u8]) -> Result<&'a Dictionary, Unsupported> {
    match dict.get(key).ok().map(|o| deref(doc, o)).transpose()? {
        Some(Object::Dictionary(d)) => Ok(d),
        _ => Err(Unsupported("missing resource")),
    }
}

impl<'a> Interpreter<'a, '_> {
    fn run(&mut self, content: &[u8], resources: &'a Dictionary) -> Result<(), Unsupported> {
        let mut gs = GraphicsState::new();
        let mut stack: Vec<GraphicsState> = Vec::new();
        // The text line matrix is not part of the graphics state (q/Q keep it).
        let mut line_matrix = Transform::identity();
        let mut path = Path { ops: Vec::new() };
        let mut lexer = Lexer::new(content);
        let mut operands: Vec<Operand> = Vec::with_capacity(8);
        // Colours do not matter to the device; it gets a placeholder.
        let colour_space = ColorSpace::DeviceGray;
        loop {
            let operator = match lexer.next(&mut operands) {
                Step::Operator(op) => op,
                Step::End => return Ok(()),
                Step::Unsupported => return Err(Unsupported("content syntax")),
            };
            let ops = operands.as_slice();
            match operator {
                b"BT" | b"ET" => {
                    line_matrix = Transform::identity();
                    gs.text.matrix = line_matrix;
                }
                b"cm" => gs.ctm = gs.ctm.pre_transform(&matrix(ops)?),
                b"CS" | b"cs" => {
                    let pattern = match name(ops, 0)? {
                        b"DeviceGray" | b"DeviceRGB" | b"DeviceCMYK" => false,
                        b"Pattern" => true,
                        _ => return Err(Unsupported("named colour space")),
                    };
                    if operator == b"CS" {
                        gs.stroke_pattern = pattern;
                    } else {
                        gs.fill_pattern = pattern;
                    }
                }
                b"SC" | b"SCN" | b"sc" | b"scn" => {
                    let pattern = if operator[0] == b'S' { gs.stroke_pattern } else { gs.fill_pattern };
                    if !pattern {
                        for i in 0..ops.len() {
                            num(ops, i)?;
                        }
                    }
                }
                b"TJ" => {
                    let Some(first) = ops.first() else { return Err(Unsupported("TJ")) };
                    if let Operand::Array(items) = first {
                        for item in items {
                            match item {
                                Operand::String(s) => self.show_text(&mut gs, s)?,
                                Operand::Hex(digits) => self.show_hex(&mut gs, digits)?,
                                Operand::Integer(_) | Operand::Real(_) => {
                                    let tj = match item {
                                        Operand::Integer(i) => *i as f64,
                                        Operand::Real(r) => f64::from(*r),
                                        _ => unreachable!(),
                                    };
                                    let ts = &mut gs.text;
                                    let w0 = 0.;
                                    let tx = ts.horizontal_scaling * ((w0 - tj / 1000.) * ts.font_size);
                                    ts.matrix = ts.matrix.pre_transform(&Transform::create_translation(tx, 0.));
                                }
                                _ => {}
                            }
                        }
                    }
                }
                b"Tj" => match ops.first() {
                    Some(Operand::String(s)) => self.show_text(&mut gs, s)?,
                    Some(Operand::Hex(digits)) => self.show_hex(&mut gs, digits)?,
                    _ => return Err(Unsupported("Tj")),
                },
                b"Tc" => gs.text.char_spacing = num(ops, 0)?,
                b"Tw" => gs.text.word_spacing = num(ops, 0)?,
                b"Tz" => gs.text.horizontal_scaling = num(ops, 0)? / 100.,
                b"TL" => gs.text.leading = num(ops, 0)?,
                b"Ts" => gs.text.rise = num(ops, 0)?,
                b"Tf" => {
                    let font = self.font(resources, name(ops, 0)?)?;
                    gs.text.font = Some(font);
                    gs.text.font_size = num(ops, 1)?;
                }
                b"Tm" => {
                    line_matrix = matrix(ops)?;
                    gs.text.matrix = line_matrix;
                    output(self.out.end_line())?;
                }
                b"Td" | b"TD" => {
                    if ops.len() != 2 {
                        return Err(Unsupported("Td"));
                    }
                    let (tx, ty) = (num(ops, 0)?, num(ops, 1)?);
                    if operator == b"TD" {
                        gs.text.leading = -ty;
                    }
                    line_matrix = line_matrix.pre_transform(&Transform::create_translation(tx, ty));
                    gs.text.matrix = line_matrix;
                    output(self.out.end_line())?;
                }
                b"T*" => {
                    line_matrix = line_matrix.pre_transform(&Transform::create_translation(0.0, -gs.text.leading));
                    gs.text.matrix = line_matrix;
                    output(self.out.end_line())?;
                }
                b"q" => stack.push(gs.clone()),
                b"Q" => {
                    if let Some(saved) = stack.pop() {
                        gs = saved;
                    }
                }
                b"gs" => self.check_ext_gstate(resources, name(ops, 0)?)?,
                b"w" => {
                    num(ops, 0)?;
                }
                b"m" => path.ops.push(PathOp::MoveTo(num(ops, 0)?, num(ops, 1)?)),
                b"l" => path.ops.push(PathOp::LineTo(num(ops, 0)?, num(ops, 1)?)),
                b"c" => path.ops.push(PathOp::CurveTo(
                    num(ops, 0)?,
                    num(ops, 1)?,
                    num(ops, 2)?,
                    num(ops, 3)?,
                    num(ops, 4)?,
                    num(ops, 5)?,
                )),
                b"v" => {
                    let (x, y) = match path.ops.last() {
                        Some(PathOp::MoveTo(x, y) | PathOp::LineTo(x, y) | PathOp::CurveTo(_, _, _, _, x, y)) => {
                            (*x, *y)
                        }
                        _ => return Err(Unsupported("v without a current point")),
                    };
                    path.ops.push(PathOp::CurveTo(x, y, num(ops, 0)?, num(ops, 1)?, num(ops, 2)?, num(ops, 3)?));
                }
                b"y" => {
                    let (x3, y3) = (num(ops, 2)?, num(ops, 3)?);
                    path.ops.push(PathOp::CurveTo(num(ops, 0)?, num(ops, 1)?, x3, y3, x3, y3));
                }
                b"h" => path.ops.push(PathOp::Close),
                b"re" => path.ops.push(PathOp::Rect(num(ops, 0)?, num(ops, 1)?, num(ops, 2)?, num(ops, 3)?)),
                b"S" => {
                    output(self.out.stroke(&gs.ctm, &colour_space, &[], &path))?;
                    path.ops.clear();
                }
                b"F" | b"f" => {
                    output(self.out.fill(&gs.ctm, &colour_space, &[], &path))?;
                    path.ops.clear();
                }
                b"n" => path.ops.clear(),
                b"Do" => self.draw_form(resources, name(ops, 0)?)?,
                _ => {}
            }
        }
    }

    /// The font a `Tf` names, built once per document.
    fn font(&mut self, resources: &'a Dictionary, font_name: &[u8]) -> Result<Arc<Font>, Unsupported> {
        let doc = self.doc;
        // The resources must have fonts even when the name is known
        // (pdf-extract looks them up first); checked once per resources.
        if !self.font_resources.is_some_and(|checked| std::ptr::eq(checked, resources)) {
            sub_dictionary(doc, resources, b"Font")?;
            self.font_resources = Some(resources);
        }
        if let Some(font) = self.page_fonts.get(font_name) {
            return Ok(font.clone());
        }
        let fonts = sub_dictionary(doc, resources, b"Font")?;
        let font = match fonts.get(font_name) {
            Ok(Object::Reference(id)) => self.fonts.get(doc, *id)?,
            Ok(Object::Dictionary(dict)) => Arc::new(Font::build(doc, dict)?),
            _ => return Err(Unsupported("missing font")),
        };
        self.page_fonts.insert(font_name.to_vec(), font.clone());
        Ok(font)
    }

    /// `gs` changes nothing the device sees, but pdf-extract panics on
    /// some states; those pages are left to it.
    fn check_ext_gstate(&self, resources: &'a Dictionary, state_name: &[u8]) -> Result<(), Unsupported> {
        let doc = self.doc;
        let states = sub_dictionary(doc, resources, b"ExtGState")?;
        let state = sub_dictionary(doc, states, state_name)?;
        for (key, value) in state.iter() {
            match key.as_slice() {
                b"SMask" => match deref(doc, value)? {
                    Object::Name(n) if n == b"None" => {}
                    Object::Dictionary(_) => {}
                    _ => return Err(Unsupported("soft mask")),
                },
                b"Type" => match value {
                    Object::Name(n) if n == b"ExtGState" => {}
                    _ => return Err(Unsupported("graphics state type")),
                },
                _ => {}
            }
        }
        Ok(())
    }

    /// `Do`: a form's content runs with a fresh graphics state (pdf-extract
    /// applies neither the current matrix nor the form's /Matrix); images
    /// were emptied when the document was prepared.
    fn draw_form(&mut self, resources: &'a Dictionary, xobject_name: &[u8]) -> Result<(), Unsupported> {
        let doc = self.doc;
        let xobjects = sub_dictionary(doc, resources, b"XObject")?;
        let Some(Object::Stream(stream)) = xobjects.get(xobject_name).ok().map(|o| deref(doc, o)).transpose()? else {
            return Err(Unsupported("missing XObject"));
        };
        let form_resources = match stream.dict.get(b"Resources").ok().map(|o| deref(doc, o)).transpose()? {
            Some(Object::Dictionary(d)) => d,
            _ => resources,
        };
        let content = if stream.filters().is_ok() {
            stream.decompressed_content().unwrap_or_else(|_| stream.content.clone())
        } else {
            stream.content.clone()
        };
        if self.form_depth >= MAX_FORM_DEPTH {
            return Err(Unsupported("forms nested too deep"));
        }
        self.form_depth += 1;
        let result = self.run(&content, form_resources);
        self.form_depth -= 1;
        result
    }

    fn show_hex(&mut self, gs: &mut GraphicsState, digits: &[u8]) -> Result<(), Unsupported> {
        let mut bytes = std::mem::take(&mut self.hex_buffer);
        bytes.clear();
        lexer::decode_hex(digits, &mut bytes);
        let result = self.show_text(gs, &bytes);
        self.hex_buffer = bytes;
        result
    }

    /// Shows a string glyph by glyph, as pdf-extract's `show_text` does:
    /// the rendering matrix excludes the font size, the width is the
    /// glyph's advance per unit of font size, and char spacing (plus word
    /// spacing on a one-byte code 32) moves the next glyph.
    fn show_text(&mut self, gs: &mut GraphicsState, bytes: &[u8]) -> Result<(), Unsupported> {
        let Some(font) = gs.text.font.clone() else { return Err(Unsupported("text without a font")) };
        output(self.out.begin_word())?;
        match &*font {
            Font::Simple { widths, text } => {
                for &code in bytes {
                    let glyph = text[usize::from(code)].as_deref().ok_or(Unsupported("undecodable code"))?;
                    self.show_glyph(gs, widths[usize::from(code)], code == 32, glyph)?;
                }
            }
            Font::Identity { widths, default_width, text } => {
                for pair in bytes.chunks_exact(2) {
                    let cid = u32::from(pair[0]) << 8 | u32::from(pair[1]);
                    let width = widths.get(&cid).copied().unwrap_or(*default_width);
                    let glyph = text.get(&cid).map(String::as_str).unwrap_or("");
                    self.show_glyph(gs, width, false, glyph)?;
                }
            }
        }
        output(self.out.end_word())
    }

    fn show_glyph(
        &mut self,
        gs: &mut GraphicsState,
        width: f64,
        word_space: bool,
        glyph: &str,
    ) -> Result<(), Unsupported> {
        let ts = &mut gs.text;
        let tsm = Transform::row_major(ts.horizontal_scaling, 0., 0., 1.0, 0., ts.rise);
        let trm = tsm.post_transform(&ts.matrix.post_transform(&gs.ctm));
        let w0 = width / 1000.;
        let mut spacing = ts.char_spacing;
        if word_space {
            spacing += ts.word_spacing;
        }
        output(self.out.output_character(&trm, w0, spacing, ts.font_size, glyph))?;
        let tj = 0.;
        let tx = ts.horizontal_scaling * ((w0 - tj / 1000.) * ts.font_size + spacing);
        ts.matrix = ts.matrix.pre_transform(&Transform::create_translation(tx, 0.));
        Ok(())
    }
}

/// The glyph names fonts may use in `/Differences` here (for the tests).
#[cfg(test)]
pub fn known_glyph_names() -> Vec<&'static str> {
    encoding::known_names()
}
