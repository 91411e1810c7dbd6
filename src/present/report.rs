//! What the report (`Báo cáo`) and the presentation (`Trình chiếu`) say, computed once from the state
//! and laid out twice: as an A4 page and as slides. A unit selected gives the unit's report (where it
//! stands, where points are lost, the plan in counts, the expected result, charts); none gives the
//! peer group's ranking report, every row of it.

use crate::engine::plan;
use crate::engine::{Points, Scores};
use crate::state::State;

use super::breakdown::{breakdown, count_words};
use super::charts::{self, Chart, GroupBar};
use super::names::within_province;
use super::planning::{lost_rows, LostRow};
use super::text::{fill, Text};

/// How many points-lost lines the report lists (the rest summed in one line).
pub const LOST_LINES: usize = 12;
/// How many units passed the report names.
pub const PASSES_NAMED: usize = 12;

/// A key figure: its label and value ("Tổng điểm hiện tại", "65,49").
#[derive(Clone, Debug, PartialEq)]
pub struct Kpi {
    pub label: String,
    pub value: String,
    /// Under the value: "còn thiếu 2,51 điểm…", "▲3".
    pub note: Option<String>,
}

/// One line of the plan: what a unit must do on one metric, in counts.
#[derive(Clone, Debug, PartialEq)]
pub struct PlanLine {
    pub unit: String,
    pub group: String,
    pub metric: String,
    /// "+1.240 hồ sơ thanh toán trực tuyến"
    pub change: String,
    /// "86,99% → 95,00%"
    pub rate: String,
    /// The unit's points on the metric, "3,45 → 6,00".
    pub points: String,
    /// The gain in hundredths of a point on the metric (for the waterfall).
    pub gain: i64,
}

/// One row of the ranking report.
#[derive(Clone, Debug, PartialEq)]
pub struct RankLine {
    pub rank: u32,
    pub code: String,
    pub name: String,
    pub groups: Vec<String>,
    pub total: String,
    /// ▲2 / ▼1 / = against the period compared with, when comparing.
    pub versus: Option<String>,
    /// The unit the report is about.
    pub own: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    pub heading: String,
    /// "Đơn vị: Xã Hòa Phú" or "Bảng xếp hạng: Xã, phường (102)".
    pub subject: String,
    /// Labelled lines under the title: unit, period, source, capture date, report date…
    pub meta: Vec<(String, String)>,
    /// The data's period, as a slide's footer names it.
    pub period: Option<String>,
    /// The unit's report (a unit is selected); otherwise the ranking report.
    pub unit: Option<usize>,
    pub standing: Vec<Kpi>,
    pub lost: Vec<LostRow>,
    /// "và 5 chỉ tiêu khác mất tổng cộng 1,20 điểm"
    pub lost_more: Option<String>,
    pub plan: Vec<PlanLine>,
    pub result: Vec<Kpi>,
    /// "Vượt qua: …" (the first `PASSES_NAMED`, then how many more), and shorter for a slide.
    pub passes: Option<String>,
    pub passes_short: Option<String>,
    pub charts: Vec<Chart>,
    pub ranking_title: String,
    pub ranking_head: Vec<String>,
    pub ranking: Vec<RankLine>,
}

impl Report {
    /// The plan moves several units (the province's plan): its lines name them.
    pub fn many_units(&self) -> bool {
        self.plan.iter().any(|l| l.unit != self.plan[0].unit)
    }
}

/// The report of what the state shows, dated `today` (YYYY-MM-DD, from the browser's clock).
pub fn report(state: &State, today: &str) -> Report {
    let t = state.text();
    let snap = state.snapshot();
    let meta = &snap.meta;
    let mut lines = vec![];
    if let Some(u) = state.selected {
        lines.push((t.report_unit.to_owned(), snap.units[u].name.clone()));
    }
    if let Some(p) = &meta.period {
        lines.push((t.report_period.to_owned(), t.period(p)));
    }
    lines.push((t.report_source.to_owned(), format!("{} — {}", meta.title, meta.source)));
    if let Some(c) = &meta.captured {
        lines.push((t.report_captured.to_owned(), t.date(c)));
    }
    lines.push((t.report_date.to_owned(), t.date(today)));
    if !state.scenario.is_empty() {
        let name = state.scenario_name().unwrap_or_else(|| t.csv_working_scenario.to_owned());
        lines.push((t.report_scenario.to_owned(), name));
    }
    if let Some(c) = &state.compare {
        lines.push((t.report_versus.to_owned(), t.period_or_title(&c.other.meta)));
    }
    let group = state.selected.map_or(state.peer_group, |u| state.peers().group_of[u]);
    let group_label = state.peer_group_label(group);
    let (ranking_head, ranking) = ranking_lines(state, group);
    let mut r = Report {
        heading: t.report_heading.to_owned(),
        subject: match state.selected {
            Some(u) => fill(t.report_of_unit, &[("unit", &state.data.names[u])]),
            None => fill(t.report_of_ranking, &[("group", &group_label)]),
        },
        meta: lines,
        period: meta.period.as_ref().map(|p| t.period(p)),
        unit: state.selected,
        standing: vec![],
        lost: vec![],
        lost_more: None,
        plan: vec![],
        result: vec![],
        passes: None,
        passes_short: None,
        charts: vec![],
        ranking_title: fill(t.report_of_ranking, &[("group", &group_label)]),
        ranking_head,
        ranking,
    };
    let totals = |s: &Scores| -> Vec<(String, Points)> {
        s.order[group].iter().map(|&o| (state.data.names[o].to_string(), s.units[o].total)).collect()
    };
    let Some(u) = state.selected else {
        let all = totals(&state.current);
        r.charts.push(charts::ranking(t, &fill(t.chart_ranking_title, &[("group", &group_label)]), &all, None, None));
        let points: Vec<Points> = all.iter().map(|x| x.1).collect();
        r.charts.push(charts::spread(t, &fill(t.chart_spread_title, &[("group", &group_label)]), &points, None));
        return r;
    };
    unit_report(state, t, u, group, &group_label, &mut r);
    r
}

/// The target total of the unit's last goal seek (or the province's), if any.
fn target(state: &State, u: usize) -> Option<Points> {
    if state.province() == Some(u) {
        if let Some(p) = &state.province_plan {
            return state.province_needed(p.goal);
        }
    }
    state.aim.filter(|a| a.0 == u).map(|a| a.1)
}

fn unit_report(state: &State, t: &'static Text, u: usize, group: usize, group_label: &str, r: &mut Report) {
    let snap = state.snapshot();
    let b = breakdown(t, snap, &state.scenario, state.baseline(), &state.current, u);
    let unit = &snap.units[u];
    let rank_words = |x: (u32, u32, &str)| format!("{}/{}", x.0, x.1);
    let rank_label = |label: &str, x: (u32, u32, &str)| format!("{label} ({})", x.2);
    let target = target(state, u);
    let gap = |total: Points| {
        target.map(|want| {
            if total >= want {
                fill(t.report_gap_met, &[("target", &t.points(want))])
            } else {
                fill(t.report_gap, &[("gap", &t.points(Points(want.0 - total.0))), ("target", &t.points(want))])
            }
        })
    };
    r.standing.push(Kpi {
        label: t.report_total_now.to_owned(),
        value: t.points(b.baseline_total),
        note: gap(b.baseline_total),
    });
    let before = state.standing(u, state.baseline());
    if let Some(x) = before {
        let versus = state.compare.as_ref().and_then(|c| {
            let ch = c.change(state.baseline(), u)?;
            Some(format!(
                "{} {}",
                fill(t.compare_versus, &[("period", &t.period_or_title(&c.other.meta))]),
                t.rank_mark(ch.rank)
            ))
        });
        r.standing.push(Kpi { label: rank_label(t.report_rank_now, x), value: rank_words(x), note: versus });
    }
    r.standing.push(Kpi {
        label: t.report_lost_total.to_owned(),
        value: t.points(Points(b.total_max.0.saturating_sub(b.baseline_total.0))),
        note: None,
    });

    // Points lost now (before the scenario), cheapest first, as the planner lists them.
    let mut lost =
        plan::points_lost(snap, &crate::engine::scenario::Scenario::default(), state.baseline(), u, &state.effort);
    lost.retain(|l| l.lost > Points::ZERO);
    if lost.len() > LOST_LINES {
        let more: u32 = lost[LOST_LINES..].iter().map(|l| l.lost.0).sum();
        r.lost_more = Some(fill(
            t.report_lost_more,
            &[("n", &(lost.len() - LOST_LINES).to_string()), ("points", &t.points(Points(more)))],
        ));
    }
    r.lost = lost_rows(t, snap, &lost[..lost.len().min(LOST_LINES)]);

    // The plan: every unit the scenario moves that is this one or, for the province, any of its units.
    let units: Vec<usize> = if state.province() == Some(u) {
        state.scenario.units().into_iter().collect()
    } else {
        state.scenario.units().into_iter().filter(|&x| x == u).collect()
    };
    for x in units {
        let bx = breakdown(t, snap, &state.scenario, state.baseline(), &state.current, x);
        for g in &bx.groups {
            // What the scenario sets, and what follows it (a linked count); at the province, not the sum
            // of its units' changes rolled up into it (those are the units' lines).
            let rolled = |k: usize| state.province() == Some(x) && snap.methodology.metrics[k].rolls_up;
            for m in g.metrics.iter().filter(|m| m.overridden || !rolled(m.index)) {
                let (Some((before, den)), Some((now, _))) = (m.baseline_counts, m.counts) else { continue };
                if before == now {
                    continue;
                }
                let pts = |p: Option<Points>| p.map_or("—".to_owned(), |p| t.points(p));
                let gain =
                    i64::from(m.points.unwrap_or_default().0) - i64::from(m.baseline_points.unwrap_or_default().0);
                r.plan.push(PlanLine {
                    unit: state.data.names[x].to_string(),
                    group: g.code.clone(),
                    metric: m.name.clone(),
                    change: count_words(t, before, now, &m.name),
                    rate: format!("{} → {}", t.rate(before, den), t.rate(now, den)),
                    points: format!("{} → {}", pts(m.baseline_points), pts(m.points)),
                    gain,
                });
            }
        }
    }

    // The expected result.
    let mut change = format!(
        "{} → {} ({})",
        t.points(b.baseline_total),
        t.points(b.total),
        t.points_delta(b.baseline_total, b.total)
    );
    if let Some(g) = gap(b.total) {
        change = format!("{change}; {g}");
    }
    r.result.push(Kpi { label: t.report_total_after.to_owned(), value: t.points(b.total), note: Some(change) });
    if let (Some(x), Some(y)) = (before, state.standing(u, &state.current)) {
        r.result.push(Kpi {
            label: rank_label(t.report_rank_after, y),
            value: rank_words(y),
            note: Some(format!("{} → {} ({})", x.0, y.0, t.rank_mark(i64::from(x.0) - i64::from(y.0)))),
        });
    }
    let (passed, named) = state.passed_names(u, PASSES_NAMED);
    let passes = |k: usize| {
        if passed == 0 {
            return t.no_pass.to_owned();
        }
        let names: Vec<&str> = named.iter().take(k).map(|(name, _)| name.as_str()).collect();
        format!("{}: {}.", t.passes, t.some_of(&names, passed))
    };
    r.passes = Some(passes(PASSES_NAMED));
    r.passes_short = Some(passes(4));

    // Charts: the ranking with the unit and its target, the groups, the plan's gain, the spread.
    let name = within_province(&unit.name).to_owned();
    let all: Vec<(String, Points)> = state.current.order[group]
        .iter()
        .map(|&o| (state.data.names[o].to_string(), state.current.units[o].total))
        .collect();
    let at = state.current.order[group].iter().position(|&o| o == u);
    if all.len() > 1 {
        r.charts.push(charts::ranking(t, &fill(t.chart_ranking_title, &[("group", group_label)]), &all, at, target));
    }
    let bars: Vec<GroupBar> = b
        .groups
        .iter()
        .map(|g| GroupBar { code: &g.code, name: &g.name, before: g.baseline_points, after: g.points, max: g.max })
        .collect();
    r.charts.push(charts::groups(t, &fill(t.chart_groups_title, &[("unit", &name)]), &bars));
    if !r.plan.is_empty() {
        // One step per metric (a province's plan sums its units' lines by metric).
        let mut steps: Vec<(String, i64)> = vec![];
        for g in &b.groups {
            for m in &g.metrics {
                let gain =
                    i64::from(m.points.unwrap_or_default().0) - i64::from(m.baseline_points.unwrap_or_default().0);
                if gain != 0 {
                    steps.push((m.name.clone(), gain));
                }
            }
        }
        // Group scores given as published, or rounding at the group, leave a remainder: shown as its own step.
        let sum: i64 = steps.iter().map(|s| s.1).sum();
        let rest = i64::from(b.total.0) - i64::from(b.baseline_total.0) - sum;
        if rest != 0 {
            steps.push((t.points_unit.to_owned(), rest));
        }
        r.charts.push(charts::waterfall(
            t,
            &fill(t.chart_waterfall_title, &[("unit", &name)]),
            b.baseline_total,
            &steps,
        ));
    }
    if all.len() > 1 {
        let points: Vec<Points> = all.iter().map(|x| x.1).collect();
        r.charts.push(charts::spread(
            t,
            &fill(t.chart_spread_title, &[("group", group_label)]),
            &points,
            Some(b.total),
        ));
    }
}

/// Every row of a peer group under the scenario, best first.
fn ranking_lines(state: &State, group: usize) -> (Vec<String>, Vec<RankLine>) {
    let t = state.text();
    let m = &state.snapshot().methodology;
    let mut head = vec![t.col_rank.to_owned(), t.col_unit.to_owned()];
    head.extend(m.groups.iter().map(|g| format!("{} /{}", g.code, g.max.hundredths() / 100)));
    head.push(t.col_total.to_owned());
    if let Some(c) = &state.compare {
        head.push(fill(t.report_changes, &[("period", &t.period_or_title(&c.other.meta))]));
    }
    let s = &state.current;
    let lines = s.order[group]
        .iter()
        .map(|&o| RankLine {
            rank: s.ranks[o].rank,
            code: state.snapshot().units[o].code.clone(),
            name: state.data.names[o].to_string(),
            groups: s.units[o].groups.iter().map(|g| t.points(g.points)).collect(),
            total: t.points(s.units[o].total),
            versus: state.compare.as_ref().map(|c| match c.change(s, o) {
                Some(ch) => format!("{} ({})", t.rank_mark(ch.rank), t.hundredths_delta(ch.total)),
                None => t.compare_only_here_short.to_owned(),
            }),
            own: state.selected == Some(o),
        })
        .collect();
    (head, lines)
}

#[cfg(test)]
mod tests {
    use std::rc::Rc;

    use super::*;
    use crate::engine::plan::Goal;
    use crate::state::Action;

    fn dak_lak() -> State {
        State::new(Rc::new(crate::datasets::load("dak-lak-2026-year-20261010").unwrap()))
    }

    #[test]
    fn the_ranking_report_has_every_row_of_the_peer_group_best_first() {
        let state = dak_lak();
        let r = report(&state, "2026-12-01");
        let members = state.peers().groups[state.peer_group].len();
        assert_eq!(r.ranking.len(), members);
        assert!(r.ranking.windows(2).all(|w| w[0].rank <= w[1].rank));
        assert!(r.unit.is_none() && r.plan.is_empty());
        assert!(r.meta.iter().any(|(k, v)| k == "Ngày lập báo cáo" && v == "1/12/2026"), "{:?}", r.meta);
        assert!(r.meta.iter().any(|(k, v)| k == "Ngày lấy số liệu" && v == "10/10/2026"), "{:?}", r.meta);
        assert_eq!(r.charts.len(), 2);
    }

    #[test]
    fn a_units_report_shows_standing_points_lost_the_plan_in_counts_and_the_result() {
        let state = dak_lak();
        // The weakest commune, as a province orders: plan it to 94 points and apply the plan.
        let group = state.peers().group_of[state.snapshot().units.iter().position(|u| u.code == "H15.120").unwrap()];
        let u = *state.baseline().order[group].last().unwrap();
        let code = state.snapshot().units[u].code.clone();
        let state = state
            .reduce(Action::Select(Some(code)))
            .reduce(Action::GoalSeek { unit: u, goal: Goal::Total(Points(9400)) });
        let planned = state.plan.as_ref().unwrap().plan.clone();
        let state = state.reduce(Action::ApplyPlan);
        let r = report(&state, "2026-12-01");
        assert_eq!(r.unit, Some(u));
        let before = state.baseline().units[u].total;
        let after = state.current.units[u].total;
        assert!(after > before);
        assert_eq!(r.standing[0].value, state.text().points(before));
        assert!(r.standing[0].note.as_deref().unwrap().contains("94,00"), "{:?}", r.standing[0]);
        assert_eq!(r.result[0].value, state.text().points(after));
        assert!(!r.lost.is_empty() && r.lost.len() <= LOST_LINES);
        // Every line of the plan is a count the commune must reach, and their gains sum to its gain
        // (up to what groups given as published leave).
        assert!(!r.plan.is_empty());
        assert!(r.plan.iter().all(|l| l.change.starts_with('+')), "{:?}", r.plan);
        assert_eq!(r.plan.len(), planned.steps.len(), "{:?}", r.plan);
        for (line, step) in r.plan.iter().zip(&planned.steps) {
            assert_eq!(
                line.change,
                format!("+{}", state.text().int(step.to - step.from)) + &line.change[line.change.find(' ').unwrap()..]
            );
            assert_eq!(
                line.points,
                format!("{} → {}", state.text().points(step.points_from), state.text().points(step.points_to))
            );
        }
        // The waterfall and ranking charts are there, the unit's total in the ranking's description.
        assert!(r.charts.len() >= 3);
        // It passes every other commune: twelve named, then how many more.
        let p = r.passes.as_deref().unwrap();
        assert!(p.ends_with(&format!("và {} đơn vị khác.", r.ranking.len() - 1 - PASSES_NAMED)), "{p}");
        assert_eq!(r.result[1].value, format!("1/{}", r.ranking.len()));
        assert!(!r.many_units());
        assert!(r.charts[0].desc.contains(&state.text().points(after)), "{}", r.charts[0].desc);
    }
}
