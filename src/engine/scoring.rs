//! Scores every metric, group and total of a snapshot exactly as the portal does: each metric capped
//! then rounded half-up to hundredths; a group is the sum of its rounded metrics (or its given score);
//! the total is the sum of the groups.

use std::rc::Rc;

use super::chunked::Chunked;
use super::methodology::{Arithmetic, Metric, Rule, ZeroDenominator};
use super::points::{self, Points};
use super::ranking::{self, Peers, Rank};
use super::snapshot::{MetricInput, Snapshot};

/// Points of one metric for one input. `None` is the portal's null (no score shown, 0 in the group).
pub fn metric_points(metric: &Metric, input: MetricInput) -> Option<Points> {
    match (metric.rule, input) {
        (_, MetricInput::Missing) | (Rule::Monitor, _) => None,
        (_, MetricInput::Score(p)) => Some(p.min(metric.max)),
        (Rule::Given, MetricInput::Counts { .. }) => None,
        (_, MetricInput::Counts { den: 0, .. }) => match metric.zero_denominator {
            ZeroDenominator::Zero => Some(Points::ZERO),
            ZeroDenominator::Full => Some(metric.max),
            ZeroDenominator::Null => None,
        },
        (Rule::Linear, MetricInput::Counts { num, den }) => Some(match metric.arithmetic {
            Arithmetic::Exact => points::linear(metric.max, num, den),
            Arithmetic::PercentF64 => points::percent_first(metric.max, num, den, None),
        }),
        (Rule::Target(t), MetricInput::Counts { num, den }) => Some(match metric.arithmetic {
            Arithmetic::Exact => points::target(metric.max, num, den, t),
            Arithmetic::PercentF64 => points::percent_first(metric.max, num, den, Some(t)),
        }),
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GroupScore {
    pub points: Points,
    /// The group's score is the one the snapshot gives (no counts to compute it from).
    pub given: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnitScore {
    /// Per metric of the methodology (same index); `None` = null.
    pub metrics: Vec<Option<Points>>,
    /// Per group of the methodology.
    pub groups: Vec<GroupScore>,
    pub total: Points,
}

/// Scores one unit of a snapshot.
pub fn score_unit(snapshot: &Snapshot, unit: usize) -> UnitScore {
    score_unit_with(snapshot, unit, |u, k| snapshot.effective_input(u, k))
}

/// Scores one unit with the inputs `input(unit, metric)` gives (a scenario's overrides on a snapshot).
pub fn score_unit_with(snapshot: &Snapshot, unit: usize, input: impl Fn(usize, usize) -> MetricInput) -> UnitScore {
    let m = &snapshot.methodology;
    let metrics: Vec<Option<Points>> =
        m.metrics.iter().enumerate().map(|(k, metric)| metric_points(metric, input(unit, k))).collect();
    let given_groups = &snapshot.units[unit].given_groups;
    let groups: Vec<GroupScore> = m
        .groups
        .iter()
        .enumerate()
        .map(|(gi, g)| {
            let counted =
                g.metrics.clone().any(|k| m.metrics[k].rule != Rule::Monitor && input(unit, k) != MetricInput::Missing);
            match given_groups.get(gi).copied().flatten() {
                Some(points) if !counted => GroupScore { points, given: true },
                _ => GroupScore { points: g.metrics.clone().filter_map(|k| metrics[k]).sum(), given: false },
            }
        })
        .collect();
    let total = groups.iter().map(|g| g.points).sum();
    UnitScore { metrics, groups, total }
}

/// Every unit's scores and its rank among its peers. Scores are shared between copies (chunks of
/// `Rc`s), so that a scenario's scores start as a cheap copy of the baseline and copy only what changes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Scores {
    pub units: Chunked<Rc<UnitScore>>,
    pub ranks: Chunked<Rank>,
    /// Per peer group (`Peers::groups`): its units by total, best first; equal totals in the peers'
    /// tiebreak order.
    pub order: Vec<Rc<Vec<usize>>>,
}

/// Scores and ranks a whole snapshot.
pub fn score(snapshot: &Snapshot) -> Scores {
    score_among(snapshot, &Peers::of(snapshot))
}

/// Scores a whole snapshot and ranks it among these peers (their tiebreak orders equal totals).
pub fn score_among(snapshot: &Snapshot, peers: &Peers) -> Scores {
    ranked(score_units(snapshot, 0..snapshot.units.len()), peers)
}

/// The scores of some units (`score_among` in steps: the units a range at a time, then `ranked`).
pub fn score_units(snapshot: &Snapshot, units: std::ops::Range<usize>) -> Vec<Rc<UnitScore>> {
    units.map(|i| Rc::new(score_unit(snapshot, i))).collect()
}

/// Every unit's scores, in order, ranked among the peers.
pub fn ranked(units: Vec<Rc<UnitScore>>, peers: &Peers) -> Scores {
    let totals: Vec<Points> = units.iter().map(|u| u.total).collect();
    let (ranks, order) = ranking::rank(peers, &totals);
    Scores { units: units.into_iter().collect(), ranks, order }
}
