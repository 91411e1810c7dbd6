//! Scenarios as text (share links, saved scenarios) and snapshot identity.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use chiso::engine::points::Decimal;
use chiso::engine::scenario::Scenario;
use chiso::engine::share::{decode, encode, identity, ShareError, MAX_LEN};
use chiso::engine::synthetic::SplitMix;

#[test]
fn a_scenario_survives_its_text_and_typical_links_are_short() {
    let s = common::phu_tho();
    let m = &s.methodology;
    // The seven weakest communes lift online payment and digitization.
    let scores = chiso::engine::scoring::score(&s);
    let mut communes: Vec<usize> =
        (0..s.units.len()).filter(|&u| s.units[u].level == chiso::engine::Level::Commune).collect();
    chiso::engine::sorting::sort_by_key(&mut communes, |&u| scores.units[u].total);
    let mut sc = Scenario::new();
    for &u in &communes[..7] {
        sc.lift_group(&s, u, m.group_index("TTTT").unwrap(), Decimal::parse("1").unwrap()).unwrap();
        sc.lift_group(&s, u, m.group_index("MDSH").unwrap(), Decimal::parse("0.8").unwrap()).unwrap();
    }
    let text = encode(&s, &sc);
    assert_eq!(decode(&s, &text), Ok(sc.clone()));
    println!("share: 7 communes, {} overrides → {} characters", sc.len(), text.len());
    assert!(text.len() < 600, "{} characters", text.len());
    assert_eq!(decode(&s, ""), Ok(Scenario::new()));
}

#[test]
fn hostile_or_wrong_texts_are_refused_with_a_reason() {
    let s = common::phu_tho();
    let k = s.methodology.metric_index("DOSSIER_ON_TIME").unwrap();
    let bad = [
        ("<img src=x onerror=alert(1)>", "sai cú pháp"),
        ("H44.166", "sai cú pháp"),
        ("H44.166:abc", "sai cú pháp"),
        ("H44.166:1=-5", "sai cú pháp"),
        ("H44.166:1=99999999999999999999999", "sai cú pháp"),
        ("H99:1=5", "không có trong dữ liệu"),
        ("H44.166:999=5", "chỉ tiêu số 999"),
        (&format!("H44.166:{k}=999999"), "vượt mẫu số"),
        ("H44.166:0=1", "tính ở cấp tỉnh"),
    ];
    for (text, reason) in bad {
        let err = decode(&s, text).unwrap_err().to_string();
        assert!(err.contains(reason), "{text}: {err}");
    }
    assert_eq!(decode(&s, &"x".repeat(MAX_LEN + 1)), Err(ShareError::TooLong { len: MAX_LEN + 1, max: MAX_LEN }));
    let many: Vec<String> = (0..1001).map(|_| format!("{k}=1")).collect();
    assert_eq!(
        decode(&s, &format!("H44.166:{}", many.join(","))),
        Err(ShareError::TooMany { max: chiso::engine::share::MAX_OVERRIDES })
    );
    // Random bytes never panic.
    let mut rng = SplitMix(5);
    for _ in 0..20_000 {
        let len = (rng.next_u64() % 40) as usize;
        let text: String = (0..len).map(|_| b"H4.1:;,=0123456789x%"[(rng.next_u64() % 20) as usize] as char).collect();
        let _ = decode(&s, &text);
    }
}

#[test]
fn identity_follows_content_not_layout() {
    let s = common::phu_tho();
    let embedded = chiso::datasets::sample();
    assert_eq!(identity(&s).len(), 16);
    // Same units and counts: the embedded file has a title and period, the folder import has none.
    assert_ne!(s.meta, embedded.meta);
    assert_eq!(identity(&s), identity(&embedded));
    // One dossier less somewhere is other data.
    let k = embedded.methodology.metric_index("DOSSIER_ON_TIME").unwrap();
    let mut b = embedded.clone();
    let chiso::engine::MetricInput::Counts { num, den } = b.units[5].metrics[k] else { panic!("counts") };
    b.units[5].metrics[k] = chiso::engine::MetricInput::Counts { num: num - 1, den };
    assert_ne!(identity(&b), identity(&embedded));
}
