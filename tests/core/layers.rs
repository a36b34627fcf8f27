//! The core's folders are layers, and a module may only use the ones below it: the check reads
//! every `crate::…` path in `src/` so a new upward import fails here, not in review.

use std::path::{Path, PathBuf};

/// Lowest first. Modules on one level may use each other.
const LAYERS: &[&[&str]] = &[
    &["error"],
    &["text"],
    &["model"],
    &["measure", "workflow"],
    &["storage", "interchange"],
    &["draw"],
    &["report", "export"],
    &["app"],
    &["cli"],
];

fn level(module: &str) -> Option<usize> {
    LAYERS.iter().position(|l| l.contains(&module))
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The top-level modules named by the `crate::` paths in `source`, including those inside a
/// `crate::{a::X, b}` group.
fn used_modules(source: &str) -> Vec<String> {
    let mut used = Vec::new();
    let ident = |s: &str| -> String {
        s.chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect()
    };
    for (i, _) in source.match_indices("crate::") {
        if i > 0 {
            let before = source.as_bytes()[i - 1];
            if before.is_ascii_alphanumeric() || before == b'_' {
                continue; // e.g. `journeymap_crate::`
            }
        }
        let rest = &source[i + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let mut depth = 0;
            let mut item_start = true;
            for (j, c) in group.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => item_start = true,
                    c if c.is_whitespace() => {}
                    _ if item_start && depth == 0 => {
                        used.push(ident(&group[j..]));
                        item_start = false;
                    }
                    _ => {}
                }
            }
        } else {
            used.push(ident(rest));
        }
    }
    used
}

/// Where the items re-exported at the crate root (`crate::Error`) come from.
fn root_item_module(item: &str) -> Option<&'static str> {
    match item {
        "Error" | "ErrorCode" | "ErrorPayload" | "Result" => Some("error"),
        "ProjectFile" => Some("storage"),
        _ => None,
    }
}

#[test]
fn no_module_uses_one_above_it() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut wrong = Vec::new();
    for file in &files {
        let rel = file.strip_prefix(&src).unwrap();
        let first = rel
            .components()
            .next()
            .unwrap()
            .as_os_str()
            .to_string_lossy();
        let module = first.trim_end_matches(".rs");
        if module == "lib" {
            continue;
        }
        let own = level(module).unwrap_or_else(|| panic!("src/{module} is on no layer"));
        let text = std::fs::read_to_string(file).unwrap();
        for used in used_modules(&text) {
            let used_level = level(root_item_module(&used).unwrap_or(&used))
                .unwrap_or_else(|| panic!("{}: crate::{used} is on no layer", rel.display()));
            if used_level > own {
                wrong.push(format!("{} uses crate::{used}", rel.display()));
            }
        }
    }
    assert!(wrong.is_empty(), "upward imports:\n{}", wrong.join("\n"));
}

#[test]
fn the_check_sees_grouped_and_nested_paths() {
    let found = used_modules(
        "use crate::{model::{Id, Stage}, Error, app::Session};\nx = crate::report::render();",
    );
    assert_eq!(found, ["model", "Error", "app", "report"]);
}
