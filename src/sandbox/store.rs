//! Callback registrations, per partner and notification type, in memory and optionally in a
//! JSON state file. One lock covers both the map and the file write, so concurrent requests
//! never interleave: every change is made on a copy, written, and only then becomes current.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, PoisonError};

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::error::{Error, Result};
use crate::output::counted;

/// One callback registration, as the list endpoint shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Registration {
    pub notification_type: u32,
    pub url: String,
    /// Every other field the PUT body carried, kept and listed as given.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
    pub created_at: String,
    pub updated_at: String,
}

/// The whole state, and the state file's format: partner GUID → notification type → registration.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Registrations {
    partners: BTreeMap<String, BTreeMap<u32, Registration>>,
}

pub struct Store {
    path: Option<PathBuf>,
    current: Mutex<Registrations>,
    /// What opening the state file repaired, for the start-up log.
    pub repairs: Vec<String>,
}

impl Store {
    /// An empty in-memory store, or the one in `path`: loaded when the file exists, otherwise
    /// created at once so that an unwritable location is reported now, not at the first PUT.
    pub fn open(path: Option<PathBuf>) -> Result<Store> {
        let mut repairs = Vec::new();
        let leftovers = path.as_deref().map_or(0, remove_leftovers);
        if leftovers > 0 {
            repairs.push(format!(
                "removed {} of an interrupted write next to the state file",
                counted(leftovers, "temporary file", "temporary files")
            ));
        }
        let registrations = match &path {
            None => Registrations::default(),
            Some(path) => match std::fs::read(path) {
                Ok(bytes) => {
                    let registrations = serde_json::from_slice(&bytes).map_err(|e| {
                        Error::usage(format!(
                            "state file {} is not a hooks sandbox state file ({e}); \
                             fix it, or delete it to start empty",
                            path.display()
                        ))
                    })?;
                    if make_private(path) {
                        repairs.push(format!(
                            "state file {} was readable by others; its mode is now 0600",
                            path.display()
                        ));
                    }
                    registrations
                }
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                    let empty = Registrations::default();
                    write_atomically(path, &empty).map_err(|e| {
                        Error::usage(format!("cannot create state file {}: {e}", path.display()))
                    })?;
                    empty
                }
                Err(e) => {
                    return Err(Error::usage(format!(
                        "cannot read state file {}: {e}",
                        path.display()
                    )));
                }
            },
        };
        Ok(Store {
            path,
            current: Mutex::new(registrations),
            repairs,
        })
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// How many registrations there are, over all partners.
    pub fn len(&self) -> usize {
        self.lock().partners.values().map(BTreeMap::len).sum()
    }

    pub fn get(&self, partner: &str, notification_type: u32) -> Option<Registration> {
        self.lock()
            .partners
            .get(partner)
            .and_then(|types| types.get(&notification_type))
            .cloned()
    }

    /// A partner's registrations in notification type order.
    pub fn list(&self, partner: &str) -> Vec<Registration> {
        self.lock()
            .partners
            .get(partner)
            .map(|types| types.values().cloned().collect())
            .unwrap_or_default()
    }

    /// Creates or replaces a registration (keeping its `createdAt`); true when it is new.
    pub fn put(
        &self,
        partner: &str,
        notification_type: u32,
        url: String,
        extra: Map<String, Value>,
        now: String,
    ) -> std::io::Result<(Registration, bool)> {
        self.change(|state| {
            let types = state.partners.entry(partner.to_string()).or_default();
            let previous = types.get(&notification_type);
            let created = previous.is_none();
            let registration = Registration {
                notification_type,
                url,
                extra,
                created_at: previous.map_or_else(|| now.clone(), |p| p.created_at.clone()),
                updated_at: now,
            };
            types.insert(notification_type, registration.clone());
            (registration, created)
        })
    }

    /// Removes a registration; None when there was none.
    pub fn delete(
        &self,
        partner: &str,
        notification_type: u32,
    ) -> std::io::Result<Option<Registration>> {
        if self.get(partner, notification_type).is_none() {
            return Ok(None);
        }
        self.change(|state| {
            let types = state.partners.get_mut(partner)?;
            let removed = types.remove(&notification_type);
            if types.is_empty() {
                state.partners.remove(partner);
            }
            removed
        })
    }

    fn lock(&self) -> MutexGuard<'_, Registrations> {
        // The lock is never held across a panic point that could leave the map half-changed.
        self.current.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Applies `edit` to a copy, writes the copy, then makes it current: a failed write
    /// leaves both the file and the memory as they were.
    fn change<T>(&self, edit: impl FnOnce(&mut Registrations) -> T) -> std::io::Result<T> {
        let mut current = self.lock();
        let mut next = current.clone();
        let result = edit(&mut next);
        if let Some(path) = &self.path {
            write_atomically(path, &next)?;
        }
        *current = next;
        Ok(result)
    }
}

/// Takes group and other permissions away from an existing state file that has them (one
/// written before the file was created private); true when it did.
fn make_private(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).is_ok_and(|meta| {
        meta.permissions().mode() & 0o077 != 0
            && std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600)).is_ok()
    })
}

/// The state file's name, which its temporary files' names start from.
fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || "state".into(),
        |name| name.to_string_lossy().into_owned(),
    )
}

/// Removes the temporary files `write_atomically` left next to `path` when a sandbox was
/// killed mid-write (`.NAME.PID.tmp`); returns how many. One sandbox per state file: another
/// one's write under way would lose its temporary file and fail.
fn remove_leftovers(path: &Path) -> usize {
    let prefix = format!(".{}.", file_name(path));
    let directory = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let Ok(entries) = std::fs::read_dir(directory) else {
        return 0;
    };
    entries
        .filter_map(|entry| entry.ok())
        .filter(|entry| {
            let name = entry.file_name();
            let name = name.to_string_lossy();
            name.strip_prefix(&prefix)
                .and_then(|rest| rest.strip_suffix(".tmp"))
                .is_some_and(|pid| !pid.is_empty() && pid.bytes().all(|b| b.is_ascii_digit()))
        })
        .filter(|entry| std::fs::remove_file(entry.path()).is_ok())
        .count()
}

/// Writes a temporary file next to `path` and renames it over `path`, so a reader (or a crash)
/// sees the old file or the new one, never half of one. The file is readable by its owner
/// only: registrations may carry signing secrets.
fn write_atomically(path: &Path, registrations: &Registrations) -> std::io::Result<()> {
    use std::os::unix::fs::OpenOptionsExt;
    let mut bytes = serde_json::to_vec_pretty(registrations)?;
    bytes.push(b'\n');
    let temporary = path.with_file_name(format!(".{}.{}.tmp", file_name(path), std::process::id()));
    let written = std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .mode(0o600)
        .open(&temporary)
        .and_then(|mut file| {
            file.write_all(&bytes)?;
            file.sync_all()
        });
    let renamed = written.and_then(|()| std::fs::rename(&temporary, path));
    if renamed.is_err() {
        let _ = std::fs::remove_file(&temporary);
    }
    renamed
}

#[cfg(test)]
mod tests {
    use super::*;

    const PARTNER: &str = "3f2c8d8e-1111-2222-3333-444455556666";

    #[test]
    fn put_keeps_created_at_and_delete_reports_absence() {
        let store = Store::open(None).unwrap();
        let (first, created) = store
            .put(PARTNER, 5, "http://a".into(), Map::new(), "t1".into())
            .unwrap();
        assert!(created);
        let (second, created) = store
            .put(PARTNER, 5, "http://b".into(), Map::new(), "t2".into())
            .unwrap();
        assert!(!created);
        assert_eq!(second.created_at, first.created_at);
        assert_eq!(second.updated_at, "t2");
        assert_eq!(store.delete(PARTNER, 5).unwrap(), Some(second));
        assert_eq!(store.delete(PARTNER, 5).unwrap(), None);
        assert_eq!(store.len(), 0);
    }

    #[test]
    fn the_state_file_round_trips() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.json");
        let store = Store::open(Some(path.clone())).unwrap();
        let mut extra = Map::new();
        extra.insert("secret".into(), Value::from("s"));
        store
            .put(PARTNER, 7, "http://a".into(), extra, "t".into())
            .unwrap();
        let reopened = Store::open(Some(path)).unwrap();
        assert_eq!(reopened.list(PARTNER), store.list(PARTNER));
        let leftovers: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(leftovers.len(), 1, "no temporary file is left behind");
    }
}
