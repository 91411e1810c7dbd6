//! The engine imports nothing from the UI or the browser, so it builds and tests natively and can be
//! reused by the CLI. (The UI's crates are wasm32-only dependencies, so a native build would fail
//! anyway; this test says why, and also catches a path like `web_sys::` behind a cfg.)

use std::path::Path;

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|x| x == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn engine_modules_import_no_ui_or_browser_crate() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/engine");
    let mut files = Vec::new();
    rust_files(&dir, &mut files);
    assert!(files.len() >= 8, "found the engine's files");
    let forbidden = ["yew", "web_sys", "web-sys", "gloo", "js_sys", "js-sys", "wasm_bindgen", "wasm-bindgen"];
    let mut hits = Vec::new();
    for f in &files {
        let text = std::fs::read_to_string(f).unwrap();
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            for word in code.split(|c: char| !(c.is_alphanumeric() || c == '_' || c == '-')) {
                if forbidden.contains(&word) {
                    hits.push(format!("{}:{}: {}", f.display(), n + 1, line.trim()));
                }
            }
        }
    }
    assert!(hits.is_empty(), "the engine must stay free of UI crates:\n{}", hits.join("\n"));
}
