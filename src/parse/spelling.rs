//! How near two spellings are: OCR misreads a letter or drops one, and a
//! word so misread is still the word for the rules that expect it.

/// True when `b` is `a` with two neighbouring characters swapped, a
/// typing slip ("Porgram" for "Program", "Kegaitan" for "Kegiatan").
pub fn swapped_neighbours(a: &str, b: &str) -> bool {
    if a.chars().count() != b.chars().count() {
        return false;
    }
    let mut differ = a.chars().zip(b.chars()).enumerate().filter(|(_, (x, y))| x != y);
    match (differ.next(), differ.next(), differ.next()) {
        (Some((i, (a1, b1))), Some((j, (a2, b2))), None) => j == i + 1 && a1 == b2 && a2 == b1,
        _ => false,
    }
}

/// True when `b` is `a` with one character replaced, added or dropped.
pub fn one_edit_apart(a: &str, b: &str) -> bool {
    // Header rules ask this of every word of many lines: ASCII words, the
    // usual case, are compared as bytes without collecting characters.
    if a.is_ascii() && b.is_ascii() {
        return one_edit_apart_in(a.as_bytes(), b.as_bytes());
    }
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    one_edit_apart_in(&a, &b)
}

fn one_edit_apart_in<T: PartialEq>(a: &[T], b: &[T]) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    match long.len() - short.len() {
        0 => short.iter().zip(long.iter()).filter(|(x, y)| x != y).count() == 1,
        1 => {
            let head = short.iter().zip(long.iter()).take_while(|(x, y)| x == y).count();
            short[head..] == long[head + 1..]
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_letter_replaced_added_or_dropped() {
        assert!(swapped_neighbours("program", "porgram") && swapped_neighbours("kegiatan", "kegaitan"));
        assert!(!swapped_neighbours("program", "program") && !swapped_neighbours("program", "porgarm") && !swapped_neighbours("program", "progra"));
        assert!(one_edit_apart("TANUN", "TAHUN"));
        assert!(one_edit_apart("Jumiah", "Jumlah"));
        assert!(one_edit_apart("Pemerinta", "Pemerintah"));
        assert!(one_edit_apart("TRIWULN", "TRIWULAN"));
        assert!(!one_edit_apart("TAHUN", "TAHUN"));
        assert!(!one_edit_apart("ANGI", "ANGGARAN"));
        assert!(!one_edit_apart("oe", "penurunan"));
        // Letters beyond ASCII count as one each, not as their bytes.
        assert!(one_edit_apart("Kemandirián", "Kemandirian"));
        assert!(one_edit_apart("TAHUN", "TAHÜN"));
        assert!(!one_edit_apart("TAHÜN", "TAHUM"));
    }
}
