//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chiso::engine::{methodology::Methodology, portal_csv, Meta, Snapshot};
use serde_json::{json, Value};

/// The real portal data shipped with the repository.
pub fn phu_tho_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data/phu-tho-2026-q3")
}

pub fn read_dir_files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.path().extension().is_some_and(|x| x == "csv"))
        .map(|e| (e.file_name().to_string_lossy().into_owned(), std::fs::read(e.path()).unwrap()))
        .collect()
}

pub fn phu_tho() -> Snapshot {
    portal_csv::import(&read_dir_files(&phu_tho_dir()), Methodology::default_version(), Meta::default())
        .unwrap_or_else(|p| panic!("the real data imports: {p:?}"))
        .0
}

/// A unit for a hand-made snapshot: every metric at full marks with round counts, so that a test
/// changes only what it is about. Inherited metrics are on the root only.
pub fn unit(code: &str, level: &str, parent: Option<&str>) -> Value {
    let m = Methodology::default_version();
    let mut metrics = serde_json::Map::new();
    for metric in &m.metrics {
        if parent.is_some() && metric.inherit == chiso::engine::methodology::Inherit::Root {
            continue;
        }
        let v = match metric.rule {
            chiso::engine::methodology::Rule::Given => json!({ "score": metric.max.as_f64() }),
            _ => json!({ "num": 100, "den": 100 }),
        };
        metrics.insert(metric.code.clone(), v);
    }
    json!({ "code": code, "name": format!("Đơn vị {code}"), "level": level, "parent": parent, "metrics": metrics })
}

pub fn snapshot_json(units: Vec<Value>) -> Value {
    json!({
        "format": "chiso.snapshot", "version": 1, "title": "Thử", "source": "hand-made",
        "captured": "2026-09-26", "period": { "kind": "quarter", "from": "2026-07-01", "to": "2026-09-30" },
        "methodology": "766-portal-2026", "units": units
    })
}

pub fn set_counts(doc: &mut Value, unit: usize, metric: &str, num: u64, den: u64) {
    doc["units"][unit]["metrics"][metric] = json!({ "num": num, "den": den });
}

pub fn parse(doc: &Value) -> Snapshot {
    chiso::engine::snapshot_json::parse(&doc.to_string(), "test.json").unwrap_or_else(|p| panic!("{p:?}"))
}
