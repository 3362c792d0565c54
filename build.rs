//! Embeds the built-in provider definitions in the binary: writes `$OUT_DIR/fixtures.rs`
//! with `EMBEDDED`, a table of (name, JSON text) of every fixture (`fixtures/**/*.json`
//! outside `schemas/`), and `DEFINITIONS`, a table of (folder, provider.toml text, its
//! schemas as (path below the folder, text)), so that adding a file is all a fixture, a
//! kind or a provider takes.

use std::path::{Path, PathBuf};

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
