//! Definitions read from folders (`<config dir>/hooks/providers/`, `--providers DIR`,
//! `HOOKS_PROVIDERS`), and the checks that make a broken one a usage error before
//! anything starts: its TOML, its schemas, its fixtures against their own schemas, and
//! recognition picking the right provider for each fixture, unclaimed by another of the
//! same priority.

use std::path::{Path, PathBuf};

use serde_json::Value;

use super::definition::{self, Definition};
use super::{Registry, builtin, claims, embedded, header_in};

/// Reads the definition in `folder`: `provider.toml`, its schemas, its `*.json` fixtures.
pub fn load(folder: &Path) -> Result<Definition, String> {
    let shown = folder.display().to_string();
    let manifest_path = folder.join("provider.toml");
    let manifest = std::fs::read_to_string(&manifest_path)
        .map_err(|e| format!("{}: {e}", manifest_path.display()))?;
    let mut definition = definition::load(&shown, &manifest, |path| {
        std::fs::read_to_string(folder.join(path)).map_err(|e| e.to_string())
    })?;
    let folder_name = folder.file_name().map(|n| n.to_string_lossy().into_owned());
    if folder_name.as_deref() != Some(definition.manifest.name.as_str()) {
        return Err(format!(
            "{shown}/provider.toml: name {:?} is not the folder's name",
            definition.manifest.name
        ));
    }
    let mut files: Vec<PathBuf> = std::fs::read_dir(folder)
        .map_err(|e| format!("{shown}: {e}"))?
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| path.is_file() && path.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    for file in files {
        let text =
            std::fs::read_to_string(&file).map_err(|e| format!("{}: {e}", file.display()))?;
        let name = file
            .file_stem()
            .map(|stem| stem.to_string_lossy().into_owned())
            .unwrap_or_default();
        definition.fixtures.push((name, text));
    }
    Ok(definition)
}

/// Every definition folder directly below `dir`, or `dir` itself when it is one.
pub fn load_all(dir: &Path) -> Result<Vec<Definition>, String> {
    if dir.join("provider.toml").is_file() {
        return Ok(vec![load(dir)?]);
    }
    let mut folders: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| format!("cannot read provider definitions in {}: {e}", dir.display()))?
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| path.join("provider.toml").is_file())
        .collect();
    folders.sort();
    folders.iter().map(|folder| load(folder)).collect()
}

/// One fixture as `check` judged it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Checked {
    /// `provider/fixture`.
    pub fixture: String,
    pub provider: String,
    pub kind: String,
}

/// The built-in definitions and those in `dirs` (one of a built-in's name replaces it),
/// checked: every fixture passes its kind's schema and is recognised as its own provider,
/// and no other provider of the same priority claims it.
pub fn registry_with(dirs: &[PathBuf]) -> Result<(Registry, Vec<Checked>), String> {
    let mut users = Vec::new();
    for dir in dirs {
        users.extend(load_all(dir)?);
    }
    let mut definitions: Vec<Definition> = builtin()?
        .into_iter()
        .filter(|own| {
            !users
                .iter()
                .any(|user| user.manifest.name == own.manifest.name)
        })
        .collect();
    definitions.extend(users);
    let registry = Registry::new(definitions)?;
    let checked = check(&registry)?;
    Ok((registry, checked))
}

/// Checks every fixture of `registry` (see [`registry_with`]).
pub fn check(registry: &Registry) -> Result<Vec<Checked>, String> {
    let mut checked = Vec::new();
    for definition in &registry.definitions {
        let provider = &definition.manifest.name;
        let embedded = embedded::EMBEDDED.iter().filter_map(|(name, text)| {
            let fixture = name.strip_prefix(provider.as_str())?.strip_prefix('/')?;
            Some((fixture.to_string(), text.to_string()))
        });
        let fixtures: Vec<(String, String)> = if definition.builtin {
            embedded.collect()
        } else {
            definition.fixtures.clone()
        };
        for (name, text) in fixtures {
            let file = format!(
                "{}/{name}.json",
                definition.origin.trim_end_matches("/provider.toml")
            );
            let body: Value =
                serde_json::from_str(&text).map_err(|e| format!("{file}: not JSON: {e}"))?;
            let headers: Vec<(String, String)> = definition
                .manifest
                .fixture_headers
                .get(&name)
                .map(|h| h.iter().map(|(k, v)| (k.clone(), v.clone())).collect())
                .unwrap_or_default();
            let rival = registry.definitions.iter().find(|other| {
                other.manifest.name != *provider
                    && other.manifest.priority == definition.manifest.priority
                    && claims(other, &body, &headers)
            });
            if let Some(rival) = rival {
                return Err(format!(
                    "{file}: claimed by both {} and {} with the same priority {}; give one a \
                     higher priority",
                    definition.origin, rival.origin, definition.manifest.priority
                ));
            }
            let recognition = registry.recognize(&body, |name| header_in(&headers, name));
            let recognised = recognition.provider.0 as usize;
            let Some(by) = registry.definitions.get(recognised) else {
                return Err(format!("{file}: no provider recognises this fixture"));
            };
            if by.manifest.name != *provider {
                return Err(format!(
                    "{file}: recognised as {} ({}), not as {provider}",
                    by.manifest.name, by.origin
                ));
            }
            if !recognition.warnings.is_empty() {
                return Err(format!(
                    "{file}: fails its own schema (kind {}): {}",
                    recognition.kind,
                    recognition.warnings.join("; ")
                ));
            }
            checked.push(Checked {
                fixture: format!("{provider}/{name}"),
                provider: provider.clone(),
                kind: recognition.kind,
            });
        }
    }
    Ok(checked)
}

/// The folders definitions are read from: `<config dir>/hooks/providers/` when it exists,
/// then `--providers DIR` / `HOOKS_PROVIDERS`.
pub fn user_dirs(flag: Option<&Path>) -> Vec<PathBuf> {
    let config = dirs::config_dir()
        .map(|dir| dir.join("hooks").join("providers"))
        .filter(|dir| dir.is_dir());
    config
        .into_iter()
        .chain(flag.map(Path::to_path_buf))
        .collect()
}
