//! Embeds the built-in provider definitions in the binary: writes `$OUT_DIR/fixtures.rs`
//! with `EMBEDDED`, a table of (name, JSON text) of every fixture (`fixtures/**/*.json`
//! outside `schemas/`), and `DEFINITIONS`, a table of (folder, provider.toml text, its
//! schemas as (path below the folder, text)), so that adding a file is all a fixture, a
//! kind or a provider takes.
//!
//! Also sets what `hooks version` reports: `HOOKS_BUILD_COMMIT`, `HOOKS_BUILD_DATE`,
//! `HOOKS_BUILD_TARGET`, `HOOKS_BUILD_PROFILE` and `HOOKS_BUILD_FEATURES`.

use std::path::{Path, PathBuf};
use std::process::Command;

/// A git command's output in the crate's folder; None without git or outside a checkout
/// (a packaged crate).
fn git(args: &[&str]) -> Option<String> {
    let output = Command::new("git")
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .ok()?;
    let text = String::from_utf8(output.stdout).ok()?;
    (output.status.success() && !text.trim().is_empty()).then(|| text.trim().to_string())
}

/// `YYYY-MM-DD` of a Unix time (days to a civil date, as in Howard Hinnant's algorithm).
fn date_of(seconds: i64) -> String {
    let days = seconds.div_euclid(86_400);
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

/// The commit and its date, and the build's target, profile and features. The date is
/// `SOURCE_DATE_EPOCH` when set, else the commit's: the same source builds the same binary.
fn version_details() {
    if let Some(git_dir) = git(&["rev-parse", "--absolute-git-dir"]) {
        // A new commit moves HEAD or the branch it names.
        println!("cargo::rerun-if-changed={git_dir}/HEAD");
        if let Some(branch) = git(&["symbolic-ref", "-q", "HEAD"])
            && let Some(common) = git(&["rev-parse", "--path-format=absolute", "--git-common-dir"])
        {
            println!("cargo::rerun-if-changed={common}/{branch}");
            println!("cargo::rerun-if-changed={common}/packed-refs");
        }
    }
    println!("cargo::rerun-if-env-changed=SOURCE_DATE_EPOCH");
    // A packaged crate names the commit it was packaged from.
    let packaged =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(".cargo_vcs_info.json"))
            .ok()
            .and_then(|info| {
                let after = info.split("\"sha1\"").nth(1)?;
                let sha = after.split('"').nth(1)?;
                Some(sha.chars().take(12).collect::<String>())
            });
    let commit = packaged.or_else(|| git(&["rev-parse", "--short=12", "HEAD"]));
    let date = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|epoch| epoch.trim().parse::<i64>().ok())
        .or_else(|| git(&["log", "-1", "--format=%ct"])?.parse().ok())
        .map(date_of);
    let mut features: Vec<String> = std::env::vars()
        .filter_map(|(name, _)| {
            let feature = name.strip_prefix("CARGO_FEATURE_")?;
            Some(feature.to_ascii_lowercase().replace('_', "-"))
        })
        .collect();
    features.sort();
    let env = |name: &str| std::env::var(name).unwrap_or_else(|_| "unknown".into());
    println!(
        "cargo::rustc-env=HOOKS_BUILD_COMMIT={}",
        commit.as_deref().unwrap_or("unknown")
    );
    println!(
        "cargo::rustc-env=HOOKS_BUILD_DATE={}",
        date.as_deref().unwrap_or("unknown")
    );
    println!("cargo::rustc-env=HOOKS_BUILD_TARGET={}", env("TARGET"));
    println!("cargo::rustc-env=HOOKS_BUILD_PROFILE={}", env("PROFILE"));
    println!(
        "cargo::rustc-env=HOOKS_BUILD_FEATURES={}",
        features.join(",")
    );
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let entries =
        std::fs::read_dir(dir).unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()));
    for entry in entries {
        let path = entry.expect("directory entry").path();
        if path.is_dir() {
            // Schemas describe a provider's kinds; they are not notifications to replay.
            if path.file_name().is_some_and(|name| name != "schemas") {
                collect(&path, out);
            }
        } else if path.extension().is_some_and(|ext| ext == "json") {
            out.push(path);
        }
    }
}

fn main() {
    version_details();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    // A directory makes cargo rerun this script when anything below it changes.
    println!("cargo::rerun-if-changed={}", root.display());
    let mut files = Vec::new();
    collect(&root, &mut files);
    let mut entries: Vec<(String, PathBuf)> = files
        .into_iter()
        .map(|path| {
            let relative = path.strip_prefix(&root).expect("below fixtures/");
            let name = relative
                .with_extension("")
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect::<Vec<_>>()
                .join("/");
            (name, path)
        })
        .collect();
    entries.sort();
    let mut code = String::from("pub static EMBEDDED: &[(&str, &str)] = &[\n");
    for (name, path) in entries {
        code.push_str(&format!(
            "    ({name:?}, include_str!({:?})),\n",
            path.display().to_string()
        ));
    }
    code.push_str("];\n");
    code.push_str("/// (path below the folder, text)\npub type Files = &'static [(&'static str, &'static str)];\n");
    code.push_str("pub static DEFINITIONS: &[(&str, &str, Files)] = &[\n");
    let mut folders: Vec<PathBuf> = std::fs::read_dir(&root)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", root.display()))
        .map(|entry| entry.expect("directory entry").path())
        .filter(|path| path.join("provider.toml").is_file())
        .collect();
    folders.sort();
    for folder in folders {
        let name = folder.file_name().expect("a folder name").to_string_lossy();
        let mut schemas: Vec<PathBuf> = std::fs::read_dir(folder.join("schemas"))
            .map(|entries| {
                entries
                    .map(|e| e.expect("directory entry").path())
                    .collect()
            })
            .unwrap_or_default();
        schemas.sort();
        code.push_str(&format!(
            "    ({name:?}, include_str!({:?}), &[\n",
            folder.join("provider.toml").display().to_string()
        ));
        for schema in schemas {
            let relative = schema.strip_prefix(&folder).expect("below its folder");
            code.push_str(&format!(
                "        ({:?}, include_str!({:?})),\n",
                relative.display().to_string(),
                schema.display().to_string()
            ));
        }
        code.push_str("    ]),\n");
    }
    code.push_str("];\n");
    let out =
        PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("fixtures.rs");
    std::fs::write(&out, code).unwrap_or_else(|e| panic!("cannot write {}: {e}", out.display()));
}
