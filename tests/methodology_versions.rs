//! A methodology version is data: a new one (here a made-up five-group version in the manner of the
//! decision's text, CLGQ and TTTT as one 22-point group) is read from JSON and scores snapshots with no
//! code change.

use std::sync::Arc;

use chiso::engine::{methodology::Methodology, scoring, snapshot_json, Points};

const FIVE_GROUPS: &str = r#"{
  "id": "766-test-five-groups",
  "name": "Five groups as in the decision's text (test)",
  "total_max": 100,
  "groups": [
    { "code": "CKMB", "name": "Công khai, minh bạch", "max": 18, "metrics": [
      { "code": "PUBLISH_ON_TIME", "name": "Công bố đúng hạn", "max": 18, "rule": { "kind": "linear" },
        "zero_denominator": "zero", "inherit": "root", "counts": "procedures" } ] },
    { "code": "TDGQ", "name": "Tiến độ", "max": 20, "metrics": [
      { "code": "DOSSIER_ON_TIME", "name": "Đúng hạn", "max": 20, "rule": { "kind": "target", "threshold": 0.95 },
        "zero_denominator": "full", "counts": "dossiers" } ] },
    { "code": "DVTT", "name": "Cung cấp dịch vụ trực tuyến", "max": 22, "metrics": [
      { "code": "ONLINE_DOSSIER_FILED", "name": "Nộp trực tuyến", "max": 12, "rule": { "kind": "target", "threshold": 0.625 },
        "zero_denominator": "zero", "counts": "dossiers" },
      { "code": "ONLINE_PAYMENT_DOSSIER", "name": "Thanh toán trực tuyến", "max": 10, "rule": { "kind": "linear" },
        "zero_denominator": "zero", "counts": "dossiers" } ] },
    { "code": "MDSH", "name": "Số hóa", "max": 22, "metrics": [
      { "code": "SO_HOA", "name": "Số hóa", "max": 22, "rule": { "kind": "linear" }, "zero_denominator": "null", "counts": "dossiers" } ] },
    { "code": "MDHL", "name": "Hài lòng", "max": 18, "metrics": [
      { "code": "HAI_LONG", "name": "Hài lòng", "max": 18, "rule": { "kind": "given" }, "zero_denominator": "zero", "counts": "units" } ] }
  ]
}"#;

#[test]
fn a_new_version_is_a_data_change_only() {
    let version = Arc::new(Methodology::from_json(FIVE_GROUPS).unwrap());
    assert_eq!(version.groups.len(), 5);
    let snapshot = r#"{
      "format": "chiso.snapshot", "version": 1, "title": "Thử", "methodology": "766-test-five-groups",
      "units": [
        { "code": "P", "name": "Tỉnh", "level": "province", "metrics": {
            "PUBLISH_ON_TIME": { "num": 1, "den": 3 }, "DOSSIER_ON_TIME": { "num": 90, "den": 100 },
            "ONLINE_DOSSIER_FILED": { "num": 1, "den": 2 }, "ONLINE_PAYMENT_DOSSIER": { "num": 1, "den": 8 },
            "SO_HOA": { "num": 0, "den": 0 }, "HAI_LONG": { "score": 17.5 } } },
        { "code": "P.1", "name": "Xã", "level": "commune", "parent": "P", "metrics": {
            "DOSSIER_ON_TIME": { "num": 0, "den": 0 }, "ONLINE_DOSSIER_FILED": { "num": 5, "den": 8 },
            "ONLINE_PAYMENT_DOSSIER": { "num": 1, "den": 1 }, "SO_HOA": { "num": 1, "den": 2 }, "HAI_LONG": { "score": 18 } } }
      ]
    }"#;
    let resolve = |id: &str| (id == version.id).then(|| Arc::clone(&version));
    let s = snapshot_json::parse_with(snapshot, "five.json", resolve).unwrap();
    let scores = scoring::score(&s);
    let groups = |u: usize| scores.units[u].groups.iter().map(|g| g.points).collect::<Vec<_>>();
    // Province: 18 × 1/3 = 6.00; 20 × 0.90 / 0.95 = 18.947 → 18.95; 12 × 0.5 / 0.625 = 9.60;
    // 10 × 1/8 = 1.25 → DVTT 10.85; MDSH null → 0; MDHL given 17.50.
    assert_eq!(groups(0), [600, 1895, 1085, 0, 1750].map(Points).to_vec());
    assert_eq!(scores.units[0].total, Points(600 + 1895 + 1085 + 1750));
    // Commune: CKMB inherited 6.00; no dossiers → full 20 (this version's policy); 5/8 = 0.625 → 12 + 10;
    // 22 × 1/2 = 11; 18.
    assert_eq!(groups(1), [600, 2000, 2200, 1100, 1800].map(Points).to_vec());
    // The shipped version does not know this one's metrics: the same file is refused with it.
    let err = snapshot_json::parse(snapshot, "five.json").unwrap_err();
    assert!(err[0].to_string().contains("766-test-five-groups"), "{}", err[0]);
}

#[test]
fn a_broken_version_is_refused_with_a_reason() {
    let bad = FIVE_GROUPS.replace("\"threshold\": 0.95", "\"threshold\": 1.5");
    let err = Methodology::from_json(&bad).unwrap_err().to_string();
    assert!(err.contains("DOSSIER_ON_TIME") && err.contains("threshold"), "{err}");
    let bad = FIVE_GROUPS.replace("\"total_max\": 100", "\"total_max\": 90");
    assert!(Methodology::from_json(&bad).unwrap_err().to_string().contains("total_max"));
}
