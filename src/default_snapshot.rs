//! The snapshot the app opens with: Phú Thọ, Q3/2026, as `chiso import` wrote it from the portal's
//! files in `data/phu-tho-2026-q3/` (the test `embedded_snapshot` checks it is exactly that output).
//! Embedded in the program, so the first screen needs no request.

use crate::engine::{snapshot_json, Snapshot};

pub const FILE_NAME: &str = "phu-tho-2026-q3.json";
pub const JSON: &str = include_str!("../data/phu-tho-2026-q3.json");

pub fn load() -> Snapshot {
    snapshot_json::parse(JSON, FILE_NAME).expect("the embedded snapshot is valid (tested natively)")
}
