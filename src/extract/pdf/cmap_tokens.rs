//! The tokens of a CMap (ToUnicode) stream: hex strings, arrays, integers
//! and keywords; names, dictionaries and literal strings are skipped as
//! one token each. Shared by the ToUnicode translation ([`super::fonts`])
//! and the content interpreter's fonts.

#[derive(Debug, PartialEq)]
pub(super) enum Token {
    Int(i64),
    Hex(Vec<u8>),
    ArrayStart,
    ArrayEnd,
    Word(Vec<u8>),
    Other,
}

/// The stream's tokens; `None` for a hex string that is not closed or not
/// hex digits, or a literal string that is not closed.
pub(super) fn tokenize(bytes: &[u8]) -> Option<Vec<Token>> {
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        match b {
            b' ' | b'\t' | b'\r' | b'\n' | b'\x0c' | b'\0' => i += 1,
            b'%' => {
                while i < bytes.len() && bytes[i] != b'\n' && bytes[i] != b'\r' {
                    i += 1;
                }
            }
            b'<' if bytes.get(i + 1) == Some(&b'<') => {
                tokens.push(Token::Other);
                i += 2;
            }
            b'>' if bytes.get(i + 1) == Some(&b'>') => {
                tokens.push(Token::Other);
                i += 2;
            }
            b'<' => {
                let end = i + 1 + bytes[i + 1..].iter().position(|&c| c == b'>')?;
                let digits: Vec<u8> = bytes[i + 1..end].iter().copied().filter(|c| !c.is_ascii_whitespace()).collect();
                if !digits.len().is_multiple_of(2) {
                    return None;
                }
                let mut out = Vec::with_capacity(digits.len() / 2);
                for pair in digits.chunks(2) {
                    let hi = (pair[0] as char).to_digit(16)?;
                    let lo = (pair[1] as char).to_digit(16)?;
                    out.push((hi * 16 + lo) as u8);
                }
                tokens.push(Token::Hex(out));
                i = end + 1;
            }
            b'[' => {
                tokens.push(Token::ArrayStart);
                i += 1;
            }
            b']' => {
                tokens.push(Token::ArrayEnd);
                i += 1;
            }
            b'(' => {
                i = super::prepare::literal_string_end(bytes, i)?;
                tokens.push(Token::Other);
            }
            b'/' => {
                i += 1;
                while i < bytes.len() && !b" \t\r\n\x0c\0%<>[]()/{}".contains(&bytes[i]) {
                    i += 1;
                }
                tokens.push(Token::Other);
            }
            _ => {
                let start = i;
                while i < bytes.len() && !b" \t\r\n\x0c\0%<>[]()/{}".contains(&bytes[i]) {
                    i += 1;
                }
                if i == start {
                    i += 1;
                    tokens.push(Token::Other);
                } else {
                    let word = &bytes[start..i];
                    match std::str::from_utf8(word).ok().and_then(|w| w.parse::<i64>().ok()) {
                        Some(n) if word.iter().all(u8::is_ascii_digit) => tokens.push(Token::Int(n)),
                        _ => tokens.push(Token::Word(word.to_vec())),
                    }
                }
            }
        }
    }
    Some(tokens)
}
