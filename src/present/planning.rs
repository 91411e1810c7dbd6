//! The planner as the page shows it: points lost, a plan, a target set's report, in words and numbers of
//! the table's language. (Computed by `engine::plan`; worded here, tested natively.)

use crate::engine::plan::{Fixed, Lost, Plan, Recovery, TargetLine};
use crate::engine::{Points, Scores, Snapshot};

use super::breakdown::count_words;
use super::text::{fill, Text};

/// One row of the points-lost table.
#[derive(Clone, Debug, PartialEq)]
pub struct LostRow {
    pub metric: usize,
    pub code: String,
    pub group: String,
    pub name: String,
    /// "3,45 / 6,00"
    pub points: String,
    pub lost: String,
    /// What recovering it takes ("+1.240 hồ sơ thanh toán trực tuyến"), or why it is not the unit's.
    pub action: String,
    pub effort: Option<String>,
    pub per_point: Option<String>,
    /// The numerator to put into the scenario (None: nothing to do, or not movable).
    pub to: Option<u64>,
    pub movable: bool,
}

pub fn fixed_words(t: &Text, why: &Fixed) -> String {
    match why {
        Fixed::Inherited { root } => fill(t.fixed_inherited, &[("root", root)]),
        Fixed::Given => t.fixed_given.to_owned(),
        Fixed::NoCounts => t.fixed_no_counts.to_owned(),
        Fixed::Locked => t.fixed_locked.to_owned(),
    }
}

/// Effort in words: "1.240 công".
pub fn effort_words(t: &Text, effort: u64) -> String {
    format!("{} {}", t.int(effort), t.effort_units)
}

pub fn lost_rows(t: &Text, snapshot: &Snapshot, rows: &[Lost]) -> Vec<LostRow> {
    let m = &snapshot.methodology;
    rows.iter()
        .map(|r| {
            let def = &m.metrics[r.metric];
            let points = format!("{} / {}", r.points.map_or("—".to_owned(), |p| t.points(p)), t.points(r.max));
            let (action, effort, per_point, to, movable) = match &r.how {
                Recovery::Movable { now, to, points, effort, .. } if *points > Points::ZERO => {
                    // Effort per whole point: effort × 100 / hundredths, rounded half-up.
                    let per = crate::engine::points::div_round_half_up(u128::from(*effort) * 100, u128::from(points.0));
                    (
                        count_words(t, *now, *to, t.metric_name(def)),
                        Some(effort_words(t, *effort)),
                        Some(fill(t.per_point, &[("effort", &t.int(per as u64))])),
                        Some(*to),
                        true,
                    )
                }
                Recovery::Movable { .. } => (t.lost_nothing.to_owned(), None, None, None, true),
                Recovery::Fixed(why) => (fixed_words(t, why), None, None, None, false),
            };
            LostRow {
                metric: r.metric,
                code: def.code.clone(),
                group: m.groups[def.group].code.clone(),
                name: t.metric_name(def).to_owned(),
                points,
                lost: t.points(r.lost),
                action,
                effort,
                per_point,
                to,
                movable,
            }
        })
        .collect()
}

/// One metric of a plan, as the plan table shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct PlanRow {
    pub metric: usize,
    pub code: String,
    pub name: String,
    pub from: u64,
    pub to: u64,
    /// "233.203 / 268.066 (86,99%)"
    pub now: String,
    pub planned: String,
    pub more: String,
    pub points: String,
    pub effort: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct PlanSummary {
    pub rows: Vec<PlanRow>,
    /// "Tổng công sức 1.240 công: 50,23 → 60,01 điểm, hạng 120/148"
    pub sum: String,
    /// Why the goal cannot be met, with the best reachable (None: it is met).
    pub unreachable: Option<String>,
}

pub fn plan_summary(
    t: &Text,
    snapshot: &Snapshot,
    baseline: &Scores,
    plan: &Plan,
    goal_words: Option<String>,
) -> PlanSummary {
    let m = &snapshot.methodology;
    let rows = plan
        .steps
        .iter()
        .map(|st| {
            let def = &m.metrics[st.metric];
            PlanRow {
                metric: st.metric,
                code: def.code.clone(),
                name: t.metric_name(def).to_owned(),
                from: st.from,
                to: st.to,
                now: format!("{} / {} ({})", t.int(st.from), t.int(st.den), t.rate(st.from, st.den)),
                planned: format!("{} / {} ({})", t.int(st.to), t.int(st.den), t.rate(st.to, st.den)),
                more: count_words(t, st.from, st.to, t.metric_name(def)),
                points: format!("{} → {}", t.points(st.points_from), t.points(st.points_to)),
                effort: effort_words(t, st.effort),
            }
        })
        .collect();
    let from = baseline.units[plan.unit].total;
    let sum = fill(
        t.plan_sum,
        &[
            ("effort", &effort_words(t, plan.effort)),
            ("from", &t.points(from)),
            ("to", &t.points(plan.total)),
            ("rank", &plan.rank.rank.to_string()),
            ("of", &plan.rank.of.to_string()),
        ],
    );
    let unreachable = (!plan.reached).then(|| {
        let mut words = fill(
            t.plan_unreachable,
            &[
                ("needed", &t.points(plan.needed)),
                ("best", &t.points(plan.total)),
                ("rank", &plan.rank.rank.to_string()),
                ("of", &plan.rank.of.to_string()),
            ],
        );
        if let Some(g) = goal_words {
            words = format!("{g} {words}");
        }
        words
    });
    PlanSummary { rows, sum, unreachable }
}

/// A target line in words.
pub fn target_line(t: &Text, snapshot: &Snapshot, line: &TargetLine) -> String {
    let m = &snapshot.methodology;
    match line {
        TargetLine::Raised { metric, from, to, den } => fill(
            t.target_raised,
            &[
                ("metric", t.metric_name(&m.metrics[*metric])),
                ("from", &t.rate(*from, *den)),
                ("to", &t.rate(*to, *den)),
            ],
        ),
        TargetLine::Met { metric } => fill(t.target_met, &[("metric", t.metric_name(&m.metrics[*metric]))]),
        TargetLine::NotApplicable { metric, why } => {
            fill(t.target_na, &[("metric", t.metric_name(&m.metrics[*metric])), ("why", &fixed_words(t, why))])
        }
    }
}

/// The deadlines a plan can run to, for data captured on `captured` in a period ending `end`: the end of
/// the month, the quarter and the year of the capture, those after it and within the period.
pub fn deadlines(t: &Text, captured: &str, end: &str) -> Vec<(String, String)> {
    let (Some(y), Some(m)) = (
        captured.get(0..4).and_then(|y| y.parse::<u32>().ok()),
        captured.get(5..7).and_then(|m| m.parse::<u32>().ok()),
    ) else {
        return Vec::new();
    };
    let last_day = |m: u32| match m {
        2 if y % 4 == 0 && (y % 100 != 0 || y % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    let date = |m: u32| format!("{y:04}-{m:02}-{:02}", last_day(m));
    let mut out = Vec::new();
    for (template, month) in [(t.horizon_month, m), (t.horizon_quarter, m.div_ceil(3) * 3), (t.horizon_year, 12)] {
        let d = date(month);
        if d.as_str() > captured && d.as_str() <= end && !out.iter().any(|(_, x): &(String, String)| *x == d) {
            out.push((fill(template, &[("date", &t.date(&d))]), d));
        }
    }
    out
}

/// What the plan asks of the items still to come, per metric: "từ nay đến 31/12: 95,00% hồ sơ … mới".
pub fn new_rate(t: &Text, to_date: &str, metric_name: &str, old_num: u64, planned: u64, still_to_come: u64) -> String {
    let rate = t.rate(planned.saturating_sub(old_num).min(still_to_come), still_to_come);
    fill(
        t.horizon_new_rate,
        &[("date", &t.date(to_date)), ("rate", &rate), ("what", &super::breakdown::lower_first(metric_name))],
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::plan::{self, Effort, Goal};
    use crate::engine::scenario::Scenario;
    use crate::engine::{scoring, Peers};
    use crate::present::text::VI;

    #[test]
    fn the_lost_table_and_a_plan_in_words() {
        let s = crate::datasets::sample();
        let scores = scoring::score(&s);
        let u = s.unit_index("H44.166").unwrap();
        let rows = lost_rows(&VI, &s, &plan::points_lost(&s, &Scenario::new(), &scores, u, &Effort::default()));
        let pay = rows.iter().find(|r| r.code == "ONLINE_PAYMENT_DOSSIER").unwrap();
        assert!(pay.action.starts_with('+') && pay.action.ends_with("hồ sơ thanh toán trực tuyến"), "{}", pay.action);
        assert!(pay.effort.as_deref().unwrap().ends_with(" công"));
        let publish = rows.iter().find(|r| r.code == "PUBLISH_ON_TIME").unwrap();
        assert_eq!(publish.action, "tính ở cấp tỉnh (H44)");
        assert!(!publish.movable && publish.to.is_none());
        let p =
            plan::seek(&s, &Peers::of(&s), &Scenario::new(), &scores, u, Goal::Total(Points(6000)), &Effort::default());
        let summary = plan_summary(&VI, &s, &scores, &p, None);
        assert!(summary.unreachable.is_none());
        assert!(summary.sum.starts_with("Tổng công sức ") && summary.sum.contains("50,23 → "), "{}", summary.sum);
        assert_eq!(summary.rows.len(), p.steps.len());
        let far = plan::seek(
            &s,
            &Peers::of(&s),
            &Scenario::new(),
            &scores,
            u,
            Goal::Total(Points(10100)),
            &Effort::default(),
        );
        assert!(plan_summary(&VI, &s, &scores, &far, None)
            .unreachable
            .unwrap()
            .starts_with("Không đạt được 101,00 điểm"));
    }

    #[test]
    fn deadlines_and_what_the_new_items_must_reach() {
        let d = deadlines(&VI, "2026-10-10", "2026-12-31");
        assert_eq!(
            d,
            [
                ("Đến cuối tháng (31/10/2026)".to_owned(), "2026-10-31".to_owned()),
                ("Đến cuối quý (31/12/2026)".to_owned(), "2026-12-31".to_owned())
            ]
        );
        // A quarter captured on its last day has nothing left.
        assert!(deadlines(&VI, "2026-09-30", "2026-09-30").is_empty());
        assert_eq!(
            new_rate(&VI, "2026-12-31", "Hồ sơ thanh toán trực tuyến", 150, 232, 87),
            "từ nay đến 31/12/2026: 94,25% hồ sơ thanh toán trực tuyến mới"
        );
    }
}
