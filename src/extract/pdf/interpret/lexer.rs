//! A content-stream tokenizer over the raw bytes: one operation (operands,
//! then the operator) at a time, with no allocation for the common tokens.
//!
//! Why its own: lopdf's parser-combinator `Content::decode` cost ~390 CPU
//! instructions per content byte, half of reading a page. This one accepts
//! exactly the syntax lopdf's lenient content parser accepts (which is what
//! pdf-extract interprets), including where that parser silently stops:
//! operands separated only by space, tab, CR or LF; comments only before an
//! operation; reals read as `f32`. A stream is read up to the first
//! operation it cannot parse, as lopdf does.

use std::borrow::Cow;

/// Deepest array/dictionary nesting lopdf parses (it fails beyond 100).
const MAX_NESTING: usize = 90;
/// Deepest nesting of parentheses inside a literal string lopdf accepts.
const MAX_PARENS: usize = 100;

#[derive(Debug, Clone, PartialEq)]
pub enum Operand<'a> {
    Null,
    Bool(bool),
    Integer(i64),
    /// PDF reals are single precision in lopdf, and so in pdf-extract.
    Real(f32),
    Name(Cow<'a, [u8]>),
    /// A literal string, decoded to its bytes.
    String(Cow<'a, [u8]>),
    /// A hexadecimal string as written between `<` and `>` (checked, not
    /// yet decoded: most are decoded once, straight into a reused buffer).
    Hex(&'a [u8]),
    Array(Vec<Operand<'a>>),
    /// Contents are not needed by the interpreter (marked-content properties).
    Dictionary,
    /// `n g R` inside an array or dictionary.
    Reference,
}

/// What the next step of the stream is.
#[derive(Debug, PartialEq)]
pub enum Step<'a> {
    /// An operator; its operands are in the vector passed to [`Lexer::next`].
    Operator(&'a [u8]),
    /// End of the stream, or of what lopdf would parse of it.
    End,
    /// Syntax this reader leaves to pdf-extract (inline images, extreme nesting).
    Unsupported,
}

pub struct Lexer<'a> {
    bytes: &'a [u8],
    pos: usize,
}

/// White space between operands and after operators (lopdf's content space).
fn is_content_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\r' | b'\n')
}

/// PDF white space (7.2.2).
fn is_white(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0 | 0x0C)
}

fn is_delimiter(b: u8) -> bool {
    matches!(b, b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%')
}

fn is_regular(b: u8) -> bool {
    !is_white(b) && !is_delimiter(b)
}

fn hex_value(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

/// Failure inside an operand: `Fail` backtracks (lopdf tries the next
/// alternative or stops), `Deep` abandons the stream to pdf-extract.
#[derive(Debug)]
enum Miss {
    Fail,
    Deep,
}

impl<'a> Lexer<'a> {
    pub fn new(bytes: &'a [u8]) -> Self {
        let mut lexer = Lexer { bytes, pos: 0 };
        lexer.skip_content_space();
        lexer
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn starts_with(&self, prefix: &[u8]) -> bool {
        self.bytes[self.pos..].starts_with(prefix)
    }

    fn skip_content_space(&mut self) {
        while self.pos < self.bytes.len() && is_content_space(self.bytes[self.pos]) {
            self.pos += 1;
        }
    }

    /// A `%` comment through its end of line; `false` (nothing consumed)
    /// when there is no comment or it is not ended by a line break.
    fn comment(&mut self) -> bool {
        if self.peek() != Some(b'%') {
            return false;
        }
        let mut i = self.pos + 1;
        while i < self.bytes.len() && !matches!(self.bytes[i], b'\r' | b'\n') {
            i += 1;
        }
        match self.bytes.get(i) {
            Some(b'\r') if self.bytes.get(i + 1) == Some(&b'\n') => self.pos = i + 2,
            Some(_) => self.pos = i + 1,
            None => return false,
        }
        true
    }

    /// White space and comments, as allowed inside arrays and dictionaries.
    fn skip_space(&mut self) {
        loop {
            let start = self.pos;
            while self.pos < self.bytes.len() && is_white(self.bytes[self.pos]) {
                self.pos += 1;
            }
            if !self.comment() && self.pos == start {
                return;
            }
        }
    }

    /// The next operation: its operands are left in `operands`.
    pub fn next(&mut self, operands: &mut Vec<Operand<'a>>) -> Step<'a> {
        operands.clear();
        while self.comment() {}
        if self.starts_with(b"BI") {
            return Step::Unsupported;
        }
        loop {
            let start = self.pos;
            match self.operand(MAX_NESTING) {
                Ok(operand) => {
                    operands.push(operand);
                    self.skip_content_space();
                }
                Err(Miss::Deep) => return Step::Unsupported,
                Err(Miss::Fail) => {
                    self.pos = start;
                    break;
                }
            }
        }
        let start = self.pos;
        while self.pos < self.bytes.len()
            && matches!(self.bytes[self.pos], b'a'..=b'z' | b'A'..=b'Z' | b'*' | b'\'' | b'"')
        {
            self.pos += 1;
        }
        if self.pos == start {
            return Step::End;
        }
        let operator = &self.bytes[start..self.pos];
        self.skip_content_space();
        Step::Operator(operator)
    }

    /// One operand at the current position (lopdf's order of alternatives).
    fn operand(&mut self, depth: usize) -> Result<Operand<'a>, Miss> {
        let Some(b) = self.peek() else { return Err(Miss::Fail) };
        match b {
            b'n' if self.starts_with(b"null") => {
                self.pos += 4;
                Ok(Operand::Null)
            }
            b't' if self.starts_with(b"true") => {
                self.pos += 4;
                Ok(Operand::Bool(true))
            }
            b'f' if self.starts_with(b"false") => {
                self.pos += 5;
                Ok(Operand::Bool(false))
            }
            b'0'..=b'9' | b'+' | b'-' | b'.' => self.number(),
            b'/' => Ok(Operand::Name(self.name())),
            b'(' => self.literal_string().map(Operand::String),
            b'<' if self.bytes.get(self.pos + 1) == Some(&b'<') => self.dictionary(depth),
            b'<' => self.hex_string().map(Operand::Hex),
            b'[' => self.array(depth),
            _ => Err(Miss::Fail),
        }
    }

    /// An element of an array or a dictionary value: like an operand, but
    /// `n g R` is a reference, and space includes comments.
    fn direct_object(&mut self, depth: usize) -> Result<Operand<'a>, Miss> {
        if depth == 0 {
            return Err(Miss::Deep);
        }
        let start = self.pos;
        if self.reference() {
            return Ok(Operand::Reference);
        }
        self.pos = start;
        let object = self.operand(depth - 1)?;
        self.skip_space();
        Ok(object)
    }

    fn reference(&mut self) -> bool {
        let digits = |lexer: &mut Lexer| {
            let start = lexer.pos;
            while lexer.peek().is_some_and(|b| b.is_ascii_digit()) {
                lexer.pos += 1;
            }
            lexer.pos > start
        };
        if !digits(self) {
            return false;
        }
        self.skip_space();
        if !digits(self) {
            return false;
        }
        self.skip_space();
        if self.peek() != Some(b'R') {
            return false;
        }
        self.pos += 1;
        self.skip_space();
        true
    }

    fn array(&mut self, depth: usize) -> Result<Operand<'a>, Miss> {
        self.pos += 1;
        self.skip_space();
        let mut items = Vec::with_capacity(16);
        loop {
            if self.peek() == Some(b']') {
                self.pos += 1;
                return Ok(Operand::Array(items));
            }
            let start = self.pos;
            match self.direct_object(depth) {
                Ok(item) => items.push(item),
                Err(Miss::Fail) => {
                    self.pos = start;
                    return Err(Miss::Fail);
                }
                Err(deep) => return Err(deep),
            }
        }
    }

    fn dictionary(&mut self, depth: usize) -> Result<Operand<'a>, Miss> {
        self.pos += 2;
        self.skip_space();
        loop {
            if self.starts_with(b">>") {
                self.pos += 2;
                return Ok(Operand::Dictionary);
            }
            if self.peek() != Some(b'/') {
                return Err(Miss::Fail);
            }
            self.name();
            self.skip_space();
            self.direct_object(depth)?;
        }
    }

    /// `[+-]? (digits '.' digits? | '.' digits)` is a real, `[+-]? digits`
    /// an integer.
    fn number(&mut self) -> Result<Operand<'a>, Miss> {
        let bytes = self.bytes;
        let start = self.pos;
        let mut i = start;
        if matches!(bytes.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        let int_start = i;
        while bytes.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        let int_digits = i - int_start;
        if bytes.get(i) == Some(&b'.') {
            let frac_start = i + 1;
            let mut j = frac_start;
            while bytes.get(j).is_some_and(u8::is_ascii_digit) {
                j += 1;
            }
            if int_digits > 0 || j > frac_start {
                self.pos = j;
                return Ok(Operand::Real(parse_real(&bytes[start..j], int_start - start, int_digits)));
            }
        }
        if int_digits == 0 {
            return Err(Miss::Fail);
        }
        let text = &bytes[start..i];
        let value = if int_digits <= 18 {
            let mut v: i64 = 0;
            for &d in &bytes[int_start..i] {
                v = v * 10 + i64::from(d - b'0');
            }
            if bytes[start] == b'-' {
                -v
            } else {
                v
            }
        } else {
            std::str::from_utf8(text).ok().and_then(|t| t.parse::<i64>().ok()).ok_or(Miss::Fail)?
        };
        self.pos = i;
        Ok(Operand::Integer(value))
    }

    fn name(&mut self) -> Cow<'a, [u8]> {
        self.pos += 1;
        let start = self.pos;
        let bytes = self.bytes;
        while self.pos < bytes.len() && is_regular(bytes[self.pos]) && bytes[self.pos] != b'#' {
            self.pos += 1;
        }
        if bytes.get(self.pos) != Some(&b'#') {
            return Cow::Borrowed(&bytes[start..self.pos]);
        }
        let mut name = bytes[start..self.pos].to_vec();
        while self.pos < bytes.len() {
            let b = bytes[self.pos];
            if b == b'#' {
                let (Some(hi), Some(lo)) = (
                    bytes.get(self.pos + 1).and_then(|&c| hex_value(c)),
                    bytes.get(self.pos + 2).and_then(|&c| hex_value(c)),
                ) else {
                    break;
                };
                name.push(hi << 4 | lo);
                self.pos += 3;
            } else if is_regular(b) {
                name.push(b);
                self.pos += 1;
            } else {
                break;
            }
        }
        Cow::Owned(name)
    }

    fn literal_string(&mut self) -> Result<Cow<'a, [u8]>, Miss> {
        let bytes = self.bytes;
        let start = self.pos + 1;
        // Fast path: no escapes, balanced parentheses.
        let mut depth = 0usize;
        let mut i = start;
        while i < bytes.len() {
            match bytes[i] {
                b'\\' => break,
                b'(' => {
                    depth += 1;
                    if depth > MAX_PARENS {
                        return Err(Miss::Fail);
                    }
                }
                b')' if depth == 0 => {
                    self.pos = i + 1;
                    return Ok(Cow::Borrowed(&bytes[start..i]));
                }
                b')' => depth -= 1,
                _ => {}
            }
            i += 1;
        }
        if i >= bytes.len() {
            return Err(Miss::Fail);
        }
        // With escapes: decode byte by byte.
        let mut out = bytes[start..i].to_vec();
        loop {
            let &b = bytes.get(i).ok_or(Miss::Fail)?;
            i += 1;
            match b {
                b'\\' => {
                    let &e = bytes.get(i).ok_or(Miss::Fail)?;
                    match e {
                        b'0'..=b'7' => {
                            let mut value: u16 = 0;
                            let mut n = 0;
                            while n < 3 && matches!(bytes.get(i), Some(b'0'..=b'7')) {
                                value = value * 8 + u16::from(bytes[i] - b'0');
                                i += 1;
                                n += 1;
                            }
                            out.push(value as u8);
                        }
                        b'\r' => {
                            i += 1;
                            if bytes.get(i) == Some(&b'\n') {
                                i += 1;
                            }
                        }
                        b'\n' => i += 1,
                        b'n' | b'r' | b't' | b'b' | b'f' => {
                            out.push(match e {
                                b'n' => b'\n',
                                b'r' => b'\r',
                                b't' => b'\t',
                                b'b' => 0x08,
                                _ => 0x0C,
                            });
                            i += 1;
                        }
                        other => {
                            out.push(other);
                            i += 1;
                        }
                    }
                }
                b'(' => {
                    depth += 1;
                    if depth > MAX_PARENS {
                        return Err(Miss::Fail);
                    }
                    out.push(b);
                }
                b')' if depth == 0 => {
                    self.pos = i;
                    return Ok(Cow::Owned(out));
                }
                b')' => {
                    depth -= 1;
                    out.push(b);
                }
                _ => out.push(b),
            }
        }
    }

    fn hex_string(&mut self) -> Result<&'a [u8], Miss> {
        let bytes = self.bytes;
        let start = self.pos + 1;
        let mut i = start;
        loop {
            let &b = bytes.get(i).ok_or(Miss::Fail)?;
            if b == b'>' {
                self.pos = i + 1;
                return Ok(&bytes[start..i]);
            }
            if !is_white(b) && hex_value(b).is_none() {
                return Err(Miss::Fail);
            }
            i += 1;
        }
    }
}

/// The bytes of a hexadecimal string's digits (white space skipped, an odd
/// last digit padded with 0), appended to `out`.
pub fn decode_hex(digits: &[u8], out: &mut Vec<u8>) {
    let mut high: Option<u8> = None;
    for &b in digits {
        let Some(v) = hex_value(b) else { continue };
        match high.take() {
            Some(h) => out.push(h << 4 | v),
            None => high = Some(v),
        }
    }
    if let Some(h) = high {
        out.push(h << 4);
    }
}

/// The `f32` Rust's (and so lopdf's) parser gives for a decimal real.
/// Common short numbers take the exact fast path: an integer mantissa below
/// 2^24 divided by a power of ten up to 10^10, both exact in `f32`, is one
/// correctly rounded division.
fn parse_real(text: &[u8], sign_len: usize, int_digits: usize) -> f32 {
    let digits = &text[sign_len..];
    let frac_digits = digits.len() - int_digits - 1;
    if digits.len() - 1 <= 7 && frac_digits <= 10 {
        let mut mantissa: u32 = 0;
        for &d in digits.iter().filter(|d| d.is_ascii_digit()) {
            mantissa = mantissa * 10 + u32::from(d - b'0');
        }
        let value = mantissa as f32 / POWERS_OF_TEN[frac_digits];
        return if text[0] == b'-' { -value } else { value };
    }
    std::str::from_utf8(text).ok().and_then(|t| t.parse::<f32>().ok()).unwrap_or(0.0)
}

const POWERS_OF_TEN: [f32; 11] = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10];

#[cfg(test)]
mod tests {
    use super::*;
    use lopdf::content::Content;
    use lopdf::Object;

    /// The operations as (operator, operands) with operands in lopdf's terms.
    fn lex(src: &[u8]) -> Vec<(String, Vec<Operand<'_>>)> {
        let mut lexer = Lexer::new(src);
        let mut operands = Vec::new();
        let mut out = Vec::new();
        loop {
            match lexer.next(&mut operands) {
                Step::Operator(op) => out.push((String::from_utf8(op.to_vec()).unwrap(), operands.clone())),
                Step::End => return out,
                Step::Unsupported => panic!("unsupported"),
            }
        }
    }

    fn same(a: &Operand, b: &Object) -> bool {
        match (a, b) {
            (Operand::Null, Object::Null) => true,
            (Operand::Bool(x), Object::Boolean(y)) => x == y,
            (Operand::Integer(x), Object::Integer(y)) => x == y,
            (Operand::Real(x), Object::Real(y)) => x.to_bits() == y.to_bits(),
            (Operand::Name(x), Object::Name(y)) => x.as_ref() == y.as_slice(),
            (Operand::String(x), Object::String(y, _)) => x.as_ref() == y.as_slice(),
            (Operand::Hex(x), Object::String(y, _)) => {
                let mut bytes = Vec::new();
                decode_hex(x, &mut bytes);
                &bytes == y
            }
            (Operand::Array(x), Object::Array(y)) => x.len() == y.len() && x.iter().zip(y).all(|(a, b)| same(a, b)),
            (Operand::Dictionary, Object::Dictionary(_)) => true,
            (Operand::Reference, Object::Reference(_)) => true,
            _ => false,
        }
    }

    /// Our reading equals lopdf's, operation for operation.
    fn agrees_with_lopdf(src: &[u8]) {
        let ours = lex(src);
        let theirs = Content::decode(src).unwrap().operations;
        assert_eq!(ours.len(), theirs.len(), "{}: {ours:?} vs {theirs:?}", String::from_utf8_lossy(src));
        for ((op, operands), theirs) in ours.iter().zip(&theirs) {
            assert_eq!(op, &theirs.operator);
            assert_eq!(operands.len(), theirs.operands.len(), "{op}");
            for (a, b) in operands.iter().zip(&theirs.operands) {
                assert!(same(a, b), "{op}: {a:?} vs {b:?}");
            }
        }
    }

    #[test]
    fn numbers_read_like_lopdf() {
        let ops = lex(b".5 -3. +7 -.25 12 0.1 3.14159 123456.789 Tx");
        let (op, operands) = &ops[0];
        assert_eq!(op, "Tx");
        assert_eq!(
            &operands[..6],
            &[
                Operand::Real(0.5),
                Operand::Real(-3.0),
                Operand::Integer(7),
                Operand::Real(-0.25),
                Operand::Integer(12),
                Operand::Real(0.1)
            ]
        );
        agrees_with_lopdf(b".5 -3. +7 -.25 12 0.1 3.14159 123456.789 0.000001 -0.0 99999999999.5 1.2.3 m");
        agrees_with_lopdf(b"595.30398 841.8898 0.333333333333 12345678 0.1234567 9.87654321 cm");
    }

    #[test]
    fn strings_with_escapes_and_nested_parentheses() {
        let ops = lex(b"(a\\(b\\) (nested (deep)) \\101\\n\\\\ x\\\ny) Tj");
        assert_eq!(ops[0].1, [Operand::String(Cow::Borrowed(b"a(b) (nested (deep)) A\n\\ xy"))]);
        agrees_with_lopdf(b"(a\\(b\\) (nested (deep)) \\101\\n\\\\ x\\\ny) Tj (\\0053\\7 \\q) Tj (plain) Tj");
    }

    #[test]
    fn hex_strings_with_spaces_and_odd_digits() {
        let ops = lex(b"<48 65\n6C6c 6> Tj <> Tj");
        let decoded = |op: &Operand| {
            let Operand::Hex(digits) = op else { panic!("{op:?}") };
            let mut out = Vec::new();
            decode_hex(digits, &mut out);
            out
        };
        assert_eq!(decoded(&ops[0].1[0]), b"Hell`");
        assert_eq!(decoded(&ops[1].1[0]), b"");
        agrees_with_lopdf(b"<48 65\n6C6c 6> Tj <> Tj [<0041> -120 (b) 5.5] TJ");
    }

    #[test]
    fn comments_names_arrays_and_dictionaries() {
        agrees_with_lopdf(b"% a comment\nBT /F1#20x 12 Tf /Span <</MCID 0 /Alt (x) /R 3 0 R>> BDC ET EMC");
        agrees_with_lopdf(b"q 1 0 0 1 0 0 cm [1 [2 3] true false null] d0 Q");
        let ops = lex(b"% only\n/F1 9 Tf");
        assert_eq!(ops[0].1[0], Operand::Name(Cow::Borrowed(b"F1")));
    }

    #[test]
    fn stops_where_lopdf_stops() {
        // A comment between operands, a form feed, an unclosed string, a
        // stray delimiter: lopdf keeps the operations before and drops the rest.
        agrees_with_lopdf(b"1 0 0 1 0 0 cm 0 0 % no\n m 1 1 l S");
        agrees_with_lopdf(b"0 0 m\x0c1 1 l S");
        agrees_with_lopdf(b"BT (unclosed Tj ET");
        agrees_with_lopdf(b"q ) Q");
        agrees_with_lopdf(b"% comment\n  q Q");
    }

    #[test]
    fn inline_images_are_left_to_pdf_extract() {
        let mut lexer = Lexer::new(b"q BI /W 1 /H 1 ID \x00 EI Q");
        let mut operands = Vec::new();
        assert_eq!(lexer.next(&mut operands), Step::Operator(b"q"));
        assert_eq!(lexer.next(&mut operands), Step::Unsupported);
    }
}
