//! The province and the nation as the page shows them: the province's bar (always in view), the
//! national ranking under the scenario, the province's plan per unit, who drags the province down; and
//! the built-in datasets' names. (Computed by `engine::nation` and `engine::province`; worded here,
//! tested natively.)

use crate::datasets::{Dataset, Kind};
use crate::engine::methodology::Rule;
use crate::engine::nation::Standing;
use crate::engine::province::{Drag, ProvincePlan};
use crate::engine::{Points, Scores, Snapshot};
use crate::state::NationView;

use super::breakdown::count_words;
use super::text::{fill, Text};

/// A built-in dataset's name in the data menu: "Đắk Lắk — Năm 2026, số liệu ngày 10/10/2026".
pub fn dataset_label(t: &Text, d: &Dataset) -> String {
    let period = d.period().map(|p| t.period(&p)).unwrap_or_default();
    let date = t.date(d.captured);
    match d.kind {
        Kind::Province(place) => fill(t.data_province, &[("place", place), ("period", &period), ("date", &date)]),
        Kind::Nation => fill(t.data_nation, &[("period", &period), ("date", &date)]),
    }
}

/// One group in the province's bar.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BarGroup {
    pub code: String,
    pub before: String,
    pub after: String,
    pub changed: bool,
}

/// The province's bar: its total and groups under the scenario beside the baseline, and its national rank.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bar {
    pub code: String,
    pub name: String,
    pub before: String,
    pub after: String,
    /// "+0,13" (empty when unchanged).
    pub delta: String,
    pub groups: Vec<BarGroup>,
    pub national: Option<BarNational>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BarNational {
    pub before: Standing,
    pub after: Standing,
    /// "vượt Gia Lai, Tây Ninh" (empty when none is passed).
    pub passes: String,
}

pub fn bar(
    t: &Text,
    snapshot: &Snapshot,
    baseline: &Scores,
    current: &Scores,
    root: usize,
    nation: Option<&NationView>,
) -> Bar {
    let m = &snapshot.methodology;
    let (b, c) = (&baseline.units[root], &current.units[root]);
    let groups = m
        .groups
        .iter()
        .enumerate()
        .map(|(g, group)| BarGroup {
            code: group.code.clone(),
            before: t.points(b.groups[g].points),
            after: t.points(c.groups[g].points),
            changed: b.groups[g].points != c.groups[g].points,
        })
        .collect();
    let national = nation.map(|n| {
        let passed = n.nation.passed(n.at, b.total, c.total);
        let names: Vec<&str> = passed.iter().map(|&i| short_name(&n.nation.list.units[i].name)).collect();
        BarNational {
            before: n.nation.standing(n.at, b.total),
            after: n.nation.standing(n.at, c.total),
            passes: if names.is_empty() {
                String::new()
            } else {
                fill(t.national_passes, &[("names", &names.join(", "))])
            },
        }
    });
    Bar {
        code: snapshot.units[root].code.clone(),
        name: snapshot.units[root].name.clone(),
        before: t.points(b.total),
        after: t.points(c.total),
        delta: if b.total == c.total { String::new() } else { t.points_delta(b.total, c.total) },
        groups,
        national,
    }
}

pub use super::names::province as short_name;

/// One province in the national ranking under the scenario.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NationRow {
    pub rank: u32,
    pub code: String,
    pub name: String,
    pub total: String,
    /// The open province (at its scenario total).
    pub own: bool,
    /// A province the scenario passes.
    pub passed: bool,
}

/// The national list with the province at `total` (from `before`), best first; the province first
/// among those level with it (it shares their rank).
pub fn nation_rows(view: &NationView, t: &Text, before: Points, total: Points) -> Vec<NationRow> {
    let n = &view.nation;
    let passed = n.passed(view.at, before, total);
    let mut rows: Vec<(Points, bool, usize)> = (0..n.list.units.len())
        .map(|i| if i == view.at { (total, true, i) } else { (n.totals[i], false, i) })
        .collect();
    crate::engine::sorting::sort_by(&mut rows, |a, b| b.0.cmp(&a.0).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2)));
    rows.into_iter()
        .map(|(p, own, i)| NationRow {
            rank: if own { n.standing(view.at, total).rank } else { 1 + rows_ahead(n, view.at, total, i) },
            code: n.list.units[i].code.clone(),
            name: n.list.units[i].name.clone(),
            total: t.points(p),
            own,
            passed: passed.contains(&i),
        })
        .collect()
}

/// How many provinces are ahead of province `i` (held as published) when `at` has `total`.
fn rows_ahead(n: &crate::engine::nation::Nation, at: usize, total: Points, i: usize) -> u32 {
    let mine = n.totals[i];
    let others = (0..n.list.units.len()).filter(|&j| j != i && j != at && n.totals[j] > mine).count();
    (others + usize::from(total > mine)) as u32
}

/// "Top 5: cần 66,13 điểm — còn thiếu 0,64 điểm", for the usual targets and the one asked for.
pub fn gaps(t: &Text, view: &NationView, total: Points, asked: Option<u32>) -> Vec<String> {
    let mut ranks = vec![1, 3, 5, 10];
    if let Some(r) = asked.filter(|r| !ranks.contains(r)) {
        ranks.push(r);
        crate::engine::sorting::sort(&mut ranks);
    }
    ranks
        .into_iter()
        .filter_map(|r| {
            let needed = view.nation.total_for_rank(view.at, r)?;
            let words = [
                ("rank", r.to_string()),
                ("needed", t.points(needed)),
                ("gap", t.points(Points(needed.0.saturating_sub(total.0)))),
            ];
            let words: Vec<(&str, &str)> = words.iter().map(|(k, v)| (*k, v.as_str())).collect();
            Some(fill(if total >= needed { t.nation_gap_met } else { t.nation_gap }, &words))
        })
        .collect()
}

/// Whether the list's row and the province's data agree, in words (a heading, then one line a difference).
pub fn agreement(t: &Text, snapshot: &Snapshot, view: &NationView) -> (String, Vec<String>) {
    let code = &view.nation.list.units[view.at].code;
    if view.disagreements.is_empty() {
        return (fill(t.nation_same, &[("code", code)]), Vec::new());
    }
    let lines = view
        .disagreements
        .iter()
        .map(|d| {
            let what = d.group.map_or(t.nation_total.to_owned(), |g| snapshot.methodology.groups[g].code.clone());
            fill(
                t.nation_differs_line,
                &[("what", &what), ("national", &t.points(d.national)), ("province", &t.points(d.province))],
            )
        })
        .collect();
    (fill(t.nation_differs, &[("code", code)]), lines)
}

/// One unit's row in the province plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlanUnitRow {
    pub code: String,
    pub name: String,
    /// "+120 hồ sơ giải quyết đúng hạn, trước hạn", one a metric.
    pub moves: Vec<String>,
    /// "50,23 → 60,01"
    pub total: String,
    pub effort: String,
}

pub fn plan_rows(t: &Text, snapshot: &Snapshot, plan: &ProvincePlan) -> Vec<PlanUnitRow> {
    let m = &snapshot.methodology;
    plan.parts
        .iter()
        .map(|p| {
            let u = &snapshot.units[p.unit];
            PlanUnitRow {
                code: u.code.clone(),
                name: if p.unit == plan.root {
                    format!("{} ({})", t.province_own, u.name)
                } else {
                    super::names::within_province(&u.name).to_owned()
                },
                moves: p
                    .moves
                    .iter()
                    .map(|mv| count_words(t, mv.from, mv.to, t.metric_name(&m.metrics[mv.metric])))
                    .collect(),
                total: format!("{} → {}", t.points(p.total_from), t.points(p.total_to)),
                effort: super::planning::effort_words(t, p.effort),
            }
        })
        .collect()
}

/// "Tổng công sức 1.360 công: điểm tỉnh 65,49 → 67,18, hạng cả nước 3/34 · 32 đơn vị tham gia".
pub fn plan_sum(t: &Text, plan: &ProvincePlan, before: Points, nation: Option<&NationView>) -> String {
    let mut s = fill(
        t.province_plan_sum,
        &[
            ("effort", &super::planning::effort_words(t, plan.effort)),
            ("from", &t.points(before)),
            ("to", &t.points(plan.total)),
        ],
    );
    if let Some(n) = nation {
        let st = n.nation.standing(n.at, plan.total);
        s.push_str(&fill(t.province_plan_rank, &[("rank", &st.rank.to_string()), ("of", &st.of.to_string())]));
    }
    let units = plan.parts.iter().filter(|p| p.unit != plan.root).count();
    if units > 0 {
        s.push_str(" · ");
        s.push_str(&fill(t.province_plan_units, &[("n", &units.to_string())]));
    }
    s
}

/// One unit's part of what the province loses on a metric.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DragRow {
    /// The unit's code, or empty for what only the province holds.
    pub code: String,
    pub name: String,
    pub missing: String,
    pub points: String,
}

/// One metric of "who drags the province down".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DragView {
    pub code: String,
    pub group: String,
    pub name: String,
    /// "tỉnh mất 2,28 điểm; còn thiếu 60.031 hồ sơ"
    pub head: String,
    pub rows: Vec<DragRow>,
}

fn kind_words(t: &Text, kind: &str) -> &'static str {
    t.kinds.iter().find(|(k, _)| *k == kind).map_or("", |(_, w)| w)
}

fn missing_words(t: &Text, snapshot: &Snapshot, metric: usize, n: u64) -> String {
    let def = &snapshot.methodology.metrics[metric];
    let words = format!("{} {}", t.int(n), kind_words(t, &def.counts)).trim_end().to_owned();
    match def.rule {
        Rule::Target(rate) => fill(t.drag_missing_target, &[("missing", &words), ("rate", &t.percent(rate))]),
        _ => words,
    }
}

fn unit_name(t: &Text, snapshot: &Snapshot, unit: Option<usize>) -> (String, String) {
    match unit {
        Some(u) => (snapshot.units[u].code.clone(), super::names::within_province(&snapshot.units[u].name).to_owned()),
        None => (String::new(), t.province_own.to_owned()),
    }
}

pub fn drag_views(t: &Text, snapshot: &Snapshot, drags: &[Drag]) -> Vec<DragView> {
    let m = &snapshot.methodology;
    drags
        .iter()
        .map(|d| {
            let def = &m.metrics[d.metric];
            DragView {
                code: def.code.clone(),
                group: m.groups[def.group].code.clone(),
                name: t.metric_name(def).to_owned(),
                head: fill(
                    t.drag_metric,
                    &[("lost", &t.points(d.lost)), ("missing", &missing_words(t, snapshot, d.metric, d.missing))],
                ),
                rows: d
                    .shares
                    .iter()
                    .map(|s| {
                        let (code, name) = unit_name(t, snapshot, s.unit);
                        DragRow {
                            code,
                            name,
                            missing: missing_words(t, snapshot, d.metric, s.missing),
                            points: t.points(s.points),
                        }
                    })
                    .collect(),
            }
        })
        .collect()
}

/// Each unit's share of all the province's lost points (on metrics that roll up), most first.
pub fn drag_totals(t: &Text, snapshot: &Snapshot, drags: &[Drag]) -> Vec<DragRow> {
    crate::engine::province::drag_by_unit(drags)
        .into_iter()
        .map(|(u, p)| {
            let (code, name) = unit_name(t, snapshot, u);
            DragRow { code, name, missing: String::new(), points: t.points(p) }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::nation::Nation;
    use crate::present::text::VI;

    #[test]
    fn dataset_names_and_province_names() {
        let d = crate::datasets::find("dak-lak-2026-year-20261010").unwrap();
        assert_eq!(dataset_label(&VI, d), "Đắk Lắk — Năm 2026, số liệu ngày 10/10/2026");
        let n = crate::datasets::find("vietnam-34-provinces-2026-year-20261010").unwrap();
        assert_eq!(dataset_label(&VI, n), "Cả nước (34 tỉnh, thành phố) — Năm 2026, số liệu ngày 10/10/2026");
        assert_eq!(short_name("UBND tỉnh Đắk Lắk"), "Đắk Lắk");
        assert_eq!(short_name("UBND Thành phố Hải Phòng"), "Hải Phòng");
        assert_eq!(short_name("Sở Y tế"), "Sở Y tế");
    }

    #[test]
    fn the_national_ranking_with_the_province_moved() {
        let s = crate::datasets::load("dak-lak-2026-year-20261010").unwrap();
        let list = crate::datasets::load("vietnam-34-provinces-2026-year-20261010").unwrap();
        let nation = Nation::new(list).unwrap();
        let at = nation.find("H15").unwrap();
        let view = NationView { nation, at, disagreements: Vec::new() };
        let before = crate::engine::scoring::score(&s).units[0].total;
        // At its own total: 7th, between Quảng Ninh (65,91) and Lạng Sơn (65,05).
        let rows = nation_rows(&view, &VI, before, before);
        assert_eq!(rows.len(), 34);
        let own = rows.iter().position(|r| r.own).unwrap();
        assert_eq!((own, rows[own].rank, rows[own].total.as_str()), (6, 7, "65,49"));
        assert!(rows.windows(2).all(|w| w[0].rank <= w[1].rank));
        // Raised to 66,13 (level with Tây Ninh, 5th): shares rank 5, first of the two; passes Quảng Ninh.
        let rows = nation_rows(&view, &VI, before, Points(6613));
        let own = rows.iter().position(|r| r.own).unwrap();
        assert_eq!((own, rows[own].rank), (4, 5));
        assert_eq!((rows[5].code.as_str(), rows[5].rank), ("H53", 5));
        assert_eq!((rows[6].code.as_str(), rows[6].rank, rows[6].passed), ("H49", 7, true));
        let g = gaps(&VI, &view, before, Some(7));
        assert_eq!(g[0], "Top 1: cần 68,80 điểm — còn thiếu 3,31 điểm");
        assert_eq!(g[2], "Top 5: cần 66,13 điểm — còn thiếu 0,64 điểm");
        assert!(g.iter().any(|l| l == "Top 7: đã đạt (cần 65,05 điểm)"), "{g:?}");
        assert!(g.iter().any(|l| l == "Top 10: đã đạt (cần 63,98 điểm)"), "{g:?}");
    }
}
