//! The province as its units make it: a plan toward a province total spread over its departments and
//! communes, and each unit's share of the points the province loses.
//!
//! A province's dossiers are its units' dossiers (the methodology's `rolls_up`): a scenario that
//! moves a unit's count moves the province's by as many (`Scenario::shown`). So the province's plan is
//! planned once, at the province, by the exact goal seek of `plan` (least effort); its rolled-up counts
//! are then handed to the units, and what the units cannot take (their ceilings, or counts held at
//! province level only: petitions handled by the province itself) stays with the province.
//!
//! Which unit takes a dossier does not change the province's effort (each costs what its kind
//! costs); it is handed to the unit whose rate is lowest (water-filling): the plan lifts the offices
//! furthest behind first, which is what the province's letters ask of them.

use std::collections::BTreeSet;

use super::methodology::Rule;
use super::plan::{self, ceiling_count, Effort, Goal};
use super::points::Points;
use super::ranking::Peers;
use super::scenario::{self, lever, Scenario};
use super::scoring::Scores;
use super::snapshot::{MetricInput, Snapshot};

/// One metric a unit moves in a province plan: the count scored before and in the plan, over `den`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Move {
    pub metric: usize,
    pub from: u64,
    pub to: u64,
    pub den: u64,
}

/// What one unit (or the province itself) does in the plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnitPart {
    pub unit: usize,
    pub moves: Vec<Move>,
    /// The effort of the counts the unit adds of its own (a count moved with the one it follows
    /// costs nothing more).
    pub effort: u64,
    pub total_from: Points,
    pub total_to: Points,
}

/// A plan for the province's total, spread over its units.
#[derive(Clone, Debug, PartialEq)]
pub struct ProvincePlan {
    pub root: usize,
    /// The total asked for.
    pub needed: Points,
    /// The scenario with the plan in it.
    pub scenario: Scenario,
    /// The scores under it.
    pub scores: Scores,
    /// Per unit that does something, the province first if it does, then the units by effort, most first.
    pub parts: Vec<UnitPart>,
    pub effort: u64,
    /// The province's total under the plan.
    pub total: Points,
    pub reached: bool,
}

/// The units under a root that can take more of a metric: (unit, count now, highest count allowed).
fn takers(
    snapshot: &Snapshot,
    scenario: &Scenario,
    root: usize,
    metric: usize,
    effort: &Effort,
) -> Vec<(usize, u64, u64, u64)> {
    if effort.locked.contains(&metric) {
        return Vec::new();
    }
    (0..snapshot.units.len())
        .filter(|&u| u != root && snapshot.root_of(u) == root)
        .filter_map(|u| {
            let (_, den) = lever(snapshot, u, metric).ok().filter(|&(_, d)| d > 0)?;
            let now = scenario.shown(snapshot, u, metric)?;
            let hi = ceiling_count(effort, metric, now, den);
            (hi > now).then_some((u, now, hi, den))
        })
        .collect()
}

/// Counts for `takers` (unit, now, highest, den) adding up to `amount` (or all they can take), the
/// lowest rates raised first: every unit taken to a common rate, the last few items to the units
/// furthest below it. Returns (unit, new count) for the units that move.
pub fn water_fill(takers: &[(usize, u64, u64, u64)], amount: u64) -> Vec<(usize, u64)> {
    let room: u64 = takers.iter().map(|&(_, now, hi, _)| hi - now).sum();
    if amount >= room {
        return takers.iter().filter(|t| t.2 > t.1).map(|&(u, _, hi, _)| (u, hi)).collect();
    }
    if amount == 0 {
        return Vec::new();
    }
    // At level L (a rate in billionths), a unit holds max(now, ceil(L × den)), within its highest.
    const ONE: u128 = 1_000_000_000;
    let at = |level: u128, &(_, now, hi, den): &(usize, u64, u64, u64)| -> u64 {
        let want = (level * u128::from(den)).div_ceil(ONE) as u64;
        want.clamp(now, hi)
    };
    let added = |level: u128| -> u64 { takers.iter().map(|t| at(level, t) - t.1).sum() };
    // The highest level that adds less than `amount` (level 0 adds nothing).
    let (mut lo, mut hi) = (0u128, ONE);
    while lo < hi {
        let mid = (lo + hi).div_ceil(2);
        if added(mid) < amount {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    let mut counts: Vec<(usize, u64, u64, u64)> = takers.iter().map(|t| (t.0, at(lo, t), t.2, t.3)).collect();
    // The few left: one each to the units with the lowest rate that still have room.
    let mut left = amount - added(lo);
    let mut order: Vec<usize> = (0..counts.len()).filter(|&i| counts[i].1 < counts[i].2).collect();
    super::sorting::sort_by(&mut order, |&a, &b| {
        let (x, y) = (&counts[a], &counts[b]);
        (u128::from(x.1) * u128::from(y.3)).cmp(&(u128::from(y.1) * u128::from(x.3))).then(a.cmp(&b))
    });
    for i in order {
        if left == 0 {
            break;
        }
        counts[i].1 += 1;
        left -= 1;
    }
    counts.into_iter().zip(takers).filter(|(c, t)| c.1 != t.1).map(|(c, _)| (c.0, c.1)).collect()
}

/// The plan of least effort that takes the province (`root`) to `needed`, spread over its units.
pub fn seek(
    snapshot: &Snapshot,
    peers: &Peers,
    scenario: &Scenario,
    current: &Scores,
    root: usize,
    needed: Points,
    effort: &Effort,
) -> ProvincePlan {
    let m = &snapshot.methodology;
    let mut sc = scenario.clone();
    let mut scores = current.clone();
    // Planned at the province; handed to the units; planned again from there if the units' links or
    // ceilings left the province short (a few rounds at most: each hands on what the last could not).
    for _ in 0..4 {
        if scores.units[root].total >= needed {
            break;
        }
        let at_root = plan::seek(snapshot, peers, &sc, &scores, root, Goal::Total(needed), effort);
        if at_root.steps.is_empty() {
            break;
        }
        // Followed metrics first: moving them moves their followers in every unit.
        let mut steps = at_root.steps.clone();
        super::sorting::sort_by_key(&mut steps, |s| m.metrics[s.metric].follows.is_some());
        let mut changed: BTreeSet<usize> = BTreeSet::from([root]);
        for step in steps {
            let k = step.metric;
            let Some(now) = sc.shown(snapshot, root, k) else { continue };
            if step.to <= now {
                continue;
            }
            let mut left = step.to - now;
            if m.metrics[k].rolls_up {
                for (u, count) in water_fill(&takers(snapshot, &sc, root, k, effort), left) {
                    let before = sc.shown(snapshot, u, k).unwrap_or(count);
                    if sc.set_shown(snapshot, u, k, count).is_ok() {
                        left -= count - before;
                        changed.insert(u);
                    }
                }
            }
            if left > 0 {
                // Counts of the province's own (or more than its units can take).
                let now = sc.shown(snapshot, root, k).unwrap_or(0);
                let _ = sc.set_shown(snapshot, root, k, now + left);
            }
        }
        scores = scenario::rescore(snapshot, peers, &sc, &scores, changed);
    }
    let parts = parts(snapshot, scenario, &sc, current, &scores, root, effort);
    let total = scores.units[root].total;
    ProvincePlan {
        root,
        needed,
        effort: parts.iter().map(|p| p.effort).sum(),
        parts,
        scenario: sc,
        scores,
        total,
        reached: total >= needed,
    }
}

/// What each unit does between two scenarios, the province first, then by effort (most first).
fn parts(
    snapshot: &Snapshot,
    before: &Scenario,
    after: &Scenario,
    scores_before: &Scores,
    scores_after: &Scores,
    root: usize,
    effort: &Effort,
) -> Vec<UnitPart> {
    let m = &snapshot.methodology;
    let units: BTreeSet<usize> = after.units().union(&before.units()).copied().collect();
    let mut out: Vec<UnitPart> = Vec::new();
    for u in units {
        let mut moves = Vec::new();
        let mut cost = 0;
        for k in 0..m.metrics.len() {
            let (Some(from), Some(to)) = (before.shown(snapshot, u, k), after.shown(snapshot, u, k)) else { continue };
            let Ok((base, den)) = lever(snapshot, u, k) else { continue };
            if from == to {
                continue;
            }
            let own = |s: &Scenario| s.numerator(u, k).unwrap_or(base);
            // The province's part is what it does itself: its counts its units move are theirs.
            if u == root && m.metrics[k].rolls_up && own(after) == own(before) {
                continue;
            }
            cost += own(after).saturating_sub(own(before)) * effort.price(m, k);
            moves.push(Move { metric: k, from, to, den });
        }
        if !moves.is_empty() {
            out.push(UnitPart {
                unit: u,
                moves,
                effort: cost,
                total_from: scores_before.units[u].total,
                total_to: scores_after.units[u].total,
            });
        }
    }
    super::sorting::sort_by(&mut out, |a, b| {
        (b.unit == root).cmp(&(a.unit == root)).then(b.effort.cmp(&a.effort)).then(a.unit.cmp(&b.unit))
    });
    out
}

/// One unit's part of what the province loses on a metric.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Share {
    /// The unit, or `None` for what is counted at province level only (no unit holds it).
    pub unit: Option<usize>,
    /// Items missing (dossiers not on time, petitions not handled on time…): for a metric with a
    /// target rate, the items short of it.
    pub missing: u64,
    /// Its share of the province's lost points on the metric, in hundredths.
    pub points: Points,
}

/// What the province loses on one metric that its units' counts make, and who holds it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Drag {
    pub metric: usize,
    /// The province's lost points on the metric (max − points), under the scenario.
    pub lost: Points,
    /// The province's missing items.
    pub missing: u64,
    /// Most missing first; only units missing something.
    pub shares: Vec<Share>,
}

/// Items short of full points: the whole rest for a linear metric, up to the target for a target one.
fn missing(rule: Rule, num: u64, den: u64) -> u64 {
    match rule {
        Rule::Target(t) => scenario::count_for_rate(t, den).map_or(0, |c| c.saturating_sub(num)),
        _ => den - num.min(den),
    }
}

/// For each metric whose counts roll up into the province, the province's lost points and each unit's
/// share of them (in proportion to the items it misses), under a scenario. Metrics with nothing lost
/// are left out; the rest come by lost points, most first.
pub fn drag(snapshot: &Snapshot, scenario: &Scenario, scores: &Scores, root: usize) -> Vec<Drag> {
    let m = &snapshot.methodology;
    let mut out = Vec::new();
    for (k, def) in m.metrics.iter().enumerate().filter(|(_, d)| d.rolls_up) {
        let (Some(points), MetricInput::Counts { den, .. }) =
            (scores.units[root].metrics[k], snapshot.units[root].metrics[k])
        else {
            continue;
        };
        let lost = Points(def.max.0.saturating_sub(points.0));
        if lost == Points::ZERO {
            continue;
        }
        let num = scenario.shown(snapshot, root, k).unwrap_or(0);
        let root_missing = missing(def.rule, num, den);
        let mut rows: Vec<(Option<usize>, u64)> = (0..snapshot.units.len())
            .filter(|&u| u != root && snapshot.root_of(u) == root)
            .filter_map(|u| {
                let (_, d) = lever(snapshot, u, k).ok()?;
                let n = scenario.shown(snapshot, u, k)?;
                Some((Some(u), missing(def.rule, n, d))).filter(|r| r.1 > 0)
            })
            .collect();
        let in_units: u64 = rows.iter().map(|r| r.1).sum();
        // A linear metric's missing items add up: what no unit holds is the province's own.
        if !matches!(def.rule, Rule::Target(_)) && root_missing > in_units {
            rows.push((None, root_missing - in_units));
        }
        let all: u64 = rows.iter().map(|r| r.1).sum();
        super::sorting::sort_by(&mut rows, |a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let shares = rows
            .into_iter()
            .map(|(unit, n)| Share {
                unit,
                missing: n,
                points: Points(super::points::div_round_half_up(
                    u128::from(lost.0) * u128::from(n),
                    u128::from(all.max(1)),
                ) as u32),
            })
            .collect();
        out.push(Drag { metric: k, lost, missing: root_missing, shares });
    }
    super::sorting::sort_by(&mut out, |a, b| b.lost.cmp(&a.lost).then(a.metric.cmp(&b.metric)));
    out
}

/// Each unit's share of all the province's lost points on metrics that roll up, most first (the
/// province's own part as `None`).
pub fn drag_by_unit(drags: &[Drag]) -> Vec<(Option<usize>, Points)> {
    let mut sum: std::collections::BTreeMap<Option<usize>, u32> = Default::default();
    for d in drags {
        for s in &d.shares {
            *sum.entry(s.unit).or_default() += s.points.0;
        }
    }
    let mut out: Vec<(Option<usize>, Points)> = sum.into_iter().map(|(u, p)| (u, Points(p))).collect();
    super::sorting::sort_by(&mut out, |a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn water_filling_lifts_the_lowest_rates_first() {
        // (unit, now, highest, den): rates 10%, 50%, 90%.
        let t = [(0, 10, 100, 100), (1, 50, 100, 100), (2, 90, 100, 100)];
        assert_eq!(water_fill(&t, 30), vec![(0, 40)], "only the lowest, up to 40%");
        let both = water_fill(&t, 50);
        assert_eq!(both, vec![(0, 55), (1, 55)], "then the two together, 55% each");
        let sum = |t: &[(usize, u64, u64, u64)], v: &[(usize, u64)]| v.iter().map(|&(u, c)| c - t[u].1).sum::<u64>();
        for amount in 0..=160 {
            let v = water_fill(&t, amount);
            assert_eq!(sum(&t, &v), amount.min(150), "every item placed: {amount}");
            assert!(v.iter().all(|&(u, c)| c > t[u].1 && c <= t[u].2));
        }
        // Unequal denominators: the rates meet, within one item.
        let t = [(0, 0, 10, 10), (1, 0, 1000, 1000)];
        let v = water_fill(&t, 505);
        let rate = |u: usize, c: u64| c as f64 / t[u].3 as f64;
        assert!((rate(v[0].0, v[0].1) - rate(v[1].0, v[1].1)).abs() <= 0.1 + 1e-9, "{v:?}");
        assert_eq!(sum(&t, &v), 505);
    }
}
