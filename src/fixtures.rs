//! The fixture library: one realistic notification per provider and kind, embedded from
//! `fixtures/` (build.rs), and `hooks fixtures list|show`.
//!
//! Everything about a fixture comes from the folder: its name from the file's path
//! (`provider/kind.json`), its provider from the directory, its kind from the same
//! recognition `hooks listen` applies, its description from its provider's `provider.toml` (`[fixtures]`).

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde_json::{Value, json};

use crate::cli::FixturesCommand;
use crate::error::{Error, Result};
use crate::output::{Output, pretty_json, table};
use crate::providers::embedded;
use crate::providers::{fixture_headers, header_in, recognize_request};

#[derive(Debug, Clone)]
pub struct Fixture {
    /// `provider/fixture`: the provider's folder and the file name without `.json`.
    pub name: &'static str,
    /// The directory the file is in: the provider it belongs to.
    pub provider: &'static str,
    /// The file's text, exactly as in the repository.
    pub text: &'static str,
    pub description: String,
}

impl Fixture {
    pub fn json(&self) -> Value {
        serde_json::from_str(self.text).expect("fixtures are checked to be JSON by the tests")
    }

    /// The kind `hooks listen` recognises in this fixture.
    pub fn kind(&self) -> String {
        let headers = fixture_headers(self.provider, &self.name[self.provider.len() + 1..]);
        recognize_request(&self.json(), |name| header_in(&headers, name)).kind
    }
}

/// `provider/fixture` → description, from every definition's `[fixtures]`.
fn descriptions() -> BTreeMap<String, String> {
    crate::providers::registry()
        .definitions
        .iter()
        .flat_map(|definition| {
            let provider = &definition.manifest.name;
            definition
                .manifest
                .fixtures
                .iter()
                .map(move |(name, text)| (format!("{provider}/{name}"), text.clone()))
        })
        .collect()
}

/// Every fixture, sorted by name.
pub fn all() -> &'static [Fixture] {
    static ALL: OnceLock<Vec<Fixture>> = OnceLock::new();
    ALL.get_or_init(|| {
        let mut descriptions = descriptions();
        let definitions = &crate::providers::registry().definitions;
        // Built-in fixtures of a provider a user definition replaces are not its fixtures.
        let builtin = embedded::EMBEDDED.iter().copied().filter(|(name, _)| {
            let provider = name.split_once('/').map_or("", |(provider, _)| provider);
            definitions
                .iter()
                .any(|d| d.builtin && d.manifest.name == provider)
        });
        // A user's fixtures are read once per process and live as long as it.
        let users = definitions.iter().filter(|d| !d.builtin).flat_map(|d| {
            d.fixtures.iter().map(|(name, text)| {
                let name: &'static str =
                    Box::leak(format!("{}/{name}", d.manifest.name).into_boxed_str());
                let text: &'static str = Box::leak(text.clone().into_boxed_str());
                (name, text)
            })
        });
        let mut fixtures: Vec<Fixture> = builtin
            .chain(users)
            .map(|(name, text)| Fixture {
                name,
                provider: name.split_once('/').map_or("", |(provider, _)| provider),
                text,
                description: descriptions.remove(name).unwrap_or_default(),
            })
            .collect();
        fixtures.sort_by_key(|f| f.name);
        fixtures
    })
}

/// The fixture called `name`.
pub fn find(name: &str) -> Option<&'static Fixture> {
    all().iter().find(|f| f.name == name)
}

/// The fixtures a name selects: one fixture by its full name, or every fixture of a
/// provider by the provider's name.
pub fn select(name: &str) -> Vec<&'static Fixture> {
    match find(name) {
        Some(fixture) => vec![fixture],
        None => all().iter().filter(|f| f.provider == name).collect(),
    }
}

/// Whether `name` is the provider of some fixture.
pub fn is_provider(name: &str) -> bool {
    all().iter().any(|f| f.provider == name)
}

/// "did you mean a or b?" for the fixture and provider names nearest to `name` within a
/// few typos (its kind alone counts too: `receipt_notificaton`).
pub fn did_you_mean(name: &str) -> Option<String> {
    let allowed = (name.chars().count() / 3).max(1);
    let mut near: BTreeMap<&str, usize> = BTreeMap::new();
    for fixture in all() {
        let kind = fixture.name.rsplit('/').next().unwrap_or(fixture.name);
        for (candidate, distance) in [
            (
                fixture.name,
                edit_distance(name, fixture.name).min(edit_distance(name, kind)),
            ),
            (fixture.provider, edit_distance(name, fixture.provider)),
        ] {
            if distance <= allowed {
                near.insert(candidate, distance);
            }
        }
    }
    let nearest = near.values().copied().min()?;
    let names: Vec<&str> = near
        .into_iter()
        .filter(|&(_, distance)| distance == nearest)
        .map(|(candidate, _)| candidate)
        .take(3)
        .collect();
    match names.as_slice() {
        [] => None,
        [one] => Some(format!("did you mean {one}?")),
        [rest @ .., last] => Some(format!("did you mean {} or {last}?", rest.join(", "))),
    }
}

/// Levenshtein distance: the fewest single-character insertions, deletions and
/// substitutions that turn `a` into `b`.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut current = vec![i + 1];
        for (j, &cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != cb);
            current.push(substitution.min(previous[j + 1] + 1).min(current[j] + 1));
        }
        previous = current;
    }
    previous[b.len()]
}

fn unknown(name: &str) -> Error {
    let hint = did_you_mean(name)
        .unwrap_or_else(|| format!("e.g. {}", all().first().map_or("", |f| f.name)));
    Error::usage(format!(
        "no fixture named '{name}' ({hint}); `hooks fixtures list` shows them all"
    ))
}

pub fn run(command: FixturesCommand, out: Output) -> Result<()> {
    match command {
        FixturesCommand::List => {
            list(out);
            Ok(())
        }
        FixturesCommand::Show { name } => {
            let fixture = find(&name).ok_or_else(|| unknown(&name))?;
            if out.color && !out.json {
                out.line(pretty_json(&fixture.json(), out.stdout()));
            } else {
                // The file's own text, so `show NAME > file.json` is the fixture byte for byte.
                out.line(fixture.text.trim_end());
            }
            Ok(())
        }
    }
}

fn list(out: Output) {
    if out.json {
        let items: Vec<Value> = all()
            .iter()
            .map(|f| {
                json!({
                    "name": f.name,
                    "provider": f.provider,
                    "kind": f.kind(),
                    "description": f.description,
                })
            })
            .collect();
        out.json_line(&Value::Array(items));
        return;
    }
    let header = ["name", "provider", "kind", "description"].map(String::from);
    let rows: Vec<Vec<String>> = all()
        .iter()
        .map(|f| {
            vec![
                f.name.to_string(),
                f.provider.to_string(),
                f.kind(),
                f.description.clone(),
            ]
        })
        .collect();
    out.line(table(&header, &rows, out.stdout()));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edit_distance_counts_single_character_edits() {
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("batch", "batch"), 0);
        assert_eq!(edit_distance("bacth", "batch"), 2);
        assert_eq!(edit_distance("recipthero", "receipthero"), 1);
    }

    #[test]
    fn only_the_nearest_names_are_suggested() {
        assert_eq!(
            did_you_mean("receipthero/receipt_notificaton").as_deref(),
            Some("did you mean receipthero/receipt_notification?")
        );
        assert_eq!(
            did_you_mean("recipthero").as_deref(),
            Some("did you mean receipthero?")
        );
        assert_eq!(did_you_mean("zzzzzzzzzzzz"), None);
    }
}
