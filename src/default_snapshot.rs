//! The snapshot the app opens with: Phú Thọ, Q3/2026, as `chiso import` wrote it from the portal's
//! files in `data/phu-tho-2026-q3/` (the test `embedded_snapshot` checks it is exactly that output).
//!
//! The web app loads it as one of its own static files (`index.html` copies it into the site): data is
//! not code, and keeping it out of the wasm keeps the code small. Native tools and tests use the copy
//! compiled in here; the linker drops it from the web build, which never calls `load`.

use crate::engine::{snapshot_json, Snapshot};

pub const FILE_NAME: &str = "phu-tho-2026-q3.json";
pub const JSON: &str = include_str!("../data/phu-tho-2026-q3.json");

pub fn load() -> Snapshot {
    snapshot_json::parse(JSON, FILE_NAME).expect("the embedded snapshot is valid (tested natively)")
}
