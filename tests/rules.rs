//! Hand-worked cases for each scoring rule of the methodology note, on hand-made snapshots.

mod common;

use chiso::engine::{scoring, Points};
use common::{parse, set_counts, snapshot_json, unit};

fn metric_points(doc: &serde_json::Value, unit_code: &str, metric: &str) -> Option<Points> {
    let s = parse(doc);
    let scores = scoring::score(&s);
    let k = s.methodology.metric_index(metric).unwrap();
    scores.units[s.unit_index(unit_code).unwrap()].metrics[k]
}

fn one_province() -> serde_json::Value {
    snapshot_json(vec![unit("P", "province", None)])
}

#[test]
fn full_marks_everywhere_is_100() {
    let s = parse(&snapshot_json(vec![unit("P", "province", None), unit("P.1", "commune", Some("P"))]));
    let scores = scoring::score(&s);
    assert_eq!(scores.units[0].total, Points(10000));
    assert_eq!(scores.units[1].total, Points(10000));
}

#[test]
fn target_metric_at_and_just_below_its_threshold() {
    let mut doc = one_province();
    // 3.5b procedures with online payments: 2 points, full from 80%.
    set_counts(&mut doc, 0, "ONLINE_PAYMENT_PROCEDURE", 8, 10);
    assert_eq!(metric_points(&doc, "P", "ONLINE_PAYMENT_PROCEDURE"), Some(Points(200)));
    // 79/100: 2 × 0.79 / 0.8 = 1.975 exactly → 1.98 (half-up)
    set_counts(&mut doc, 0, "ONLINE_PAYMENT_PROCEDURE", 79, 100);
    assert_eq!(metric_points(&doc, "P", "ONLINE_PAYMENT_PROCEDURE"), Some(Points(198)));
    // 799/1000: 2 × 0.799 / 0.8 = 1.9975 → 2.00, though below the threshold
    set_counts(&mut doc, 0, "ONLINE_PAYMENT_PROCEDURE", 799, 1000);
    assert_eq!(metric_points(&doc, "P", "ONLINE_PAYMENT_PROCEDURE"), Some(Points(200)));
    // Past the threshold nothing more: 95% still 2.00
    set_counts(&mut doc, 0, "ONLINE_PAYMENT_PROCEDURE", 95, 100);
    assert_eq!(metric_points(&doc, "P", "ONLINE_PAYMENT_PROCEDURE"), Some(Points(200)));
    // Satisfaction, 6 points from 90%: 0.8997 → 6.00, 0.8990 → 5.99 (data README)
    set_counts(&mut doc, 0, "DOSSIER_RECEIVING_SATISFACTION", 8997, 10000);
    assert_eq!(metric_points(&doc, "P", "DOSSIER_RECEIVING_SATISFACTION"), Some(Points(600)));
    set_counts(&mut doc, 0, "DOSSIER_RECEIVING_SATISFACTION", 8990, 10000);
    assert_eq!(metric_points(&doc, "P", "DOSSIER_RECEIVING_SATISFACTION"), Some(Points(599)));
    // Online filing, full from 50%: 1/4 → 6 × 0.25 / 0.5 = 3.00
    set_counts(&mut doc, 0, "ONLINE_DOSSIER_FILED", 1, 4);
    assert_eq!(metric_points(&doc, "P", "ONLINE_DOSSIER_FILED"), Some(Points(300)));
}

#[test]
fn half_up_rounding_on_an_exact_half() {
    let mut doc = one_province();
    // 3/16 × 6 = 1.125 → 1.13 (an f64 rate gives 1.12)
    set_counts(&mut doc, 0, "ONLINE_PAYMENT_DOSSIER", 3, 16);
    assert_eq!(metric_points(&doc, "P", "ONLINE_PAYMENT_DOSSIER"), Some(Points(113)));
    // 1/8 × 2 = 0.25 exactly; 1/3 × 4 = 1.333… → 1.33; 2/3 × 4 = 2.666… → 2.67
    set_counts(&mut doc, 0, "PUBLIC_CONTENT_FULL", 1, 8);
    assert_eq!(metric_points(&doc, "P", "PUBLIC_CONTENT_FULL"), Some(Points(25)));
    set_counts(&mut doc, 0, "SO_HOA_GIAY_TO_GIAI_QUYET", 1, 3);
    assert_eq!(metric_points(&doc, "P", "SO_HOA_GIAY_TO_GIAI_QUYET"), Some(Points(133)));
    set_counts(&mut doc, 0, "SO_HOA_GIAY_TO_GIAI_QUYET", 2, 3);
    assert_eq!(metric_points(&doc, "P", "SO_HOA_GIAY_TO_GIAI_QUYET"), Some(Points(267)));
}

/// The digitization metrics that have counts (ELECTRONIC_CERTIFIED_COPY is a given score).
const MDSH_WITH_COUNTS: [&str; 6] = [
    "ORIGINAL_RESULT_AVAILABLE",
    "SO_HOA_GIAY_TO_GIAI_QUYET",
    "REUSED_DIGITIZED_DATA",
    "SYNCED_WITH_DVCQG_PERSONAL_STORAGE",
    "CITIZEN_DATA_CONNECTED_DOSSIER",
    "CITIZEN_DATA_CONNECTED_FORMALITY",
];

#[test]
fn group_is_the_sum_of_rounded_metrics() {
    let mut doc = one_province();
    // MDSH: 1/3 of 6 = 2.00, 1/3 of 4 = 1.333 → 1.33, 1/3 of 2 (target 80%) = 0.8333 → 0.83,
    // 1/3 of 4 → 1.33, 1/3 of 2 → 0.67, 1/3 of 2 → 0.67, given 2.
    for metric in MDSH_WITH_COUNTS {
        set_counts(&mut doc, 0, metric, 1, 3);
    }
    let s = parse(&doc);
    let scores = scoring::score(&s);
    let mdsh = s.methodology.group_index("MDSH").unwrap();
    // 2.00 + 1.33 + 0.83 + 1.33 + 0.67 + 0.67 + 2 = 8.83
    assert_eq!(scores.units[0].groups[mdsh].points, Points(883));
    let k = s.methodology.metric_index("REUSED_DIGITIZED_DATA").unwrap();
    assert_eq!(scores.units[0].metrics[k], Some(Points(83)));
    // Where summing rounded metrics differs from rounding the exact sum: every rate at 1/9 gives
    // 0.67 + 0.44 + 0.28 + 0.44 + 0.22 + 0.22 + 2 = 4.27, while the exact sum 4.2778 would round to 4.28.
    for metric in MDSH_WITH_COUNTS {
        set_counts(&mut doc, 0, metric, 1, 9);
    }
    let s = parse(&doc);
    let scores = scoring::score(&s);
    assert_eq!(scores.units[0].groups[mdsh].points, Points(427));
}

#[test]
fn zero_denominators_follow_each_metrics_policy() {
    let mut doc = one_province();
    // → 0: dossiers on time with no dossiers (TDGQ 0/0 scores 0)
    set_counts(&mut doc, 0, "DOSSIER_ON_TIME", 0, 0);
    assert_eq!(metric_points(&doc, "P", "DOSSIER_ON_TIME"), Some(Points(0)));
    // → 6: no petitions means full marks on both petition metrics
    set_counts(&mut doc, 0, "PETITION_PROCESSING_ON_TIME", 0, 0);
    set_counts(&mut doc, 0, "PETITION_HANDLING_SATISFACTION", 0, 0);
    assert_eq!(metric_points(&doc, "P", "PETITION_PROCESSING_ON_TIME"), Some(Points(600)));
    assert_eq!(metric_points(&doc, "P", "PETITION_HANDLING_SATISFACTION"), Some(Points(600)));
    // → null, counted as 0 in the group: dossier metrics of digitization with no dossiers
    set_counts(&mut doc, 0, "ORIGINAL_RESULT_AVAILABLE", 0, 0);
    set_counts(&mut doc, 0, "DOSSIER_SYNC", 0, 0);
    assert_eq!(metric_points(&doc, "P", "ORIGINAL_RESULT_AVAILABLE"), None);
    assert_eq!(metric_points(&doc, "P", "DOSSIER_SYNC"), None);
    let s = parse(&doc);
    let scores = scoring::score(&s);
    let g = |code: &str| scores.units[0].groups[s.methodology.group_index(code).unwrap()].points;
    assert_eq!(g("MDSH"), Points(2200 - 600));
    assert_eq!(g("CKMB"), Points(1800 - 600));
    assert_eq!(g("TDGQ"), Points(0));
    assert_eq!(g("MDHL"), Points(1800));
    // online payment with no fee-bearing dossiers → 0 (as the portal scores Thanh tra tỉnh)
    set_counts(&mut doc, 0, "ONLINE_PAYMENT_DOSSIER", 0, 0);
    assert_eq!(metric_points(&doc, "P", "ONLINE_PAYMENT_DOSSIER"), Some(Points(0)));
}

#[test]
fn inherited_metrics_come_from_the_root() {
    let mut doc = snapshot_json(vec![unit("P", "province", None), unit("P.1", "commune", Some("P"))]);
    set_counts(&mut doc, 0, "PUBLIC_CONTENT_FULL", 87, 89); // 1.96 on the province and on every child
    set_counts(&mut doc, 0, "PUBLISH_ON_TIME", 0, 54);
    assert_eq!(metric_points(&doc, "P.1", "PUBLIC_CONTENT_FULL"), Some(Points(196)));
    assert_eq!(metric_points(&doc, "P.1", "PUBLISH_ON_TIME"), Some(Points(0)));
    // A child repeating the root's value (as the portal does) is accepted and changes nothing…
    set_counts(&mut doc, 1, "PUBLIC_CONTENT_FULL", 87, 89);
    assert_eq!(metric_points(&doc, "P.1", "PUBLIC_CONTENT_FULL"), Some(Points(196)));
    // …a different value is refused, naming the root.
    set_counts(&mut doc, 1, "PUBLIC_CONTENT_FULL", 89, 89);
    let err = chiso::engine::snapshot_json::parse(&doc.to_string(), "t.json").unwrap_err();
    assert_eq!(err.len(), 1);
    assert!(err[0].to_string().contains("mã đơn vị P.1"), "{}", err[0]);
    assert!(err[0].to_string().contains("đơn vị gốc P (87/89)"), "{}", err[0]);
}

#[test]
fn given_scores_for_a_metric_and_for_a_group() {
    let mut doc = snapshot_json(vec![unit("P", "province", None), unit("P.1", "commune", Some("P"))]);
    doc["units"][1]["metrics"]["ELECTRONIC_CERTIFIED_COPY"] = serde_json::json!({ "score": 1.5 });
    // CLGQ as a given score only, as the portal publishes it for communes
    for metric in ["ONLINE_PROCEDURE_PROVIDED", "ONLINE_SERVICE_USED", "ONLINE_DOSSIER_FILED"] {
        doc["units"][1]["metrics"].as_object_mut().unwrap().remove(metric);
    }
    doc["units"][1]["given_groups"] = serde_json::json!({ "CLGQ": 7.26 });
    let s = parse(&doc);
    let scores = scoring::score(&s);
    let clgq = s.methodology.group_index("CLGQ").unwrap();
    let mdsh = s.methodology.group_index("MDSH").unwrap();
    assert_eq!(scores.units[1].groups[clgq].points, Points(726));
    assert!(scores.units[1].groups[clgq].given);
    assert!(!scores.units[0].groups[clgq].given);
    assert_eq!(scores.units[1].groups[mdsh].points, Points(2200 - 50));
    assert_eq!(scores.units[1].total, Points(10000 - 1200 + 726 - 50));
}
