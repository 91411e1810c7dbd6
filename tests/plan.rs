//! Planning toward a target: the goal seek against brute force on small random units, rank targets with
//! ties, unreachable targets, linked counts, points lost cheapest first, and target sets on the real data.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::collections::{BTreeMap, BTreeSet};

use chiso::engine::methodology::Methodology;
use chiso::engine::plan::{self, Effort, Fixed, Goal, Recovery, TargetLine, TargetSet};
use chiso::engine::points::Decimal;
use chiso::engine::scenario::{evaluate, lever, Scenario};
use chiso::engine::synthetic::SplitMix;
use chiso::engine::{scoring, MetricInput, Peers, Points, Snapshot};
use common::{parse, snapshot_json, unit};
use serde_json::json;

/// A small methodology: four metrics of the rule kinds the index uses (linear, targets, one linked to
/// another), small maxima so that brute force is quick.
const SMALL: &str = r#"{
  "id": "plan-test", "name": "test", "total_max": 10,
  "groups": [
    { "code": "A", "name": "A", "max": 4, "metrics": [
      { "code": "LIN", "name": "lin", "max": 3, "rule": { "kind": "linear" }, "zero_denominator": "zero", "counts": "dossiers" },
      { "code": "TGT", "name": "tgt", "max": 1, "rule": { "kind": "target", "threshold": 0.8 }, "zero_denominator": "zero", "counts": "procedures" }
    ] },
    { "code": "B", "name": "B", "max": 6, "metrics": [
      { "code": "LEAD", "name": "lead", "max": 4, "rule": { "kind": "linear" }, "zero_denominator": "zero", "counts": "dossiers" },
      { "code": "FOLLOW", "name": "follow", "max": 2, "rule": { "kind": "target", "threshold": 0.9 }, "zero_denominator": "zero", "counts": "dossiers", "follows": "LEAD" }
    ] }
  ]
}"#;

/// A random unit (and two peers) over the small methodology: a metric, 2–4 of them movable, small counts.
fn random_snapshot(rng: &mut SplitMix) -> (Snapshot, Vec<usize>) {
    let m = std::sync::Arc::new(Methodology::from_json(SMALL).unwrap());
    let mut units = Vec::new();
    for i in 0..3 {
        let mut metrics = BTreeMap::new();
        for def in &m.metrics {
            let den = 1 + rng.upto(9);
            let num = rng.upto(den);
            metrics.insert(def.code.clone(), json!({ "num": num, "den": den }));
        }
        units.push(json!({ "code": format!("U{i}"), "name": format!("U{i}"), "level": "commune", "metrics": metrics }));
    }
    let doc =
        json!({ "format": "chiso.snapshot", "version": 1, "title": "t", "methodology": "plan-test", "units": units });
    let s = chiso::engine::snapshot_json::parse_with(&doc.to_string(), "t.json", |_| Some(m.clone())).unwrap();
    // Lock some metrics at random so that 2 to 4 are movable.
    let mut movable: Vec<usize> = (0..4).collect();
    while movable.len() > 2 && rng.upto(2) == 0 {
        movable.remove(rng.upto(movable.len() as u64 - 1) as usize);
    }
    (s, movable)
}

/// Every combination of counts, scored by the engine: the least effort that reaches `needed`, and the
/// best total reachable. Each metric's own count goes from where it is up to its ceiling; a metric that
/// follows another is also carried by it (beyond its ceiling if so carried, but its own counts only
/// up to the ceiling).
fn brute_force(s: &Snapshot, effort: &Effort, unit: usize, needed: Points) -> (Option<u64>, Points) {
    let m = &s.methodology;
    let movable: Vec<usize> = (0..m.metrics.len()).filter(|k| !effort.locked.contains(k)).collect();
    let ceiling = |k: usize, now: u64, den: u64| {
        chiso::engine::scenario::count_for_rate(effort.ceiling(k), den).unwrap().max(now).min(den)
    };
    let ranges: Vec<(u64, u64, u64)> = movable
        .iter()
        .map(|&k| {
            let (now, den) = lever(s, unit, k).unwrap();
            // A follower's own count may go to its denominator: what it shows is checked below.
            let hi = if m.metrics[k].follows.is_some() { den } else { ceiling(k, now, den) };
            (now, hi, den)
        })
        .collect();
    let peers = Peers::of(s);
    let (mut best_cost, mut best_total) = (None::<u64>, Points::ZERO);
    let mut idx: Vec<u64> = ranges.iter().map(|r| r.0).collect();
    loop {
        let mut sc = Scenario::new();
        let mut cost = 0;
        for (i, &k) in movable.iter().enumerate() {
            sc.set(s, unit, k, idx[i]).unwrap();
            cost += (idx[i] - ranges[i].0) * effort.price(m, k);
        }
        // A follower's own counts, where it has some, only up to its ceiling.
        let over = movable.iter().enumerate().any(|(i, &k)| {
            m.metrics[k].follows.is_some()
                && idx[i] > ranges[i].0
                && sc.shown(s, unit, k).unwrap() > ceiling(k, ranges[i].0, ranges[i].2)
        });
        let total = evaluate(s, &peers, &sc).units[unit].total;
        if !over {
            best_total = best_total.max(total);
            if total >= needed && best_cost.is_none_or(|b| cost < b) {
                best_cost = Some(cost);
            }
        }
        // Next combination (odometer).
        let mut i = 0;
        loop {
            if i == idx.len() {
                return (best_cost, best_total);
            }
            if idx[i] < ranges[i].1 {
                idx[i] += 1;
                break;
            }
            idx[i] = ranges[i].0;
            i += 1;
        }
    }
}

#[test]
fn goal_seek_equals_brute_force_on_small_random_units() {
    let mut rng = SplitMix(766);
    let (mut checked, mut unreachable, mut linked_moved) = (0, 0, 0);
    while checked < 1_200 {
        let (s, movable) = random_snapshot(&mut rng);
        let m = &s.methodology;
        let mut effort = Effort {
            locked: (0..m.metrics.len()).filter(|k| !movable.contains(k)).collect::<BTreeSet<_>>(),
            ..Effort::default()
        };
        for k in 0..m.metrics.len() {
            if rng.upto(3) == 0 {
                effort.ceilings.insert(k, Decimal { digits: 50 + rng.upto(50), scale: 2 });
            }
        }
        effort.per_item.insert("dossiers".into(), 1 + rng.upto(4));
        effort.per_item.insert("procedures".into(), 1 + rng.upto(6));
        let peers = Peers::of(&s);
        let scores = scoring::score(&s);
        let now = scores.units[0].total;
        let needed = Points(now.0 + rng.upto(1100 - u64::from(now.0).min(1000)) as u32);
        let plan = plan::seek(&s, &peers, &Scenario::new(), &scores, 0, Goal::Total(needed), &effort);
        let (cost, best) = brute_force(&s, &effort, 0, needed);
        match cost {
            Some(c) => {
                assert!(plan.reached, "case {checked}: reachable at {c} but the plan says not: {plan:?}");
                assert_eq!(plan.effort, c, "case {checked}: least effort, needed {needed}: {plan:?}");
                assert!(plan.total >= needed);
            }
            None => {
                assert!(!plan.reached, "case {checked}");
                assert_eq!(plan.total, best, "case {checked}: the best reachable total");
                unreachable += 1;
            }
        }
        // The plan's figures are the engine's: the scenario scored from scratch gives its total.
        assert_eq!(evaluate(&s, &peers, &plan.scenario).units[0].total, plan.total);
        let lead = m.metric_index("LEAD").unwrap();
        if plan.steps.iter().any(|st| st.metric == lead) && movable.contains(&3) {
            linked_moved += 1;
        }
        checked += 1;
    }
    println!("plan: {checked} random units equal brute force ({unreachable} unreachable, {linked_moved} with a linked pair moved)");
    assert!(unreachable > 20 && linked_moved > 20);
}

#[test]
fn a_linked_count_moves_with_the_count_it_follows() {
    let m = std::sync::Arc::new(Methodology::from_json(SMALL).unwrap());
    let doc = json!({ "format": "chiso.snapshot", "version": 1, "title": "t", "methodology": "plan-test", "units": [
        { "code": "U", "name": "U", "level": "commune", "metrics": {
            "LIN": { "num": 1, "den": 4 }, "TGT": { "num": 1, "den": 4 },
            "LEAD": { "num": 6, "den": 10 }, "FOLLOW": { "num": 5, "den": 10 } } } ] });
    let s = chiso::engine::snapshot_json::parse_with(&doc.to_string(), "t.json", |_| Some(m.clone())).unwrap();
    let (lead, follow) = (m.metric_index("LEAD").unwrap(), m.metric_index("FOLLOW").unwrap());
    let mut sc = Scenario::new();
    sc.set_shown(&s, 0, lead, 9).unwrap();
    // Three more on time: three more without delay.
    assert_eq!(sc.input(&s, 0, follow), MetricInput::Counts { num: 8, den: 10 });
    // Capped by its denominator.
    sc.set_shown(&s, 0, follow, 10).unwrap();
    sc.set_shown(&s, 0, lead, 10).unwrap();
    assert_eq!(sc.input(&s, 0, follow), MetricInput::Counts { num: 10, den: 10 });
    // Back down: the follower keeps what was set for it.
    sc.set_shown(&s, 0, lead, 6).unwrap();
    assert_eq!(sc.input(&s, 0, follow), MetricInput::Counts { num: 7, den: 10 });
    // The portal's methodology declares the link: DOSSIER_RECEIVING_SATISFACTION follows DOSSIER_ON_TIME.
    let portal = Methodology::default_version();
    let (on_time, satisfied) = (
        portal.metric_index("DOSSIER_ON_TIME").unwrap(),
        portal.metric_index("DOSSIER_RECEIVING_SATISFACTION").unwrap(),
    );
    assert_eq!(portal.metrics[satisfied].follows, Some(on_time));
}

#[test]
fn rank_targets_follow_competition_ranking_with_ties() {
    // Five communes: totals 100, 99, 99, 98 and the planned one lower.
    let mut units = vec![unit("P", "province", None)];
    for c in ["A", "B", "C", "D", "E"] {
        units.push(unit(&format!("P.{c}"), "commune", Some("P")));
    }
    let mut doc = snapshot_json(units);
    common::set_counts(&mut doc, 2, "DOSSIER_ON_TIME", 19, 20); // 99
    common::set_counts(&mut doc, 3, "DOSSIER_ON_TIME", 19, 20); // 99
    common::set_counts(&mut doc, 4, "DOSSIER_ON_TIME", 18, 20); // 98
    common::set_counts(&mut doc, 5, "DOSSIER_ON_TIME", 10, 20); // 90
    common::set_counts(&mut doc, 5, "DOSSIER_RECEIVING_SATISFACTION", 20, 20);
    let s = parse(&doc);
    let peers = Peers::of(&s);
    let scores = scoring::score(&s);
    let e = s.unit_index("P.E").unwrap();
    assert_eq!(scores.ranks[e].rank, 5);
    let effort = Effort::default();
    // Rank 2: catch the 99s — a tie shares rank 2, so 99 is enough, not 99.01.
    let p = plan::seek(&s, &peers, &Scenario::new(), &scores, e, Goal::Rank(2), &effort);
    assert!(p.reached);
    assert_eq!((p.needed, p.total, p.rank.rank), (Points(9900), Points(9900), 2));
    // Rank 4: 98 is enough; rank 1: 100; rank 5 or worse: nothing to do.
    assert_eq!(plan::seek(&s, &peers, &Scenario::new(), &scores, e, Goal::Rank(4), &effort).total, Points(9800));
    let first = plan::seek(&s, &peers, &Scenario::new(), &scores, e, Goal::Rank(1), &effort);
    assert_eq!((first.total, first.rank.rank), (Points(10000), 1));
    let none = plan::seek(&s, &peers, &Scenario::new(), &scores, e, Goal::Rank(9), &effort);
    assert!(none.reached && none.steps.is_empty() && none.effort == 0);
}

#[test]
fn an_unreachable_target_says_so_with_the_best_reachable() {
    let s = common::phu_tho();
    let peers = Peers::of(&s);
    let scores = scoring::score(&s);
    let u = s.unit_index("H44.166").unwrap();
    let p = plan::seek(&s, &peers, &Scenario::new(), &scores, u, Goal::Total(Points(10100)), &Effort::default());
    assert!(!p.reached);
    // The best reachable: every metric the unit can move at its maximum; CKMB's province-level metrics
    // and the given CLGQ score stay as they are.
    let b = &scores.units[u];
    let m = &s.methodology;
    let recoverable: u32 = (0..m.metrics.len())
        .filter(|&k| lever(&s, u, k).is_ok_and(|(_, den)| den > 0))
        .map(|k| m.metrics[k].max.0 - b.metrics[k].unwrap_or_default().0)
        .sum();
    assert_eq!(p.total.0, b.total.0 + recoverable, "{p:?}");
    // With ceilings, less: online payment at most 80%.
    let mut capped = Effort::default();
    capped.ceilings.insert(m.metric_index("ONLINE_PAYMENT_DOSSIER").unwrap(), Decimal::parse("0.8").unwrap());
    let q = plan::seek(&s, &peers, &Scenario::new(), &scores, u, Goal::Total(Points(10100)), &capped);
    assert!(q.total < p.total);
}

#[test]
fn points_lost_cheapest_first_and_what_is_not_in_the_units_hands() {
    let s = common::phu_tho();
    let scores = scoring::score(&s);
    let u = s.unit_index("H44.166").unwrap();
    let rows = plan::points_lost(&s, &Scenario::new(), &scores, u, &Effort::default());
    let m = &s.methodology;
    // Every scored metric of the groups with counts is listed once.
    let codes: BTreeSet<&str> = rows.iter().map(|r| m.metrics[r.metric].code.as_str()).collect();
    assert_eq!(codes.len(), rows.len());
    assert!(codes.contains("PUBLISH_ON_TIME") && codes.contains("ONLINE_PAYMENT_DOSSIER"));
    // Movable rows come first, by effort per point recovered.
    let per_point: Vec<f64> =
        rows.iter().filter_map(|r| r.effort_per_point()).map(|(e, p)| e as f64 / p as f64).collect();
    assert!(per_point.windows(2).all(|w| w[0] <= w[1]), "{per_point:?}");
    for r in &rows {
        let lost = r.max.0 - r.points.unwrap_or_default().0;
        assert_eq!(r.lost.0, lost);
        match &r.how {
            Recovery::Movable { now, to, den, points, effort } => {
                // The recovery is real: at `to` the metric earns its maximum (no ceiling here).
                let at = chiso::engine::scoring::metric_points(
                    &m.metrics[r.metric],
                    MetricInput::Counts { num: *to, den: *den },
                );
                assert_eq!(at, Some(m.metrics[r.metric].max), "{}", m.metrics[r.metric].code);
                assert_eq!(points.0, lost);
                assert_eq!(*effort, (to - now) * Effort::default().price(m, r.metric));
            }
            Recovery::Fixed(Fixed::Inherited { root }) => assert_eq!(root, "H44"),
            Recovery::Fixed(_) => {}
        }
    }
    let publish = rows.iter().find(|r| m.metrics[r.metric].code == "PUBLISH_ON_TIME").unwrap();
    assert!(matches!(publish.how, Recovery::Fixed(Fixed::Inherited { .. })));
}

#[test]
fn the_commune_preset_on_every_unit_equals_scoring_those_counts_from_scratch() {
    // On every department and commune of Phú Thọ; the province's counts follow as their sum.
    let s = common::phu_tho();
    let m = &s.methodology;
    let set = TargetSet::commune_preset(m, "preset");
    assert_eq!(set.minimum.len(), 9);
    let mut sc = Scenario::new();
    let mut raised = 0;
    let mut not_applicable = 0;
    let root = s.unit_index("H44").unwrap();
    for u in (0..s.units.len()).filter(|&u| u != root) {
        for line in plan::apply_targets(&s, &mut sc, u, &set) {
            match line {
                TargetLine::Raised { .. } => raised += 1,
                TargetLine::NotApplicable { .. } => not_applicable += 1,
                TargetLine::Met { .. } => {}
            }
        }
    }
    // Independently: the counts each target asks (smallest whole count at the rate, none lowered), and
    // the link — on-time dossiers added are dossiers without delay too (capped by its denominator).
    let mut expected = s.clone();
    let rate = |code: &str| set.minimum.iter().find(|(k, _)| m.metrics[*k].code == code).map(|(_, r)| *r);
    let on_time = m.metric_index("DOSSIER_ON_TIME").unwrap();
    let satisfied = m.metric_index("DOSSIER_RECEIVING_SATISFACTION").unwrap();
    for unit in expected.units.iter_mut().filter(|u| u.parent.is_some()) {
        let mut on_time_added = 0;
        for k in 0..m.metrics.len() {
            if let (MetricInput::Counts { num, den }, Some(r)) = (unit.metrics[k], rate(&m.metrics[k].code)) {
                let (n, d) = r.as_fraction();
                let want = (u128::from(den) * u128::from(n)).div_ceil(u128::from(d)) as u64;
                if k == on_time {
                    on_time_added = want.saturating_sub(num);
                }
                if k != satisfied {
                    unit.metrics[k] = MetricInput::Counts { num: num.max(want), den };
                }
            }
        }
        if let MetricInput::Counts { num, den } = unit.metrics[satisfied] {
            let carried = (num + on_time_added).min(den);
            let (n, d) = rate("DOSSIER_RECEIVING_SATISFACTION").unwrap().as_fraction();
            let want = (u128::from(den) * u128::from(n)).div_ceil(u128::from(d)) as u64;
            unit.metrics[satisfied] = MetricInput::Counts { num: carried.max(want), den };
        }
    }
    // The province's dossier counts are its units': each moves by the sum of their changes.
    for k in (0..m.metrics.len()).filter(|&k| m.metrics[k].rolls_up) {
        let count = |x: &MetricInput| if let MetricInput::Counts { num, .. } = x { *num } else { 0 };
        let added: u64 = (0..s.units.len())
            .filter(|&u| u != root)
            .map(|u| count(&expected.units[u].metrics[k]) - count(&s.units[u].metrics[k]))
            .sum();
        if let MetricInput::Counts { num, den } = s.units[root].metrics[k] {
            expected.units[root].metrics[k] = MetricInput::Counts { num: (num + added).min(den), den };
        }
    }
    let peers = Peers::of(&s);
    let applied = evaluate(&s, &peers, &sc);
    let scratch = scoring::score(&expected);
    assert!(applied.units[root].total > scoring::score(&s).units[root].total, "the province rises with its units");
    for u in 0..s.units.len() {
        assert_eq!(applied.units[u].total, scratch.units[u].total, "{}", s.units[u].code);
        assert_eq!(applied.ranks[u], scratch.ranks[u], "{}", s.units[u].code);
    }
    println!("targets: preset on {} units, {raised} metrics raised, {not_applicable} not applicable", s.units.len());
    assert!(raised > 500 && not_applicable > 0);
}

#[test]
fn a_plan_to_a_deadline_moves_only_what_is_still_to_come() {
    // Year 2026 captured on 10/10: 283 days seen, 82 to come until 31/12.
    let mut doc = snapshot_json(vec![unit("P", "province", None), unit("P.1", "commune", Some("P"))]);
    doc["period"] = json!({ "kind": "year", "from": "2026-01-01", "to": "2026-12-31" });
    doc["captured"] = json!("2026-10-10");
    common::set_counts(&mut doc, 1, "DOSSIER_ON_TIME", 800, 1000);
    common::set_counts(&mut doc, 1, "ONLINE_PAYMENT_DOSSIER", 150, 300);
    common::set_counts(&mut doc, 1, "ONLINE_PAYMENT_INTEGRATED", 40, 100);
    let s = parse(&doc);
    let m = &s.methodology;
    let (on_time, paid, integrated) = (
        m.metric_index("DOSSIER_ON_TIME").unwrap(),
        m.metric_index("ONLINE_PAYMENT_DOSSIER").unwrap(),
        m.metric_index("ONLINE_PAYMENT_INTEGRATED").unwrap(),
    );
    let p = chiso::engine::projection::project(&s, "2026-12-31", &BTreeMap::new()).unwrap();
    assert_eq!((p.elapsed, p.remaining), (283, 82));
    // 1000 × 82/283 = 289.75 → 290 more dossiers, 80% of them on time: 232; 300 × 82/283 → 87, half paid: 44.
    assert_eq!(p.snapshot.units[1].metrics[on_time], MetricInput::Counts { num: 1032, den: 1290 });
    assert_eq!(p.added[&(1, on_time)], (290, 232));
    assert_eq!(p.snapshot.units[1].metrics[paid], MetricInput::Counts { num: 194, den: 387 });
    // Procedures are a stock: not projected.
    assert_eq!(p.snapshot.units[1].metrics[integrated], MetricInput::Counts { num: 40, den: 100 });
    // Typed by the user instead of the pace.
    let typed: BTreeMap<(usize, usize), u64> = [((1, on_time), 100)].into();
    let q = chiso::engine::projection::project(&s, "2026-12-31", &typed).unwrap();
    assert_eq!(q.snapshot.units[1].metrics[on_time], MetricInput::Counts { num: 880, den: 1100 });
    // The plan at the deadline: every new dossier on time is the most there is (the 200 late ones stay).
    let mut effort = Effort::default();
    for k in 0..m.metrics.len() {
        if let Some(u) = p.upper(1, k, &s) {
            effort.upper.insert(k, u);
        }
    }
    assert_eq!(effort.upper[&on_time], 800 + 290);
    let peers = Peers::of(&p.snapshot);
    let scores = scoring::score(&p.snapshot);
    let plan = plan::seek(&p.snapshot, &peers, &Scenario::new(), &scores, 1, Goal::Total(Points(10000)), &effort);
    assert!(!plan.reached);
    let step = plan.steps.iter().find(|st| st.metric == on_time).unwrap();
    assert_eq!((step.from, step.to, step.den), (1032, 1090, 1290));
    // Integration of procedures is not bounded by the pace: it can still reach 100%.
    assert_eq!(plan.steps.iter().find(|st| st.metric == integrated).map(|st| st.to), Some(80));
    // Deadlines outside the period, or a snapshot without dates, are refused.
    use chiso::engine::projection::ProjectionError;
    assert_eq!(
        chiso::engine::projection::project(&s, "2027-01-31", &BTreeMap::new()),
        Err(ProjectionError::PastPeriod { end: "2026-12-31".into() })
    );
    assert_eq!(chiso::engine::projection::project(&s, "2026-10-01", &BTreeMap::new()), Err(ProjectionError::NotAfter));
    let undated = chiso::datasets::sample();
    let mut undated = undated;
    undated.meta.captured = None;
    assert_eq!(
        chiso::engine::projection::project(&undated, "2026-12-31", &BTreeMap::new()),
        Err(ProjectionError::NoDates)
    );
}
