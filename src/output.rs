//! How `hooks` talks to a person or a script: a colour decision per stream, secrets masking,
//! JSON (plain or syntax-coloured), aligned tables, and stderr diagnostics.

use std::borrow::Cow;
use std::io::{IsTerminal, Write};
use std::ops::Range;

use serde_json::Value;

use crate::cli::{ColorChoice, GlobalArgs};

/// The styles `hooks` paints with, named by what they mark.
pub mod style {
    use anstyle::{AnsiColor, Style};

    const fn fg(color: AnsiColor) -> Style {
        Style::new().fg_color(Some(anstyle::Color::Ansi(color)))
    }

    pub const LABEL: Style = Style::new().bold();
    pub const DIM: Style = Style::new().dimmed();
    pub const PASSED: Style = fg(AnsiColor::Green);
    pub const FAILED: Style = fg(AnsiColor::Red);
    pub const GOOD: Style = PASSED.bold();
    pub const BAD: Style = FAILED.bold();
    pub const WARNING: Style = fg(AnsiColor::Yellow).bold();
    pub const PROVIDER: Style = fg(AnsiColor::Cyan).bold();
    pub const KIND: Style = fg(AnsiColor::Cyan);
    pub const DUPLICATE: Style = fg(AnsiColor::Magenta).bold();
    pub const JSON_KEY: Style = fg(AnsiColor::Blue).bold();
    pub const JSON_STRING: Style = fg(AnsiColor::Green);
    pub const JSON_NUMBER: Style = fg(AnsiColor::Yellow);
    pub const JSON_LITERAL: Style = fg(AnsiColor::Magenta);

    /// A colour a provider definition names for a status value (`green`, `red`, ...).
    pub fn named(name: &str) -> Style {
        match name {
            "green" => GOOD,
            "red" => BAD,
            "yellow" => fg(AnsiColor::Yellow),
            "magenta" => fg(AnsiColor::Magenta),
            "blue" => fg(AnsiColor::Blue),
            "cyan" => KIND,
            _ => Style::new(),
        }
    }
}

/// Paints text for one stream: with ANSI styles when that stream takes colour, as plain
/// text otherwise. Each stream has its own, so no decision is global.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Paint(pub bool);

impl Paint {
    pub fn paint(self, text: impl std::fmt::Display, style: anstyle::Style) -> String {
        if self.0 {
            format!("{style}{text}{style:#}")
        } else {
            text.to_string()
        }
    }
}

#[derive(Debug, Clone, Copy)]
pub struct Output {
    /// Machine output: nothing but JSON on stdout.
    pub json: bool,
    /// Colour on stdout.
    pub color: bool,
    /// Colour on stderr.
    pub color_stderr: bool,
    /// `-v`: request and response traces on stderr.
    pub verbose: bool,
}

/// Whether one stream takes colour: `auto` colours only a terminal, and never when
/// `NO_COLOR` is set to anything non-empty.
pub fn use_color(choice: ColorChoice, no_color: bool, is_terminal: bool) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => is_terminal && !no_color,
    }
}

impl Output {
    pub fn from_args(global: &GlobalArgs) -> Self {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Output {
            json: global.json,
            color: use_color(global.color, no_color, std::io::stdout().is_terminal()),
            color_stderr: use_color(global.color, no_color, std::io::stderr().is_terminal()),
            verbose: global.verbose,
        }
    }

    /// Paints for stdout.
    pub fn stdout(&self) -> Paint {
        Paint(self.color)
    }

    /// Paints for stderr.
    pub fn stderr(&self) -> Paint {
        Paint(self.color_stderr)
    }

    /// One line of data on stdout. A closed pipe (`| head`) is not an error worth a panic.
    pub fn line(&self, text: impl AsRef<str>) {
        let _ = self.try_line(text);
    }

    /// One line of data on stdout, for a caller that stops once nobody reads it (EPIPE).
    pub fn try_line(&self, text: impl AsRef<str>) -> std::io::Result<()> {
        let mut stdout = std::io::stdout().lock();
        writeln!(stdout, "{}", text.as_ref())?;
        stdout.flush()
    }

    /// One JSON document on one line of stdout (streams, summaries).
    pub fn json_line(&self, value: &Value) {
        self.line(value.to_string());
    }

    /// A diagnostic on stderr; never on stdout, so `--json` output stays clean.
    pub fn note(&self, text: impl AsRef<str>) {
        eprintln!("{}", text.as_ref());
    }

    pub fn warn(&self, text: impl AsRef<str>) {
        let label = self.stderr().paint("warning:", style::WARNING);
        eprintln!("{label} {}", text.as_ref());
    }

    pub fn error(&self, text: impl AsRef<str>) {
        let label = self.stderr().paint("error:", style::BAD);
        eprintln!("hooks: {label} {}", text.as_ref());
    }

    /// A `-v` trace line on stderr.
    pub fn trace(&self, text: impl AsRef<str>) {
        if self.verbose {
            eprintln!("{}", text.as_ref());
        }
    }
}

/// Keeps the first four characters of a secret so it can be recognised, hides the rest; a
/// short secret shows at most half of itself.
pub fn mask(secret: &str) -> String {
    let shown: String = secret
        .chars()
        .take(4.min(secret.chars().count() / 2))
        .collect();
    format!("{shown}****")
}

/// Masks the credential part of an `Authorization` header value (`Bearer x`, `Token x`).
pub fn mask_authorization(value: &str) -> String {
    match value.split_once(' ') {
        // Not even partly: the first characters of base64 spell the user name and, after a
        // short one, the start of the password.
        Some((scheme, _)) if scheme.eq_ignore_ascii_case("basic") => format!("{scheme} ****"),
        Some((scheme, secret)) => format!("{scheme} {}", mask(secret.trim())),
        None => mask(value),
    }
}

/// A header value fit to print: credentials (`Authorization`, cookies, anything named like a
/// key, token, secret, signature or HMAC) are masked.
pub fn mask_header(name: &str, value: &str) -> String {
    let name = name.to_ascii_lowercase();
    if name.ends_with("authorization") {
        mask_authorization(value)
    } else if is_secret_header(&name) {
        mask(value)
    } else {
        value.to_string()
    }
}

/// Whether a header (lower-case name) carries a credential.
pub fn is_secret_header(name: &str) -> bool {
    let name = name.as_bytes();
    // One pass matching on each byte: this runs for every header of every request that
    // `hooks listen` receives, and `str::contains` sets up a searcher per call.
    name.ends_with(b"authorization")
        || (0..name.len()).any(|at| {
            let rest = &name[at..];
            match rest[0] {
                b'c' => rest.starts_with(b"cookie"),
                b'k' => rest.starts_with(b"key"),
                b't' => rest.starts_with(b"token"),
                b's' => rest.starts_with(b"secret") || rest.starts_with(b"signature"),
                // A signature that names its algorithm instead (X-Shopify-Hmac-Sha256).
                b'h' => rest.starts_with(b"hmac"),
                b'p' => rest.starts_with(b"password"),
                _ => false,
            }
        })
}

/// Whether a parameter or field name is one that carries a credential: `access_token`,
/// `token`, `api_key`, `key`, `secret` or `signature`, in any case.
pub fn is_credential_name(name: &str) -> bool {
    // By length first: this runs for many field names of a request.
    let credential = match name.len() {
        3 => "key",
        5 => "token",
        6 => "secret",
        7 => "api_key",
        9 => "signature",
        12 => "access_token",
        _ => return false,
    };
    name.eq_ignore_ascii_case(credential)
}

/// Where the value of each credential parameter of a query string or form body
/// (`a=1&token=x`) is written, with the value decoded; in order. Only the names before an
/// `=` that could end one (`ey`, `en`, `et`, `re` in some case, either letter maybe
/// escaped) are decoded.
pub fn credential_params(text: &str, mut found: impl FnMut(Range<usize>, Cow<'_, str>)) {
    let bytes = text.as_bytes();
    for equals in memchr::memchr_iter(b'=', bytes) {
        let start = memchr::memrchr(b'&', &bytes[..equals]).map_or(0, |at| at + 1);
        let plausible = match &bytes[start..equals] {
            // The last or the one but last letter escaped.
            [.., b'%', _, _] | [.., b'%', _, _, _] => true,
            [.., a, b] => matches!(
                [a | 0x20, b | 0x20],
                [b'e', b'y' | b'n' | b't'] | [b'r', b'e']
            ),
            _ => false,
        };
        let end = memchr::memchr(b'&', &bytes[equals..]).map_or(bytes.len(), |at| equals + at);
        if plausible
            && let Some((name, value)) = url::form_urlencoded::parse(&bytes[start..end]).next()
            && is_credential_name(&name)
            && !value.is_empty()
        {
            found(equals + 1..end, value);
        }
    }
}

/// `text` with each range that `find` reports replaced by the mask of the value reported
/// with it; borrowed when it reports none. Ranges come in order and do not overlap.
pub fn mask_found<'a>(
    text: &'a str,
    find: impl FnOnce(&mut dyn FnMut(Range<usize>, Cow<'_, str>)),
) -> Cow<'a, str> {
    let mut masked: Option<String> = None;
    let mut copied = 0;
    find(&mut |range, value| {
        if range.start >= copied {
            let masked = masked.get_or_insert_with(|| String::with_capacity(text.len()));
            masked.push_str(&text[copied..range.start]);
            masked.push_str(&mask(&value));
            copied = range.end;
        }
    });
    match masked {
        Some(mut masked) => {
            masked.push_str(&text[copied..]);
            Cow::Owned(masked)
        }
        None => Cow::Borrowed(text),
    }
}

/// A query string or form body with the value of every credential parameter masked,
/// whatever its length; borrowed when it has none.
pub fn mask_params(text: &str) -> Cow<'_, str> {
    mask_found(text, |found| credential_params(text, found))
}

/// Pretty-printed JSON, syntax-coloured when colour is on.
pub fn pretty_json(value: &Value, paint: Paint) -> String {
    if !paint.0 {
        return serde_json::to_string_pretty(value).unwrap_or_default();
    }
    let mut out = String::new();
    write_colored(value, 0, paint, &mut out);
    out
}

fn write_colored(value: &Value, depth: usize, paint: Paint, out: &mut String) {
    let indent = |d: usize| "  ".repeat(d);
    match value {
        Value::Null => out.push_str(&paint.paint("null", style::JSON_LITERAL)),
        Value::Bool(b) => out.push_str(&paint.paint(b, style::JSON_LITERAL)),
        Value::Number(n) => out.push_str(&paint.paint(n, style::JSON_NUMBER)),
        Value::String(_) => out.push_str(&paint.paint(value, style::JSON_STRING)),
        Value::Array(items) if items.is_empty() => out.push_str("[]"),
        Value::Object(map) if map.is_empty() => out.push_str("{}"),
        Value::Array(items) => {
            out.push_str("[\n");
            for (i, item) in items.iter().enumerate() {
                out.push_str(&indent(depth + 1));
                write_colored(item, depth + 1, paint, out);
                out.push_str(if i + 1 < items.len() { ",\n" } else { "\n" });
            }
            out.push_str(&indent(depth));
            out.push(']');
        }
        Value::Object(map) => {
            out.push_str("{\n");
            for (i, (key, item)) in map.iter().enumerate() {
                out.push_str(&indent(depth + 1));
                out.push_str(&paint.paint(Value::from(key.as_str()), style::JSON_KEY));
                out.push_str(": ");
                write_colored(item, depth + 1, paint, out);
                out.push_str(if i + 1 < map.len() { ",\n" } else { "\n" });
            }
            out.push_str(&indent(depth));
            out.push('}');
        }
    }
}

/// Control characters other than newline and tab escaped, so text from the network
/// (a webhook body, a header) cannot drive the terminal.
pub fn escape_controls(text: &str) -> String {
    let is_escaped = |c: char| c.is_control() && c != '\n' && c != '\t';
    if !text.chars().any(is_escaped) {
        return text.to_string();
    }
    let mut escaped = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_escaped(c) {
            escaped.extend(c.escape_default());
        } else {
            escaped.push(c);
        }
    }
    escaped
}

/// Columns padded to their widest cell; the header is bold when colour is on.
pub fn table(header: &[String], rows: &[Vec<String>], paint: Paint) -> String {
    let columns = header.len();
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for row in rows {
        for (i, cell) in row.iter().enumerate().take(columns) {
            widths[i] = widths[i].max(cell.chars().count());
        }
    }
    let render = |cells: &[String]| -> String {
        let mut line = String::new();
        for (i, cell) in cells.iter().enumerate().take(columns) {
            if i + 1 == columns {
                line.push_str(cell);
            } else {
                line.push_str(&format!("{cell:<width$}  ", width = widths[i]));
            }
        }
        line.trim_end().to_string()
    };
    let mut out = paint.paint(render(header), style::LABEL);
    for row in rows {
        out.push('\n');
        out.push_str(&render(row));
    }
    out
}

/// `n` and the noun in the number it needs: "1 request", "2 requests", "0 deliveries".
pub fn counted<N>(n: N, one: &str, many: &str) -> String
where
    N: std::fmt::Display + PartialEq + From<u8>,
{
    let noun = if n == N::from(1) { one } else { many };
    format!("{n} {noun}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mask_keeps_four_characters() {
        assert_eq!(mask("7742c368f2dce09b"), "7742****");
        assert_eq!(mask("ab"), "a****");
        assert_eq!(mask("abcd"), "ab****");
        assert_eq!(mask_authorization("Bearer eyJhbGciOi"), "Bearer eyJh****");
        assert_eq!(mask_header("Cookie", "session=abcdef"), "sess****");
        assert_eq!(mask_header("X-Api-Key", "abcdefgh"), "abcd****");
        assert_eq!(
            mask_header("Proxy-Authorization", "Basic YTpzZWNyZXQ="),
            "Basic ****"
        );
        assert_eq!(
            mask_header("Content-Type", "application/json"),
            "application/json"
        );
    }

    #[test]
    fn credential_headers_are_named_like_credentials() {
        for name in [
            "authorization",
            "proxy-authorization",
            "cookie",
            "set-cookie",
            "x-api-key",
            "x-auth-token",
            "x-webhook-secret",
            "x-hub-signature-256",
            "x-shopify-hmac-sha256",
            "webhook-signature",
            "x-password",
        ] {
            assert!(is_secret_header(name), "{name}");
        }
        for name in [
            "content-type",
            "user-agent",
            "host",
            "x-request-id",
            "k",
            "",
        ] {
            assert!(!is_secret_header(name), "{name}");
        }
    }

    #[test]
    fn credential_parameters_are_masked_by_name_in_any_case_and_encoding() {
        let text =
            "a=1&API_KEY=x%2By&token=&access%5Ftoken=zz&keyx=2&monkey=3&Signature=q&tok%65n=t";
        let mut found = Vec::new();
        credential_params(text, |range, value| {
            found.push((&text[range], value.into_owned()));
        });
        assert_eq!(
            found,
            [
                ("x%2By", "x+y".to_string()),
                ("zz", "zz".to_string()),
                ("q", "q".to_string()),
                ("t", "t".to_string())
            ]
        );
        assert_eq!(
            mask_params(text),
            "a=1&API_KEY=x****&token=&access%5Ftoken=z****&keyx=2&monkey=3&Signature=****&tok%65n=****"
        );
        assert!(matches!(mask_params("a=1&b=2"), Cow::Borrowed(_)));
    }

    #[test]
    fn never_and_always_ignore_the_terminal() {
        assert!(!use_color(ColorChoice::Never, false, true));
        assert!(use_color(ColorChoice::Always, true, false));
        assert!(!use_color(ColorChoice::Auto, false, false));
        assert!(use_color(ColorChoice::Auto, false, true));
        assert!(!use_color(ColorChoice::Auto, true, true));
    }

    #[test]
    fn table_aligns_columns() {
        let header = vec!["type".to_string(), "url".to_string()];
        let rows = vec![
            vec!["5".to_string(), "https://a".to_string()],
            vec!["100".to_string(), "https://b".to_string()],
        ];
        assert_eq!(
            table(&header, &rows, Paint(false)),
            "type  url\n5     https://a\n100   https://b"
        );
    }

    #[test]
    fn control_characters_are_escaped_but_newlines_and_tabs_kept() {
        assert_eq!(escape_controls("plain é"), "plain é");
        assert_eq!(escape_controls("a\tb\nc"), "a\tb\nc");
        assert_eq!(
            escape_controls("\u{1b}[31mred\u{7}"),
            "\\u{1b}[31mred\\u{7}"
        );
    }

    #[test]
    fn colorless_pretty_json_is_serde_pretty() {
        let v = serde_json::json!({"a": [1, "x"]});
        assert_eq!(
            pretty_json(&v, Paint(false)),
            serde_json::to_string_pretty(&v).unwrap()
        );
    }
}
