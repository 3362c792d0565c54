//! JSON on the listener's hot path: the body parsed ([`parse`]), and compact JSON text for
//! the two lines written per request (the `--record` line and the `--json` line), byte for
//! byte what `serde_json::to_writer` writes. Written here, not by
//! serde, because serde_json escapes a string one byte at a time, and every request's raw
//! body is escaped (once, for both lines): strings go through `json_escape_simd`, which
//! tests 16 or 32 bytes at a time and copies the runs that need no escape whole.

use std::borrow::Cow;
use std::ops::Range;

use axum::http::HeaderName;
use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value};

use crate::output::is_credential_name;

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH: u64 = 0x8080_8080_8080_8080;

/// The room [`string`] needs past the end of its output for a string of `len` bytes: its
/// escaper writes whole registers ahead and reserves for the worst case (every byte a
/// six-byte escape) first. A buffer made with this much to spare is not grown.
pub const fn string_room(len: usize) -> usize {
    len * 6 + 35
}

/// `text` as a JSON string, quotes included.
pub fn string(out: &mut Vec<u8>, text: &str) {
    json_escape_simd::escape_into(text, out);
}

/// Whether `bytes`, valid JSON text, hold any whitespace: the only bytes below `!` that
/// JSON text can hold (control characters in strings are escaped), so eight bytes are
/// tested at a time for a byte below `!`.
fn has_whitespace(bytes: &[u8]) -> bool {
    let below_bang = |word: u64| word.wrapping_sub(ONES * 0x21) & !word & HIGH != 0;
    let mut words = bytes.chunks_exact(8);
    words.any(|word| below_bang(u64::from_le_bytes(word.try_into().unwrap_or_default())))
        || words.remainder().iter().any(|&byte| byte < 0x21)
}

/// `text`, which is valid JSON, without the whitespace between its tokens: the document
/// as sent, in compact form (its keys in the sender's order, its strings and numbers as
/// written).
pub fn compact(out: &mut Vec<u8>, text: &str) {
    let space = |byte: &u8| matches!(byte, b' ' | b'\t' | b'\n' | b'\r');
    let bytes = text.trim_matches([' ', '\t', '\n', '\r']).as_bytes();
    // Senders mostly send compact JSON already (often with a newline after it): one copy.
    if !has_whitespace(bytes) {
        out.extend_from_slice(bytes);
        return;
    }
    // Copies each run between two spaces outside strings whole.
    let mut run = 0;
    let mut in_string = false;
    let mut escaped = false;
    for (at, byte) in bytes.iter().enumerate() {
        if in_string {
            if escaped {
                escaped = false;
            } else if *byte == b'\\' {
                escaped = true;
            } else if *byte == b'"' {
                in_string = false;
            }
        } else if space(byte) {
            out.extend_from_slice(&bytes[run..at]);
            run = at + 1;
        } else {
            in_string = *byte == b'"';
        }
    }
    out.extend_from_slice(&bytes[run..]);
}

/// `value` in compact form, object keys in the map's order.
pub fn value(out: &mut Vec<u8>, value: &Value) {
    match value {
        Value::Null => out.extend_from_slice(b"null"),
        Value::Bool(true) => out.extend_from_slice(b"true"),
        Value::Bool(false) => out.extend_from_slice(b"false"),
        // Writing into a Vec cannot fail.
        Value::Number(number) => {
            let _ = serde_json::to_writer(&mut *out, number);
        }
        Value::String(text) => string(out, text),
        Value::Array(items) => {
            out.push(b'[');
            for (index, item) in items.iter().enumerate() {
                if index > 0 {
                    out.push(b',');
                }
                self::value(out, item);
            }
            out.push(b']');
        }
        Value::Object(map) => {
            out.push(b'{');
            for (index, (key, item)) in map.iter().enumerate() {
                if index > 0 {
                    out.push(b',');
                }
                string(out, key);
                out.push(b':');
                self::value(out, item);
            }
            out.push(b'}');
        }
    }
}

/// Room made for an object's members on its first one: a notification's objects mostly
/// hold a handful. Growing a map from empty moves its members and rebuilds its index twice
/// on the way to eight, which costs more than the slots left unused in a smaller object.
const MEMBERS: usize = 8;

/// A request body parsed as `serde_json::from_str` parses it (the same value, the same
/// errors, the same depth limit), with each object made room for up front.
pub fn parse(text: &str) -> serde_json::Result<Value> {
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let value = ValueSeed.deserialize(&mut deserializer)?;
    deserializer.end()?;
    Ok(value)
}

struct ValueSeed;

impl<'de> DeserializeSeed<'de> for ValueSeed {
    type Value = Value;

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for ValueSeed {
    type Value = Value;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("any valid JSON value")
    }

    fn visit_bool<E>(self, value: bool) -> Result<Value, E> {
        Ok(Value::Bool(value))
    }

    fn visit_i64<E>(self, value: i64) -> Result<Value, E> {
        Ok(Value::Number(value.into()))
    }

    fn visit_u64<E>(self, value: u64) -> Result<Value, E> {
        Ok(Value::Number(value.into()))
    }

    fn visit_f64<E>(self, value: f64) -> Result<Value, E> {
        Ok(Number::from_f64(value).map_or(Value::Null, Value::Number))
    }

    fn visit_str<E>(self, value: &str) -> Result<Value, E> {
        Ok(Value::String(value.to_string()))
    }

    fn visit_string<E>(self, value: String) -> Result<Value, E> {
        Ok(Value::String(value))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut items: A) -> Result<Value, A::Error> {
        let mut array = Vec::new();
        while let Some(item) = items.next_element_seed(ValueSeed)? {
            array.push(item);
        }
        Ok(Value::Array(array))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut members: A) -> Result<Value, A::Error> {
        let Some(first) = members.next_key::<String>()? else {
            return Ok(Value::Object(Map::new()));
        };
        let mut object = Map::with_capacity(MEMBERS);
        object.insert(first, members.next_value_seed(ValueSeed)?);
        while let Some(name) = members.next_key::<String>()? {
            object.insert(name, members.next_value_seed(ValueSeed)?);
        }
        Ok(Value::Object(object))
    }
}

/// A header name as the JSON lines write it.
pub trait Name {
    fn write(&self, out: &mut Vec<u8>);
}

/// Header names are tokens (lower-case letters, digits and `!#$%&'*+-.^_`|~`), which
/// never need an escape: copied as they are.
impl Name for &HeaderName {
    fn write(&self, out: &mut Vec<u8>) {
        out.push(b'"');
        out.extend_from_slice(self.as_str().as_bytes());
        out.push(b'"');
    }
}

/// A name as shown (with a secret masked in it), which may hold any character.
impl Name for Cow<'_, str> {
    fn write(&self, out: &mut Vec<u8>) {
        string(out, self);
    }
}

/// `[["name","value"],…]`.
pub fn header_pairs<N: Name, V: AsRef<str>>(
    out: &mut Vec<u8>,
    headers: impl Iterator<Item = (N, V)>,
) {
    out.push(b'[');
    for (index, (name, value)) in headers.enumerate() {
        if index > 0 {
            out.push(b',');
        }
        out.push(b'[');
        name.write(out);
        out.push(b',');
        string(out, value.as_ref());
        out.push(b']');
    }
    out.push(b']');
}

/// `"name":` after the opening brace or a previous field; `name` is a plain field name
/// (nothing to escape), written as is. Inlined: every caller passes a literal, so the
/// copies become a few stores.
#[inline]
pub fn key(out: &mut Vec<u8>, name: &str, first: bool) {
    debug_assert!(name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_'));
    if !first {
        out.push(b',');
    }
    out.push(b'"');
    out.extend_from_slice(name.as_bytes());
    out.extend_from_slice(b"\":");
}

/// An optional string: the string, or `null`.
pub fn optional(out: &mut Vec<u8>, text: Option<&str>) {
    match text {
        Some(text) => string(out, text),
        None => out.extend_from_slice(b"null"),
    }
}

/// A number, as `serde_json` writes it.
pub fn number(out: &mut Vec<u8>, number: u64) {
    let mut digits = [0u8; 20];
    let mut start = digits.len();
    let mut rest = number;
    loop {
        start -= 1;
        digits[start] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    out.extend_from_slice(&digits[start..]);
}

/// What an escape stands for: a byte (`%XX`, `\n`) or a character's UTF-8 bytes (`\uXXXX`).
pub struct Unescaped {
    bytes: [u8; 4],
    len: usize,
}

impl Unescaped {
    pub fn as_bytes(&self) -> &[u8] {
        &self.bytes[..self.len]
    }
}

fn hex_value(digits: &[u8]) -> Option<u32> {
    digits.iter().try_fold(0, |value, &digit| {
        Some(value * 16 + char::from(digit).to_digit(16)?)
    })
}

/// The escape `bytes` start with, as JSON writes one (`\uXXXX`, a surrogate pair as one
/// character, `\n` and the other short escapes) or a URL or form body does (`%XX`): what it
/// stands for, and how many bytes it is written with. None when they start with none.
pub fn escape_at(bytes: &[u8]) -> Option<(Unescaped, usize)> {
    let byte = |byte: u8| Unescaped {
        bytes: [byte, 0, 0, 0],
        len: 1,
    };
    match bytes {
        [b'%', digits @ ..] => {
            let value = hex_value(digits.get(..2)?)?;
            Some((byte(u8::try_from(value).ok()?), 3))
        }
        [b'\\', b'u', rest @ ..] => {
            let unit = hex_value(rest.get(..4)?)?;
            let (code, len) = if (0xd800..0xdc00).contains(&unit) {
                let low = match rest.get(4..10)? {
                    [b'\\', b'u', low @ ..] => hex_value(low)?,
                    _ => return None,
                };
                if !(0xdc00..0xe000).contains(&low) {
                    return None;
                }
                (0x10000 + ((unit - 0xd800) << 10) + (low - 0xdc00), 12)
            } else {
                (unit, 6)
            };
            let mut unescaped = byte(0);
            unescaped.len = char::from_u32(code)?
                .encode_utf8(&mut unescaped.bytes)
                .len();
            Some((unescaped, len))
        }
        [b'\\', short, ..] => {
            let value = match short {
                b'"' | b'\\' | b'/' => *short,
                b'b' => 0x08,
                b'f' => 0x0c,
                b'n' => b'\n',
                b'r' => b'\r',
                b't' => b'\t',
                _ => return None,
            };
            Some((byte(value), 2))
        }
        _ => None,
    }
}

/// The text of a JSON string (inside its quotes) with its escapes decoded; one that is
/// not a valid escape is kept as written.
pub fn unescape(text: &str) -> Cow<'_, str> {
    if !text.contains('\\') {
        return Cow::Borrowed(text);
    }
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut at = 0;
    while let Some(&next) = bytes.get(at) {
        if next == b'\\'
            && let Some((unescaped, len)) = escape_at(&bytes[at..])
        {
            out.extend_from_slice(unescaped.as_bytes());
            at += len;
        } else {
            out.push(next);
            at += 1;
        }
    }
    // Whole characters in, whole characters out.
    Cow::Owned(String::from_utf8(out).unwrap_or_default())
}

/// The longest credential name (`access_token`) as it is written plainly, and with every
/// character written `\uXXXX`.
const LONGEST_NAME: usize = 12;
const LONGEST_ESCAPED_NAME: usize = LONGEST_NAME * 6;

/// Whether the text before the colon at `colon` ends with a field named like a credential
/// (`"api_key" :`), its name written with escapes or not. Every colon of a body is looked
/// at: most are rejected by the two bytes before the name's closing quote, since every
/// name ends with `ey`, `en`, `et` or `re` in some case (either letter may be escaped).
fn names_credential(text: &str, colon: usize) -> bool {
    let bytes = text.as_bytes();
    let Some(name_end) = bytes[..colon].trim_ascii_end().len().checked_sub(1) else {
        return false;
    };
    let written = &bytes[..name_end];
    let plausible = match written {
        // The last or the one but last letter escaped.
        [.., b'\\', b'u', _, _, _, _] | [.., b'\\', b'u', _, _, _, _, _] => true,
        [.., a, b] => matches!(
            [a | 0x20, b | 0x20],
            [b'e', b'y' | b'n' | b't'] | [b'r', b'e']
        ),
        _ => false,
    };
    if bytes[name_end] != b'"' || !plausible {
        return false;
    }
    // A name written plainly is found by its opening quote close by; one that is longer,
    // or holds an escape, is decoded first.
    let near = name_end.saturating_sub(LONGEST_NAME + 1);
    match bytes[near..name_end]
        .iter()
        .rposition(|&b| b == b'"' || b == b'\\')
    {
        Some(open) if bytes[near + open] == b'"' => {
            is_credential_name(&text[near + open + 1..name_end])
        }
        _ => {
            let from = name_end.saturating_sub(LONGEST_ESCAPED_NAME + 1);
            memchr::memrchr(b'"', &bytes[from..name_end])
                .is_some_and(|open| is_credential_name(&unescape(&text[from + open + 1..name_end])))
        }
    }
}

/// Past the whitespace from `at` (at most the end of `bytes`).
fn skip_whitespace(bytes: &[u8], at: usize) -> usize {
    let mut at = at.min(bytes.len());
    while bytes.get(at).is_some_and(u8::is_ascii_whitespace) {
        at += 1;
    }
    at
}

/// The index of the closing quote of the JSON string whose text starts at `from`, or the
/// end of `bytes` when it is not closed.
fn string_end(bytes: &[u8], from: usize) -> usize {
    let mut at = from;
    while let Some(&byte) = bytes.get(at) {
        match byte {
            b'"' => return at,
            b'\\' => at += 2,
            _ => at += 1,
        }
    }
    bytes.len()
}

/// Where each value of a field named like a credential (see [`is_credential_name`]) is
/// written in JSON text, however deep, with the value: a string decoded, a number as
/// written, each item of an array. Works on text that is not valid JSON too, field by
/// field. The range of a string is its text inside the quotes; ranges come in order.
pub fn credential_values(text: &str, mut found: impl FnMut(Range<usize>, Cow<'_, str>)) {
    let mut from = 0;
    for colon in memchr::memchr_iter(b':', text.as_bytes()) {
        // Colons inside a credential's value were read with it.
        if colon >= from && names_credential(text, colon) {
            from = credential_value(text, colon + 1, &mut found);
        }
    }
}

/// Reports the value written at `at`: a string, a literal, or every string and literal
/// inside an array or object (its keys aside), however nested; where the scan goes on.
fn credential_value(
    text: &str,
    mut at: usize,
    found: &mut impl FnMut(Range<usize>, Cow<'_, str>),
) -> usize {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    loop {
        at = skip_whitespace(bytes, at);
        match bytes.get(at) {
            Some(b'[' | b'{') => depth += 1,
            Some(b']' | b'}') if depth > 0 => depth -= 1,
            Some(b',' | b':') if depth > 0 => {}
            Some(b'"') => {
                let end = string_end(bytes, at + 1);
                let key = depth > 0 && bytes.get(skip_whitespace(bytes, end + 1)) == Some(&b':');
                if !key {
                    found(at + 1..end, unescape(&text[at + 1..end]));
                }
                at = end;
            }
            Some(b']' | b'}' | b',' | b':') | None => return at,
            Some(_) => {
                let end = bytes[at..]
                    .iter()
                    .position(|byte| b",:]} \t\r\n".contains(byte))
                    .map_or(bytes.len(), |length| at + length);
                let literal = &text[at..end];
                if !matches!(literal, "true" | "false" | "null") {
                    found(at..end, Cow::Borrowed(literal));
                }
                at = end - 1;
            }
        }
        at += 1;
        if depth == 0 {
            return at.min(bytes.len());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(text: &str) -> String {
        let mut out = Vec::new();
        string(&mut out, text);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn strings_are_escaped_as_serde_json_escapes_them() {
        let mut samples = vec![
            String::new(),
            "plain ascii text that is longer than eight bytes".to_string(),
            r#"{"eventId":"f47ac10b","nested":{"a":"b\"c"}}"#.to_string(),
            "back\\slash at the end\\".to_string(),
            "tabs\tnew\nlines\r\u{8}\u{c}\u{0}\u{1f}\u{7f} and é ü 日本 🎉".to_string(),
            "\"\"\"\"\"\"\"\"\"".to_string(),
        ];
        // Every byte value below 0x80 at every offset of a word.
        for byte in 0u8..0x80 {
            for offset in 0..9 {
                let mut text = "x".repeat(offset);
                text.push(char::from(byte));
                text.push_str("tail-of-text");
                samples.push(text);
            }
        }
        for text in samples {
            assert_eq!(
                written(&text),
                serde_json::to_string(&text).unwrap(),
                "{text:?}"
            );
        }
    }

    #[test]
    fn strings_dense_with_escapes_are_escaped_as_serde_json_escapes_them() {
        // Several escapes in one register, at every mix of positions, across several
        // registers: pseudo-random strings over an alphabet of escaped, plain and
        // multi-byte characters.
        let alphabet = [
            '"', '\\', '\n', '\u{1}', '\u{1f}', ' ', 'a', '~', '\u{7f}', 'é', '日',
        ];
        let mut state: u64 = 0x2545_f491_4f6c_dd1d;
        for _ in 0..5000 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let len = (state % 100) as usize;
            let text: String = (0..len)
                .map(|i| alphabet[((state >> (i % 60)) as usize + i) % alphabet.len()])
                .collect();
            assert_eq!(
                written(&text),
                serde_json::to_string(&text).unwrap(),
                "{text:?}"
            );
        }
    }

    #[test]
    fn long_strings_of_escapes_after_other_output_are_escaped_whole() {
        // Every byte a six-byte escape, or a two-byte one, for thousands of bytes: the room
        // for the escaped string grows several times while it is written.
        for text in [
            "\u{1}".repeat(3000),
            "\"".repeat(3000),
            format!("{}{}", "plain ".repeat(500), "\n\u{2}".repeat(700)),
        ] {
            let mut out = b"[1,".to_vec();
            string(&mut out, &text);
            let expected = format!("[1,{}", serde_json::to_string(&text).unwrap());
            assert_eq!(String::from_utf8(out).unwrap(), expected);
        }
    }

    #[test]
    fn compact_drops_only_the_whitespace_between_tokens() {
        let doc = serde_json::json!({
            "z": [1, -2.5, null, true, {"a b": " spaced \"quoted\" \\ back\\\\"}],
            "text": "tab\there\nnewline \u{1} é 日",
            "empty": {"o": {}, "a": []},
        });
        for text in [
            serde_json::to_string(&doc).unwrap(),
            serde_json::to_string_pretty(&doc).unwrap(),
            format!(" \r\n\t{}\n ", serde_json::to_string_pretty(&doc).unwrap()),
        ] {
            let mut out = Vec::new();
            compact(&mut out, &text);
            assert_eq!(
                String::from_utf8(out).unwrap(),
                serde_json::to_string(&doc).unwrap()
            );
        }
    }

    #[test]
    fn whitespace_is_found_wherever_it_is() {
        for len in 1..20 {
            let plain = "é\"a:[".repeat(len);
            assert!(!has_whitespace(plain.as_bytes()), "{plain}");
            for at in 0..plain.len() {
                for space in [b' ', b'\t', b'\n', b'\r'] {
                    let mut text = plain.clone().into_bytes();
                    text[at] = space;
                    assert!(has_whitespace(&text), "{len} {at} {space}");
                }
            }
        }
    }

    fn credentials_in(text: &str) -> Vec<(String, String)> {
        let mut found = Vec::new();
        credential_values(text, |range, value| {
            found.push((text[range].to_string(), value.into_owned()));
        });
        found
    }

    #[test]
    fn credential_fields_are_found_at_any_depth_in_any_spelling() {
        let text = r#"{"key1": "a", "monkey": "b", "eventType": "c", "tokens": "d",
            "note": "a \"token\": in a string",
            "API_KEY": "e\u00e9", "deep": {"\u0061pi_ke\u0079" : "f",
            "Secret": [["g", 12.5], true, null, "h"], "signature": {"token": 7, "a": ["k"]}},
            "access_token":"i", "tok\u0065n": "j", "token": "#;
        let found = credentials_in(text);
        let values: Vec<&str> = found.iter().map(|(_, value)| value.as_str()).collect();
        assert_eq!(values, ["eé", "f", "g", "12.5", "h", "7", "k", "i", "j"]);
        assert_eq!(found[0].0, r"e\u00e9", "the range is the value as written");
        assert!(credentials_in(r#"{"eventId":"x","occurredAt":"10:15:00","n":[1]}"#).is_empty());
    }

    #[test]
    fn escapes_are_decoded_as_json_and_urls_write_them() {
        let decoded = |text: &str| {
            escape_at(text.as_bytes()).map(|(unescaped, len)| {
                (
                    String::from_utf8_lossy(unescaped.as_bytes()).into_owned(),
                    len,
                )
            })
        };
        assert_eq!(decoded("%2fx"), Some(("/".to_string(), 3)));
        assert_eq!(decoded(r"\u00E9x"), Some(("é".to_string(), 6)));
        assert_eq!(decoded(r"\ud83c\udf89"), Some(("🎉".to_string(), 12)));
        assert_eq!(decoded(r#"\"x"#), Some(("\"".to_string(), 2)));
        for text in ["%zz", "%4", r"\ud83c", r"\u12", r"\q", "x"] {
            assert_eq!(decoded(text), None, "{text}");
        }
        assert_eq!(unescape(r#"a\"b\u0063\/\q"#), r#"a"bc/\q"#);
        assert!(matches!(unescape("plain"), Cow::Borrowed("plain")));
    }

    #[test]
    fn numbers_are_written_in_decimal() {
        for value in [0, 7, 10, 200, 503, 65535, u64::MAX] {
            let mut out = Vec::new();
            number(&mut out, value);
            assert_eq!(String::from_utf8(out).unwrap(), value.to_string());
        }
    }

    #[test]
    fn bodies_parse_as_serde_json_parses_them() {
        let deep_array = format!("{}{}", "[".repeat(200), "]".repeat(200));
        let deep_object = format!("{}1{}", r#"{"a":"#.repeat(200), "}".repeat(200));
        let texts = [
            r#"{"eventId":"f47ac10b","amount":{"value":12.5,"currency":"EUR"},"tags":[]}"#,
            r#"{"z":1,"a":2,"m":{"y":[1,-2,3.5e3,18446744073709551615,-9223372036854775808]}}"#,
            r#"{"first":1,"again":2,"first":3}"#,
            r#"{"\u00e9t\u00e9":"\ud83c\udf89 \"q\" \\","k":null,"t":true,"f":false,"e":{}}"#,
            r#"[{"a":1,"b":2,"c":3,"d":4,"e":5,"f":6,"g":7,"h":8,"i":9,"j":10}, [], "", 0]"#,
            " \n\"text\" ",
            "1e400",
            "{}",
            "",
            r#"{"a":1,}"#,
            r#"{"a":1} trailing"#,
            r#"{"a" 1}"#,
            "[1,2",
            "nul",
            &deep_array,
            &deep_object,
        ];
        for text in texts {
            let ours = parse(text).map(|value| value.to_string());
            let theirs = serde_json::from_str::<Value>(text).map(|value| value.to_string());
            match (ours, theirs) {
                (Ok(ours), Ok(theirs)) => assert_eq!(ours, theirs, "{text}"),
                (Err(ours), Err(theirs)) => assert_eq!(ours.to_string(), theirs.to_string()),
                (ours, theirs) => panic!("{text}: ours {ours:?}, serde_json's {theirs:?}"),
            }
        }
        assert!(parse(&deep_array).is_err_and(|e| e.to_string().contains("recursion limit")));
    }

    #[test]
    fn values_are_written_as_serde_json_writes_them() {
        let doc = serde_json::json!({
            "z": [1, -2, 3.5, 1e300, null, true, false, "s\"q"],
            "a": {"nested": {"deep": []}, "empty": {}},
            "unicode": "é\u{1}",
        });
        let mut out = Vec::new();
        value(&mut out, &doc);
        assert_eq!(
            String::from_utf8(out).unwrap(),
            serde_json::to_string(&doc).unwrap()
        );
    }
}
