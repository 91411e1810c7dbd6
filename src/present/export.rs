//! CSV exports that Excel opens with Vietnamese intact: UTF-8 with a byte-order mark, semicolons, and
//! numbers the Vietnamese way (decimal comma; counts without grouping, so they stay numbers).

use crate::engine::{Points, Scores, Snapshot};
use crate::present::breakdown::Breakdown;

fn csv(rows: Vec<Vec<String>>) -> String {
    let mut out = String::from("\u{feff}");
    for r in rows {
        crate::engine::csv_text::write_record(&mut out, &r, ';');
    }
    out
}

fn pts(p: Points) -> String {
    p.with_separator(',')
}

/// The ranking of a peer group with the scenario's columns.
pub fn ranking(
    snapshot: &Snapshot,
    baseline: &Scores,
    current: &Scores,
    rows: &[usize],
    changed: impl Fn(usize) -> bool,
) -> String {
    let m = &snapshot.methodology;
    let mut header = vec![
        "Hạng".to_owned(),
        "Hạng theo kịch bản".into(),
        "Thay đổi hạng".into(),
        "Mã đơn vị".into(),
        "Đơn vị".into(),
    ];
    header.extend(m.groups.iter().map(|g| g.code.clone()));
    header.extend(["Tổng điểm".to_owned(), "Tổng theo kịch bản".into(), "Tăng".into(), "Có điều chỉnh".into()]);
    let mut out = vec![header];
    for &u in rows {
        let (b, c) = (&baseline.units[u], &current.units[u]);
        let mut row = vec![
            baseline.ranks[u].rank.to_string(),
            current.ranks[u].rank.to_string(),
            (i64::from(baseline.ranks[u].rank) - i64::from(current.ranks[u].rank)).to_string(),
            snapshot.units[u].code.clone(),
            snapshot.units[u].name.clone(),
        ];
        row.extend(c.groups.iter().map(|g| pts(g.points)));
        row.extend([
            pts(b.total),
            pts(c.total),
            crate::present::format::points_delta(b.total, c.total).replace('−', "-"),
            if changed(u) { "có".into() } else { String::new() },
        ]);
        out.push(row);
    }
    csv(out)
}

/// A unit's plan: every metric before and after, with the counts to reach.
pub fn plan(unit_name: &str, b: &Breakdown) -> String {
    let mut out = vec![vec![
        "Đơn vị".to_owned(),
        "Nhóm".into(),
        "Mã chỉ tiêu".into(),
        "Chỉ tiêu".into(),
        "Mẫu số".into(),
        "Tử số hiện tại".into(),
        "Tử số kế hoạch".into(),
        "Cần thêm".into(),
        "Điểm hiện tại".into(),
        "Điểm kế hoạch".into(),
        "Điểm tối đa".into(),
    ]];
    for g in &b.groups {
        for r in &g.metrics {
            let (now, den) = r.counts.map_or((String::new(), String::new()), |(n, d)| (n.to_string(), d.to_string()));
            let before = r.baseline_counts.map_or(String::new(), |(n, _)| n.to_string());
            let more = match (r.counts, r.baseline_counts) {
                (Some((n, _)), Some((o, _))) => (n as i64 - o as i64).to_string(),
                _ => String::new(),
            };
            out.push(vec![
                unit_name.to_owned(),
                g.code.clone(),
                r.code.clone(),
                r.name.clone(),
                den,
                before,
                now,
                more,
                r.baseline_points.map(pts).unwrap_or_default(),
                r.points.map(pts).unwrap_or_default(),
                pts(r.max),
            ]);
        }
    }
    out.push(vec![
        unit_name.to_owned(),
        "Tổng".into(),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        pts(b.baseline_total),
        pts(b.total),
        pts(b.total_max),
    ]);
    csv(out)
}

/// A file name: letters, digits and dashes only (unit codes keep their dots).
pub fn file_name(parts: &[&str], extension: &str) -> String {
    let joined = parts.iter().filter(|p| !p.is_empty()).copied().collect::<Vec<_>>().join("-");
    let clean: String =
        joined.chars().map(|c| if c.is_ascii_alphanumeric() || c == '.' || c == '-' { c } else { '-' }).collect();
    format!("{clean}.{extension}")
}
