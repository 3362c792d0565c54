//! Where the Callback API settings come from: a flag, else its environment variable
//! (clap reads both), else the named profile in the config file.

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde::Deserialize;

use crate::callback_api::{EXAMPLE_GUID, Endpoint, guid};
use crate::cli::GlobalArgs;
use crate::error::{Error, Result};

/// The profile used when `--profile` / `HOOKS_PROFILE` is not given.
const DEFAULT_PROFILE: &str = "default";

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct ConfigFile {
    #[serde(default)]
    profiles: BTreeMap<String, Profile>,
}

#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct Profile {
    base_url: Option<String>,
    partner: Option<String>,
    token: Option<String>,
}

/// Everything needed to call the Callback API.
#[derive(Debug, Clone)]
pub struct ApiSettings {
    pub base_url: reqwest::Url,
    pub partner: String,
    pub token: String,
}

/// `HOOKS_CONFIG` names the file explicitly; otherwise `<config dir>/hooks/config.toml`.
pub fn config_path() -> Option<PathBuf> {
    match std::env::var_os("HOOKS_CONFIG") {
        Some(path) if !path.is_empty() => Some(PathBuf::from(path)),
        _ => dirs::config_dir().map(|dir| dir.join("hooks").join("config.toml")),
    }
}

fn load_profile(requested: Option<&str>) -> Result<Profile> {
    let path = config_path();
    let named = std::env::var_os("HOOKS_CONFIG").is_some_and(|p| !p.is_empty());
    let text = match path.as_ref().map(std::fs::read_to_string) {
        Some(Ok(text)) => text,
        // A file named on purpose that is not there is a typo, not "no settings".
        Some(Err(e)) if named && e.kind() == std::io::ErrorKind::NotFound => {
            let path = path.unwrap_or_default();
            return Err(Error::usage(format!(
                "HOOKS_CONFIG names {}, which does not exist; fix the path or unset HOOKS_CONFIG",
                path.display()
            )));
        }
        Some(Err(e)) if e.kind() != std::io::ErrorKind::NotFound => {
            let path = path.unwrap_or_default();
            return Err(Error::usage(format!(
                "cannot read config file {}: {e}",
                path.display()
            )));
        }
        _ => {
            return match requested {
                Some(name) => Err(Error::usage(format!(
                    "profile '{name}' was requested but there is no config file{}",
                    path.map(|p| format!(" at {}", p.display()))
                        .unwrap_or_default()
                ))),
                None => Ok(Profile::default()),
            };
        }
    };
    let path = path.unwrap_or_default();
    let config: ConfigFile = toml::from_str(&text).map_err(|e| {
        // Only the message and the line: toml's own rendering quotes the line, token and all.
        let line = e
            .span()
            .map(|span| format!(" at line {}", text[..span.start].matches('\n').count() + 1))
            .unwrap_or_default();
        Error::usage(format!(
            "config file {} is not valid{line}: {}",
            path.display(),
            e.message()
        ))
    })?;
    match requested {
        Some(name) => config.profiles.get(name).cloned().ok_or_else(|| {
            let known: Vec<&str> = config.profiles.keys().map(String::as_str).collect();
            Error::usage(format!(
                "no profile '{name}' in {} (profiles there: {})",
                path.display(),
                if known.is_empty() {
                    "none".to_string()
                } else {
                    known.join(", ")
                }
            ))
        }),
        None => Ok(config
            .profiles
            .get(DEFAULT_PROFILE)
            .cloned()
            .unwrap_or_default()),
    }
}

fn missing(what: &str, flag: &str, var: &str, key: &str) -> Error {
    Error::usage(format!(
        "no {what}: pass --{flag}, set {var}, or put {key} in a profile of the config file"
    ))
}

impl ApiSettings {
    pub fn resolve(global: &GlobalArgs) -> Result<Self> {
        let profile = load_profile(global.profile.as_deref())?;
        let pick = |flag: &Option<String>, from_profile: Option<String>| {
            flag.clone()
                .or(from_profile)
                .filter(|v| !v.trim().is_empty())
        };
        let base_url = pick(&global.base_url, profile.base_url)
            .ok_or_else(|| missing("base URL", "base-url", "HOOKS_BASE_URL", "base_url"))?;
        let partner = pick(&global.partner, profile.partner)
            .ok_or_else(|| missing("partner id", "partner", "HOOKS_PARTNER", "partner"))?;
        // The provider's path parameter is a GUID: anything else can only be refused there.
        let partner = guid(partner.trim()).ok_or_else(|| {
            Error::usage(format!(
                "the partner id '{partner}' (--partner, HOOKS_PARTNER or the profile's partner) \
                 is not a GUID; expected e.g. {EXAMPLE_GUID}"
            ))
        })?;
        let token = pick(&global.token, profile.token)
            .ok_or_else(|| missing("token", "token", "HOOKS_TOKEN", "token"))?;
        if reqwest::header::HeaderValue::from_str(&format!("Bearer {token}")).is_err() {
            return Err(Error::usage(
                "the token (--token / HOOKS_TOKEN) holds characters an HTTP header cannot carry \
                 (a line break or control character?)",
            ));
        }
        Ok(ApiSettings {
            base_url: parse_http_url(&base_url, "base URL")?,
            partner,
            token,
        })
    }

    /// `{base}{endpoint's path}` for this partner, each segment percent-encoded, whatever
    /// path the base carries.
    pub fn url(&self, endpoint: Endpoint, notification_type: Option<u32>) -> reqwest::Url {
        let mut url = self.base_url.clone();
        if let Ok(mut path) = url.path_segments_mut() {
            path.pop_if_empty()
                .extend(endpoint.segments(&self.partner, notification_type));
        }
        url
    }
}

/// An absolute http(s) URL, or a usage error that says what was wrong.
pub fn parse_http_url(text: &str, what: &str) -> Result<reqwest::Url> {
    let url = reqwest::Url::parse(text.trim()).map_err(|e| {
        Error::usage(format!(
            "{what} '{text}' is not an absolute URL ({e}); expected e.g. https://host/path"
        ))
    })?;
    if !matches!(url.scheme(), "http" | "https") || url.host_str().is_none() {
        return Err(Error::usage(format!(
            "{what} '{text}' must be an http:// or https:// URL with a host"
        )));
    }
    Ok(url)
}
