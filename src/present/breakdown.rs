//! A unit's breakdown under the current scenario: each group's points out of its maximum, and every
//! metric with its counts, rate, points and the points lost, next to the baseline, with what a lever
//! may move.

use crate::engine::methodology::{Inherit, Rule};
use crate::engine::points::Decimal;
use crate::engine::scenario::{lever, Scenario};
use crate::engine::{MetricInput, Points, Rank, Scores, Snapshot};

use super::text::{fill, Text};

#[derive(Clone, Debug, PartialEq)]
pub struct Breakdown {
    pub total: Points,
    pub baseline_total: Points,
    pub total_max: Points,
    pub lost: Points,
    pub rank: Rank,
    pub baseline_rank: Rank,
    pub groups: Vec<GroupRow>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct GroupRow {
    pub index: usize,
    pub code: String,
    pub name: String,
    pub points: Points,
    pub baseline_points: Points,
    pub max: Points,
    pub lost: Points,
    /// The group is a score the portal gives (no metric counts).
    pub given: bool,
    pub metrics: Vec<MetricRow>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct MetricRow {
    pub index: usize,
    pub code: String,
    pub name: String,
    /// (numerator, denominator) the metric is scored on now (the root's for inherited metrics).
    pub counts: Option<(u64, u64)>,
    pub baseline_counts: Option<(u64, u64)>,
    /// `None`: the portal's null (no score, 0 in the group).
    pub points: Option<Points>,
    pub baseline_points: Option<Points>,
    pub max: Points,
    pub lost: Points,
    /// The target rate from which the metric earns full points (0.8).
    pub full_from: Option<Decimal>,
    /// Why the metric reads as it does, when it is not the unit's own counts.
    pub note: Option<Note>,
    /// A scenario can move it for this unit.
    pub movable: bool,
    /// The scenario moves it.
    pub overridden: bool,
    /// It earns its maximum (more would add nothing).
    pub at_max: bool,
}

impl MetricRow {
    /// The change in counts, as staff plan it: "+1.240 hồ sơ thanh toán trực tuyến".
    pub fn count_change(&self, t: &Text) -> Option<String> {
        let ((now, _), (before, _)) = (self.counts?, self.baseline_counts?);
        if now == before {
            return None;
        }
        Some(count_words(t, before, now, &self.name))
    }
}

/// A change in a metric's counts in words: "+1.240 hồ sơ thanh toán trực tuyến", "−3 …".
pub fn count_words(t: &Text, before: u64, now: u64, metric_name: &str) -> String {
    let sign = if now >= before { "+" } else { "−" };
    let n = t.int(now.abs_diff(before));
    fill(t.count_change, &[("sign", sign), ("n", &n), ("what", &lower_first(metric_name))])
}

/// Why a metric's figures are not the unit's own counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Note {
    /// Counted for monitoring, worth no points.
    Monitor,
    /// A score the portal gives, without counts.
    Given,
    /// Computed at the province and copied to the unit.
    Inherited,
    /// No dossiers: the portal shows no score (0 in the group).
    Null,
}

impl Note {
    pub fn text(self, t: &Text) -> &'static str {
        match self {
            Note::Monitor => t.monitor,
            Note::Given => t.given_metric,
            Note::Inherited => t.inherited,
            Note::Null => t.null_score,
        }
    }
}

/// "Hồ sơ được số hóa" → "hồ sơ được số hóa"; an acronym ("TTHC …") stays as it is.
pub(crate) fn lower_first(name: &str) -> String {
    let first = name.split_whitespace().next().unwrap_or("");
    if first.chars().count() > 1 && first.chars().all(char::is_uppercase) {
        return name.to_owned();
    }
    let mut chars = name.chars();
    // Metric names begin with a Latin letter ("Hồ sơ", "Phản ánh"): ASCII lower case is enough.
    chars.next().map_or_else(String::new, |c| std::iter::once(c.to_ascii_lowercase()).chain(chars).collect())
}

fn counts_of(input: MetricInput) -> Option<(u64, u64)> {
    match input {
        MetricInput::Counts { num, den } => Some((num, den)),
        _ => None,
    }
}

pub fn breakdown(
    t: &Text,
    snapshot: &Snapshot,
    scenario: &Scenario,
    baseline: &Scores,
    current: &Scores,
    unit: usize,
) -> Breakdown {
    let m = &snapshot.methodology;
    let (s, b) = (&current.units[unit], &baseline.units[unit]);
    let groups = m
        .groups
        .iter()
        .enumerate()
        .map(|(gi, g)| {
            let given = s.groups[gi].given;
            let metrics = if given {
                Vec::new()
            } else {
                g.metrics
                    .clone()
                    .map(|k| {
                        let metric = &m.metrics[k];
                        let input = scenario.input(snapshot, unit, k);
                        let base_input = snapshot.effective_input(unit, k);
                        let points = s.metrics[k];
                        let note = match (metric.rule, metric.inherit, input, points) {
                            (Rule::Monitor, ..) => Some(Note::Monitor),
                            (_, _, MetricInput::Score(_), _) => Some(Note::Given),
                            (_, Inherit::Root, ..) if snapshot.root_of(unit) != unit => Some(Note::Inherited),
                            (_, _, MetricInput::Counts { den: 0, .. }, None) => Some(Note::Null),
                            _ => None,
                        };
                        MetricRow {
                            index: k,
                            code: metric.code.clone(),
                            name: t.metric_name(metric).to_owned(),
                            counts: counts_of(input),
                            baseline_counts: counts_of(base_input),
                            points,
                            baseline_points: b.metrics[k],
                            max: metric.max,
                            lost: Points(
                                metric.max.hundredths().saturating_sub(points.unwrap_or_default().hundredths()),
                            ),
                            full_from: match metric.rule {
                                Rule::Target(t) => Some(t),
                                _ => None,
                            },
                            note,
                            movable: lever(snapshot, unit, k).is_ok_and(|(_, den)| den > 0),
                            overridden: scenario.numerator(unit, k).is_some(),
                            at_max: metric.max > Points::ZERO && points == Some(metric.max),
                        }
                    })
                    .collect()
            };
            let points = s.groups[gi].points;
            GroupRow {
                index: gi,
                code: g.code.clone(),
                name: t.group_name(g).to_owned(),
                points,
                baseline_points: b.groups[gi].points,
                max: g.max,
                lost: Points(g.max.hundredths().saturating_sub(points.hundredths())),
                given,
                metrics,
            }
        })
        .collect();
    Breakdown {
        total: s.total,
        baseline_total: b.total,
        total_max: m.total_max,
        lost: Points(m.total_max.hundredths().saturating_sub(s.total.hundredths())),
        rank: current.ranks[unit],
        baseline_rank: baseline.ranks[unit],
        groups,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::present::text::VI;

    #[test]
    fn count_changes_read_as_staff_write_them() {
        assert_eq!(lower_first("Hồ sơ thanh toán trực tuyến"), "hồ sơ thanh toán trực tuyến");
        assert_eq!(lower_first("TTHC có phát sinh thanh toán trực tuyến"), "TTHC có phát sinh thanh toán trực tuyến");
        let snapshot = crate::datasets::sample();
        let peers = crate::engine::Peers::of(&snapshot);
        let u = snapshot.unit_index("H44").unwrap(); // 233.203 of 268.066 fee-bearing dossiers paid online
        let k = snapshot.methodology.metric_index("ONLINE_PAYMENT_DOSSIER").unwrap();
        let (num, _) = lever(&snapshot, u, k).unwrap();
        let mut sc = Scenario::new();
        sc.set(&snapshot, u, k, num + 1240).unwrap();
        let base = crate::engine::scoring::score(&snapshot);
        let cur = crate::engine::scenario::evaluate(&snapshot, &peers, &sc);
        let b = breakdown(&VI, &snapshot, &sc, &base, &cur, u);
        let row = b.groups.iter().flat_map(|g| &g.metrics).find(|r| r.index == k).unwrap();
        assert_eq!(row.count_change(&crate::present::text::VI).as_deref(), Some("+1.240 hồ sơ thanh toán trực tuyến"));
        assert!(row.overridden && row.movable);
        assert!(b.total > b.baseline_total);
    }
}
