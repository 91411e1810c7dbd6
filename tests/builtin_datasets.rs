//! Every built-in dataset is exactly what `chiso import` writes from its folder of portal files, with
//! the meta the catalogue states (period, capture day), and scores as the portal published.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::path::Path;

use chiso::datasets::{self, Kind};
use chiso::engine::{portal_csv, scoring, snapshot_json, Meta, Methodology};
use chiso::present::text::VI;

#[test]
fn every_builtin_dataset_is_the_importers_output() {
    for d in datasets::ALL {
        let file = datasets::json(d.id).unwrap();
        let built = datasets::load(d.id).unwrap();
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("data").join(d.id);
        let (imported, _) =
            portal_csv::import(&common::read_dir_files(&dir), Methodology::default_version(), Meta::default()).unwrap();
        assert_eq!(built.units, imported.units, "{}", d.id);
        assert_eq!(built.meta.period, d.period(), "{}", d.id);
        assert_eq!(built.meta.captured.as_deref(), Some(d.captured), "{}", d.id);
        // Rewriting it gives the same text: the file is the writer's output, untouched.
        assert_eq!(snapshot_json::to_string(&built), file, "{}", d.id);
        // Every unit's total is the portal's published total, but where a folder lists an exception.
        let scores = scoring::score(&built);
        let exceptions = std::fs::read_to_string(dir.join("EXCEPTIONS")).unwrap_or_default();
        let mut equal = 0;
        for (i, u) in built.units.iter().enumerate() {
            if exceptions.lines().any(|l| l.split_whitespace().next() == Some(u.code.as_str())) {
                continue;
            }
            assert_eq!(Some(scores.units[i].total), u.published_total(), "{} {}", d.id, u.code);
            equal += 1;
        }
        assert!(equal + exceptions.lines().count() == built.units.len(), "{}", d.id);
        match d.kind {
            Kind::Province(name) => assert!(built.meta.title.contains(name), "{}", d.id),
            Kind::Nation => assert!(built.units.len() == 34 && d.nation.is_none()),
        }
        if let Some(n) = d.nation {
            let nation = datasets::find(n).unwrap();
            assert_eq!((nation.period, nation.captured), (d.period, d.captured), "the national list of the same day");
        }
    }
    assert_eq!(datasets::DEFAULT, "dak-lak-2026-year-20261010", "the users' own province");
    let phu_tho = datasets::sample();
    assert_eq!(VI.period(phu_tho.meta.period.as_ref().unwrap()), "Quý 3/2026");
    assert_eq!(scoring::score(&phu_tho).units[0].total.to_string(), "61.39");
}
