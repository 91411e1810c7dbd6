//! The app's embedded snapshot is exactly what the importer makes of the portal files.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use chiso::engine::{scoring, snapshot_json};

#[test]
fn embedded_snapshot_is_the_importers_output() {
    let embedded = chiso::default_snapshot::load();
    let imported = common::phu_tho();
    assert_eq!(embedded.units, imported.units);
    assert_eq!(chiso::present::text::VI.period(embedded.meta.period.as_ref().unwrap()), "Quý 3/2026");
    assert_eq!(embedded.meta.captured.as_deref(), Some("2026-09-26"));
    // Rewriting it gives the same text: the file is the writer's output, untouched.
    assert_eq!(snapshot_json::to_string(&embedded), chiso::default_snapshot::JSON);
    assert_eq!(scoring::score(&embedded).units[0].total.to_string(), "61.39");
}
