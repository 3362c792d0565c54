//! Provider definitions: every provider's rules live in its definition folder, not the code.

use std::path::Path;

/// No provider is named in `src/` outside its test modules: recognition, warnings,
/// credentials, summaries, fresh ids and rounds all come from the definitions.
#[test]
fn no_provider_is_named_in_the_code() {
    fn walk(dir: &Path, found: &mut Vec<String>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, found);
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            // Everything from the first test module on is test code.
            let code = text.split("#[cfg(test)]").next().unwrap_or_default();
            for (number, line) in code.lines().enumerate() {
                let lower = line.to_lowercase();
                for name in [
                    "clubcollect",
                    "receipthero",
                    "document-status",
                    "partner-callbacks",
                ] {
                    if lower.contains(name) {
                        found.push(format!("{}:{}: {line}", path.display(), number + 1));
                    }
                }
            }
        }
    }
    let mut found = Vec::new();
    walk(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut found,
    );
    assert!(found.is_empty(), "{}", found.join("\n"));
}
