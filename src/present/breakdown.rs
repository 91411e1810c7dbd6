//! A unit's breakdown: each group's points out of its maximum, and every metric with its counts, rate,
//! points and the points lost against the maximum.

use crate::engine::methodology::{Inherit, Rule};
use crate::engine::{MetricInput, Points, Rank, Scores, Snapshot};

use super::labels;

#[derive(Clone, Debug, PartialEq)]
pub struct Breakdown {
    pub total: Points,
    pub total_max: Points,
    pub lost: Points,
    pub rank: Rank,
    pub groups: Vec<GroupRow>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct GroupRow {
    pub code: String,
    pub name: String,
    pub points: Points,
    pub max: Points,
    pub lost: Points,
    /// The group is a score the portal gives (no metric counts).
    pub given: bool,
    pub metrics: Vec<MetricRow>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct MetricRow {
    pub code: String,
    pub name: String,
    /// (numerator, denominator) the metric is scored on (the root's for inherited metrics).
    pub counts: Option<(u64, u64)>,
    /// `None`: the portal's null (no score, 0 in the group).
    pub points: Option<Points>,
    pub max: Points,
    pub lost: Points,
    /// The target rate from which the metric earns full points, as "80%".
    pub full_from: Option<String>,
    /// A short note: inherited, given score, monitoring, null.
    pub note: Option<&'static str>,
}

pub fn breakdown(snapshot: &Snapshot, scores: &Scores, unit: usize) -> Breakdown {
    let m = &snapshot.methodology;
    let s = &scores.units[unit];
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
                        let input = snapshot.effective_input(unit, k);
                        let counts = match input {
                            MetricInput::Counts { num, den } => Some((num, den)),
                            _ => None,
                        };
                        let points = s.metrics[k];
                        let note = match (metric.rule, metric.inherit, input, points) {
                            (Rule::Monitor, ..) => Some(labels::MONITOR),
                            (_, _, MetricInput::Score(_), _) => Some(labels::GIVEN_METRIC),
                            (_, Inherit::Root, ..) if snapshot.root_of(unit) != unit => Some(labels::INHERITED),
                            (_, _, MetricInput::Counts { den: 0, .. }, None) => Some(labels::NULL_SCORE),
                            _ => None,
                        };
                        let full_from = match metric.rule {
                            Rule::Target(t) => Some(super::format::threshold(t)),
                            _ => None,
                        };
                        MetricRow {
                            code: metric.code.clone(),
                            name: metric.name.clone(),
                            counts,
                            points,
                            max: metric.max,
                            lost: Points(metric.max.hundredths() - points.unwrap_or_default().hundredths().min(metric.max.hundredths())),
                            full_from,
                            note,
                        }
                    })
                    .collect()
            };
            let points = s.groups[gi].points;
            GroupRow {
                code: g.code.clone(),
                name: g.name.clone(),
                points,
                max: g.max,
                lost: Points(g.max.hundredths().saturating_sub(points.hundredths())),
                given,
                metrics,
            }
        })
        .collect();
    Breakdown {
        total: s.total,
        total_max: m.total_max,
        lost: Points(m.total_max.hundredths().saturating_sub(s.total.hundredths())),
        rank: scores.ranks[unit],
        groups,
    }
}
