//! CSV exports that Excel opens with Vietnamese intact: UTF-8 with a byte-order mark, semicolons, and
//! numbers the Vietnamese way (decimal comma; counts without grouping, so they stay numbers). Text from
//! the data (names, codes) is neutralised where Excel would read it as a formula (OWASP's advice).

use crate::engine::{Points, Scores, Snapshot};
use crate::present::breakdown::Breakdown;
use crate::present::text::Text;

fn csv(rows: Vec<Vec<String>>) -> String {
    let mut out = String::from("\u{feff}");
    for r in rows {
        crate::engine::csv_text::write_record(&mut out, &r, ';');
    }
    out
}

/// A number for Excel in the Vietnamese locale: decimal comma.
fn pts(p: Points) -> String {
    p.with_separator(',')
}

/// A signed difference of points as Excel reads a number: "1,25", "-0,50".
fn delta(before: Points, after: Points) -> String {
    let d = i64::from(after.hundredths()) - i64::from(before.hundredths());
    format!("{}{},{:02}", if d < 0 { "-" } else { "" }, d.abs() / 100, d.abs() % 100)
}

/// Text from the data as a cell: one that Excel would take for a formula (`=`, `+`, `-`, `@`, a tab or a
/// carriage return first) gets a leading apostrophe, which Excel shows as text and does not run.
pub fn text_cell(text: &str) -> String {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{text}"),
        _ => text.to_owned(),
    }
}

/// The ranking of a peer group with the scenario's columns.
pub fn ranking(
    t: &Text,
    snapshot: &Snapshot,
    baseline: &Scores,
    current: &Scores,
    rows: &[usize],
    changed: impl Fn(usize) -> bool,
) -> String {
    let m = &snapshot.methodology;
    let h = &t.csv_ranking;
    let mut header: Vec<String> = h[..5].iter().map(|s| (*s).to_owned()).collect();
    header.extend(m.groups.iter().map(|g| g.code.clone()));
    header.extend(h[5..].iter().map(|s| (*s).to_owned()));
    let mut out = vec![header];
    for &u in rows {
        let (b, c) = (&baseline.units[u], &current.units[u]);
        let mut row = vec![
            baseline.ranks[u].rank.to_string(),
            current.ranks[u].rank.to_string(),
            (i64::from(baseline.ranks[u].rank) - i64::from(current.ranks[u].rank)).to_string(),
            text_cell(&snapshot.units[u].code),
            text_cell(&snapshot.units[u].name),
        ];
        row.extend(c.groups.iter().map(|g| pts(g.points)));
        row.extend([
            pts(b.total),
            pts(c.total),
            delta(b.total, c.total),
            if changed(u) { t.csv_yes.into() } else { String::new() },
        ]);
        out.push(row);
    }
    csv(out)
}

/// What a plan's file says about itself, above its table: the unit, the data and period, the scenario
/// (its name, the group levers), the rank before and after.
pub struct PlanHeader<'a> {
    pub unit: &'a str,
    pub code: &'a str,
    /// The data's title and period ("UBND tỉnh Phú Thọ — Quý 3/2026").
    pub data: &'a str,
    /// The saved scenario's name, or none for the working one.
    pub scenario: Option<&'a str>,
    /// "MDSH 80%, TTTT 100%".
    pub levers: String,
    /// "148 → 124/148 xã, phường".
    pub rank: String,
}

/// A unit's plan: every metric before and after, with the counts and rates to reach; above the table,
/// what the plan is (`PlanHeader`).
pub fn plan(t: &Text, head: &PlanHeader, b: &Breakdown) -> String {
    let h = &t.csv_plan_head;
    let mut out: Vec<Vec<String>> = vec![
        vec![h[0].to_owned(), text_cell(head.unit), text_cell(head.code)],
        vec![h[1].to_owned(), text_cell(head.data)],
        vec![h[2].to_owned(), text_cell(head.scenario.unwrap_or(t.csv_working_scenario))],
        vec![h[3].to_owned(), head.levers.clone()],
        vec![h[4].to_owned(), head.rank.clone()],
        vec![h[5].to_owned(), pts(b.baseline_total), pts(b.total)],
        Vec::new(),
    ];
    out.push(t.csv_plan.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>());
    let name = text_cell(head.unit);
    for g in &b.groups {
        for r in &g.metrics {
            let (now, den) = r.counts.map_or((String::new(), String::new()), |(n, d)| (n.to_string(), d.to_string()));
            let before = r.baseline_counts.map_or(String::new(), |(n, _)| n.to_string());
            let more = match (r.counts, r.baseline_counts) {
                (Some((n, _)), Some((o, _))) => (n as i64 - o as i64).to_string(),
                _ => String::new(),
            };
            let rate = |c: Option<(u64, u64)>| c.filter(|&(_, d)| d > 0).map(|(n, d)| t.rate(n, d)).unwrap_or_default();
            out.push(vec![
                name.clone(),
                g.code.clone(),
                r.code.clone(),
                r.name.clone(),
                den,
                before,
                now,
                more,
                rate(r.baseline_counts),
                rate(r.counts),
                r.baseline_points.map(pts).unwrap_or_default(),
                r.points.map(pts).unwrap_or_default(),
                pts(r.max),
            ]);
        }
    }
    let mut total = vec![String::new(); 13];
    total[0] = name;
    total[1] = t.total.to_owned();
    total[10] = pts(b.baseline_total);
    total[11] = pts(b.total);
    total[12] = pts(b.total_max);
    out.push(total);
    csv(out)
}

/// The province's plan per unit: one row a unit and metric, with the counts to reach.
pub fn province_plan(t: &Text, snapshot: &Snapshot, plan: &crate::engine::province::ProvincePlan) -> String {
    let m = &snapshot.methodology;
    let mut out = vec![t.csv_province_plan.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>()];
    for part in &plan.parts {
        let u = &snapshot.units[part.unit];
        for mv in &part.moves {
            out.push(vec![
                text_cell(&u.code),
                text_cell(&u.name),
                m.metrics[mv.metric].code.clone(),
                t.metric_name(&m.metrics[mv.metric]).to_owned(),
                mv.from.to_string(),
                mv.to.to_string(),
                (mv.to - mv.from).to_string(),
                mv.den.to_string(),
                pts(part.total_from),
                pts(part.total_to),
            ]);
        }
    }
    csv(out)
}

/// Who drags the province down: per metric, each unit's missing items and share of the points lost.
pub fn drag(
    t: &Text,
    snapshot: &Snapshot,
    scenario: &crate::engine::scenario::Scenario,
    drags: &[crate::engine::province::Drag],
) -> String {
    let m = &snapshot.methodology;
    let mut out = vec![t.csv_drag.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>()];
    for d in drags {
        let def = &m.metrics[d.metric];
        for share in &d.shares {
            let (code, name, rate) = match share.unit {
                Some(u) => {
                    let den = crate::engine::scenario::lever(snapshot, u, d.metric).map_or(0, |(_, den)| den);
                    let rate = scenario.shown(snapshot, u, d.metric).map(|n| t.rate(n, den));
                    (text_cell(&snapshot.units[u].code), text_cell(&snapshot.units[u].name), rate.unwrap_or_default())
                }
                None => (String::new(), t.province_own.to_owned(), String::new()),
            };
            out.push(vec![
                def.code.clone(),
                t.metric_name(def).to_owned(),
                pts(d.lost),
                code,
                name,
                share.missing.to_string(),
                rate,
                pts(share.points),
            ]);
        }
    }
    csv(out)
}

/// A file name: ASCII letters, digits, dots and single dashes; Vietnamese letters lose their marks
/// ("Xã, phường (148)" → "Xa-phuong-148").
pub fn file_name(parts: &[&str], extension: &str) -> String {
    let folded: Vec<String> = parts.iter().filter(|p| !p.is_empty()).map(|p| super::search::fold_case(p)).collect();
    let mut clean = String::new();
    for c in folded.join("-").chars() {
        let c = if c.is_ascii_alphanumeric() || c == '.' { c } else { '-' };
        if c == '-' && (clean.is_empty() || clean.ends_with('-')) {
            continue;
        }
        clean.push(c);
    }
    format!("{}.{extension}", clean.trim_end_matches('-'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised_and_names_are_clean() {
        assert_eq!(text_cell("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(text_cell("+1"), "'+1");
        assert_eq!(text_cell("-2"), "'-2");
        assert_eq!(text_cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(text_cell("UBND xã Tam Sơn"), "UBND xã Tam Sơn");
        assert_eq!(delta(Points(6139), Points(6264)), "1,25");
        assert_eq!(delta(Points(6139), Points(6089)), "-0,50");
        assert_eq!(
            file_name(&["xep-hang", "Xã, phường (148)", "2026-12-01"], "csv"),
            "xep-hang-Xa-phuong-148-2026-12-01.csv"
        );
        assert_eq!(file_name(&["ke-hoach", "H44.166", ""], "csv"), "ke-hoach-H44.166.csv");
    }
}
