//! Embeds every methodology version found in `methodology/*.json`, so that shipping a new version of
//! the index is adding a data file: no code names the versions. (caniuse.rs validates its static data
//! in build.rs; here validation is the engine's own `Methodology::from_json`, run on every embedded
//! file by a unit test, so the rules live in one place.)
use std::{env, fs, path::Path};

fn main() {
    let dir = Path::new(&env::var("CARGO_MANIFEST_DIR").unwrap()).join("methodology");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut files: Vec<_> = fs::read_dir(&dir)
        .expect("methodology/ folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    // Native, at build time: the one sort that needs no engine::sorting (clippy.toml).
    #[allow(clippy::disallowed_methods)]
    files.sort();
    let mut out = String::from(
        "/// (file name, JSON text) of every embedded methodology version.\npub const BUILTIN: &[(&str, &str)] = &[\n",
    );
    for p in &files {
        println!("cargo:rerun-if-changed={}", p.display());
        let name = p.file_name().unwrap().to_string_lossy();
        out.push_str(&format!("    ({name:?}, include_str!({:?})),\n", p.display().to_string()));
    }
    out.push_str("];\n");
    fs::write(Path::new(&env::var("OUT_DIR").unwrap()).join("methodologies.rs"), out).unwrap();
}
