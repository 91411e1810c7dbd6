//! The engine against the portal's own published scores for Phú Thọ, Q3/2026: every group score of
//! every unit, and every metric score the portal publishes for a metric with counts.

mod common;

use std::collections::HashMap;

use chiso::engine::{scoring, snapshot_json, Points};

/// The portal's numbers, read straight from the CSV files (not through the engine's importer).
struct Published {
    /// (unit code, group code) → group score
    groups: HashMap<(String, String), Points>,
    /// (unit code, metric code) → published metric score (None = null), for metrics with counts
    metrics: Vec<(String, String, Option<Points>)>,
}

fn published() -> Published {
    let m = chiso::engine::Methodology::default_version();
    let (mut groups, mut metrics) = (HashMap::new(), Vec::new());
    for g in &m.groups {
        let path = common::phu_tho_dir().join(g.portal_file.as_deref().unwrap());
        let mut r = csv::Reader::from_path(path).unwrap();
        let headers = r.headers().unwrap().clone();
        for rec in r.records() {
            let rec = rec.unwrap();
            let get = |name: &str| headers.iter().position(|h| h == name).map(|i| rec[i].to_owned());
            let code = get("unit_code").unwrap();
            let score = |s: String| Points((s.parse::<f64>().unwrap() * 100.0).round() as u32);
            groups.insert((code.clone(), g.code.clone()), score(get("group_score").unwrap()));
            for metric in &m.metrics[g.metrics.clone()] {
                let code_m = &metric.code;
                let (Some(num), Some(den), Some(s)) =
                    (get(&format!("{code_m}__num")), get(&format!("{code_m}__den")), get(&format!("{code_m}__score")))
                else {
                    continue;
                };
                if num.is_empty() || den.is_empty() || metric.max == Points::ZERO {
                    continue;
                }
                metrics.push((code.clone(), code_m.clone(), (!s.is_empty()).then(|| score(s))));
            }
        }
    }
    Published { groups, metrics }
}

#[test]
fn every_group_and_metric_score_matches_the_portal() {
    let snapshot = common::phu_tho();
    let scores = scoring::score(&snapshot);
    let m = &snapshot.methodology;
    let p = published();
    assert_eq!(snapshot.units.len(), 164);

    let mut checked_groups = 0;
    for (i, u) in snapshot.units.iter().enumerate() {
        for (gi, g) in m.groups.iter().enumerate() {
            let expected = p.groups[&(u.code.clone(), g.code.clone())];
            assert_eq!(scores.units[i].groups[gi].points, expected, "{} {}", u.code, g.code);
            checked_groups += 1;
        }
    }
    let mut checked_metrics = 0;
    let mut null_metrics = 0;
    for (unit, metric, expected) in &p.metrics {
        let i = snapshot.unit_index(unit).unwrap();
        let k = m.metric_index(metric).unwrap();
        assert_eq!(scores.units[i].metrics[k], *expected, "{unit} {metric}");
        checked_metrics += 1;
        null_metrics += usize::from(expected.is_none());
    }
    println!(
        "portal fidelity: {checked_groups} group scores, {checked_metrics} metric scores ({null_metrics} null) match"
    );
    assert_eq!(checked_groups, 164 * 6);
    // 4 CKMB + 6 MDSH with counts + 3 scored MDHL metrics, on 164 rows
    assert_eq!(checked_metrics, 164 * 13);
    assert_eq!(null_metrics, 6, "DOSSIER_SYNC and the five dossier MDSH metrics of Thanh tra tỉnh");
}

#[test]
fn province_worked_example() {
    let snapshot = common::phu_tho();
    let scores = scoring::score(&snapshot);
    let root = snapshot.unit_index("H44").unwrap();
    let groups: Vec<String> = scores.units[root].groups.iter().map(|g| g.points.to_string()).collect();
    assert_eq!(groups, ["7.96", "17.35", "8.41", "6.67", "8.75", "12.25"]);
    assert_eq!(scores.units[root].total.to_string(), "61.39");
    // Commune totals run from 50.23 to 68.45 (data README).
    let communes: Vec<Points> = snapshot
        .units
        .iter()
        .enumerate()
        .filter(|(_, u)| u.level == chiso::engine::Level::Commune)
        .map(|(i, _)| scores.units[i].total)
        .collect();
    assert_eq!(communes.len(), 148);
    assert_eq!(communes.iter().min().unwrap().to_string(), "50.23");
    assert_eq!(communes.iter().max().unwrap().to_string(), "68.45");
}

#[test]
fn children_dossier_counts_add_up_to_the_province() {
    // A property of the data the engine relies on later (roll-up): checked, not assumed.
    let snapshot = common::phu_tho();
    let m = &snapshot.methodology;
    let root = snapshot.unit_index("H44").unwrap();
    for (k, metric) in m.metrics.iter().enumerate().filter(|(_, x)| x.counts == "dossiers") {
        let (mut num, mut den) = (0, 0);
        for (i, _) in snapshot.units.iter().enumerate().filter(|(i, _)| *i != root) {
            if let chiso::engine::MetricInput::Counts { num: n, den: d } = snapshot.units[i].metrics[k] {
                num += n;
                den += d;
            }
        }
        if metric.code == "DOSSIER_SYNC" || metric.code == "ONLINE_DOSSIER_FILED" {
            continue; // the portal's provisional reference count; CLGQ counts exist for the province only
        }
        assert_eq!(snapshot.units[root].metrics[k], chiso::engine::MetricInput::Counts { num, den }, "{}", metric.code);
    }
}

#[test]
fn snapshot_json_round_trip_keeps_every_score() {
    let snapshot = common::phu_tho();
    let text = snapshot_json::to_string(&snapshot);
    let back = snapshot_json::parse(&text, "phu-tho.json").unwrap();
    assert_eq!(back.units, snapshot.units);
    assert_eq!(scoring::score(&back), scoring::score(&snapshot));
    // One unit per line, between a header of seven fields and the closing brackets.
    assert_eq!(text.lines().count(), 1 + 7 + 1 + 164 + 2);
}
