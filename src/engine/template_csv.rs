//! The one-table CSV template staff fill in Excel: one row per unit (code, name, level, parent), then a
//! numerator and denominator column per metric (`<METRIC>__num`, `<METRIC>__den`), a score column for
//! metrics the portal gives only as a score (`<METRIC>__score`) and, per group, an optional given group
//! score (`<GROUP>__given`). Columns come from the methodology, so a new version's template is data.
//!
//! Written with semicolons and a byte-order mark (Excel in the Vietnamese locale); read with comma or
//! semicolon, with or without the mark. Counts may be grouped the Vietnamese way (1.234.567); scores
//! take a decimal comma or dot (7,26 or 7.26).

use std::collections::HashMap;
use std::sync::Arc;

use super::csv_text;
use super::methodology::{Methodology, Rule};
use super::points::Points;
use super::portal_csv::{records, text_of, width_problem};
use super::problem::{excerpt, parse_count, Place, Problem, ProblemKind, Row};
use super::snapshot::{counts_input, score_cell, Builder, Level, Meta, MetricInput, Snapshot, UnitDraft};

pub const CODE: &str = "unit_code";
pub const NAME: &str = "unit_name";
pub const LEVEL: &str = "level";
pub const PARENT: &str = "parent";

/// The template's columns for a methodology.
pub fn columns(m: &Methodology) -> Vec<String> {
    let mut out: Vec<String> = [CODE, NAME, LEVEL, PARENT].map(str::to_owned).to_vec();
    for metric in &m.metrics {
        if metric.rule == Rule::Given {
            out.push(format!("{}__score", metric.code));
        } else {
            out.push(format!("{}__num", metric.code));
            out.push(format!("{}__den", metric.code));
        }
    }
    out.extend(m.groups.iter().map(|g| format!("{}__given", g.code)));
    out
}

fn score_text(p: Points) -> String {
    p.with_separator(',')
}

/// Writes units as the template (semicolons, byte-order mark): the snapshot's own export, and with an
/// example snapshot, the blank template staff download.
pub fn write(snapshot: &Snapshot) -> String {
    let m = &snapshot.methodology;
    let mut out = String::from("\u{feff}");
    csv_text::write_record(&mut out, &columns(m), ';');
    for u in &snapshot.units {
        let mut row = vec![
            u.code.clone(),
            u.name.clone(),
            u.level.code().to_owned(),
            u.parent.map(|p| snapshot.units[p].code.clone()).unwrap_or_default(),
        ];
        for (k, metric) in m.metrics.iter().enumerate() {
            let input = u.metrics.get(k).copied().unwrap_or_default();
            match (metric.rule, input) {
                (Rule::Given, MetricInput::Score(p)) => row.push(score_text(p)),
                (Rule::Given, _) => row.push(String::new()),
                (_, MetricInput::Counts { num, den }) => row.extend([num.to_string(), den.to_string()]),
                _ => row.extend([String::new(), String::new()]),
            }
        }
        row.extend(u.given_groups.iter().map(|g| g.map(score_text).unwrap_or_default()));
        csv_text::write_record(&mut out, &row, ';');
    }
    out
}

/// A score as staff type it: "7,26", "7.26", "6".
fn parse_score(text: &str) -> Option<Points> {
    Points::parse(&text.trim().replace(',', "."))
}

/// A level as written: the file code (`commune`) or the Vietnamese word, either case of its first
/// letter (no Unicode case tables in the web build).
fn level_of(text: &str) -> Option<Level> {
    let t = text.trim();
    Level::from_code(&t.to_ascii_lowercase()).or(match t {
        "tỉnh" | "Tỉnh" | "TỈNH" => Some(Level::Province),
        "sở" | "Sở" | "SỞ" | "ban" | "Ban" | "ngành" | "Ngành" => Some(Level::Department),
        "xã" | "Xã" | "XÃ" | "phường" | "Phường" | "PHƯỜNG" | "đặc khu" | "Đặc khu" => {
            Some(Level::Commune)
        }
        _ => None,
    })
}

/// Reads a filled-in template.
pub fn read(bytes: &[u8], file: &str, methodology: Arc<Methodology>, meta: Meta) -> Result<Snapshot, Vec<Problem>> {
    let text = text_of(bytes, file).map_err(|p| vec![p])?;
    let m = Arc::clone(&methodology);
    let mut b = Builder::new(methodology).in_file(file);
    let all = records(text, file).map_err(|p| vec![p])?;
    let Some((header, rows)) = all.split_first() else {
        return Err(vec![Problem::new(Place::file(file), ProblemKind::EmptyFile)]);
    };
    let headers = &header.fields;
    let header_place = |c: &str| Place::file(file).with_row(Row::Line(1)).with_field(c);
    let known = columns(&m);
    let mut column: HashMap<&str, usize> = HashMap::new();
    for (i, h) in headers.iter().enumerate() {
        let h = h.trim();
        if !known.iter().any(|k| k == h) {
            b.problem(header_place(h), ProblemKind::UnknownField);
        } else if column.insert(h, i).is_some() {
            b.problem(header_place(h), ProblemKind::DuplicateColumn);
        }
    }
    for required in [CODE, NAME, LEVEL] {
        if !column.contains_key(required) {
            b.problem(header_place(required), ProblemKind::MissingColumn);
        }
    }
    if !b.problems.is_empty() {
        return Err(b.problems);
    }
    for record in rows {
        if record.fields.iter().all(|c| c.trim().is_empty()) {
            continue; // an empty line Excel left
        }
        let place = Place::file(file).with_row(Row::Line(record.line));
        if record.fields.len() != headers.len() {
            b.problems.push(width_problem(record, headers.len(), file));
            continue;
        }
        let cell = |name: &str| column.get(name).and_then(|&i| record.fields.get(i)).map_or("", |c| c.trim());
        let code = cell(CODE).to_owned();
        let place = place.with_unit(&code);
        let Some(level) = level_of(cell(LEVEL)) else {
            b.problem(place.with_field(LEVEL), ProblemKind::UnknownLevel(excerpt(cell(LEVEL))));
            continue;
        };
        let mut draft = UnitDraft::new(&m, &code, cell(NAME), level, place.clone());
        draft.parent = Some(cell(PARENT)).filter(|p| !p.is_empty()).map(str::to_owned);
        let count = |col: &str| -> Result<Option<u64>, Problem> {
            match cell(col) {
                "" => Ok(None),
                v => parse_count(v).map(Some).map_err(|k| Problem::new(place.clone().with_field(col), k)),
            }
        };
        for (k, metric) in m.metrics.iter().enumerate() {
            let input = if metric.rule == Rule::Given {
                let col = format!("{}__score", metric.code);
                score_cell(metric, cell(&col), &place.clone().with_field(col))
            } else {
                let (nc, dc) = (format!("{}__num", metric.code), format!("{}__den", metric.code));
                count(&nc).and_then(|num| counts_input(num, count(&dc)?, || place.clone().with_field(nc)))
            };
            match input {
                Ok(i) => draft.metrics[k] = i,
                Err(p) => {
                    b.problems.push(p);
                    draft.refused = true;
                }
            }
        }
        for (gi, g) in m.groups.iter().enumerate() {
            let col = format!("{}__given", g.code);
            match cell(&col) {
                "" => {}
                v => match parse_score(v) {
                    Some(p) => draft.given_groups[gi] = Some(p),
                    None => {
                        b.problem(place.clone().with_field(col), ProblemKind::BadScore(excerpt(v)));
                        draft.refused = true;
                    }
                },
            }
        }
        b.add(draft);
    }
    b.finish(meta)
}

/// The blank template with one example row per level, for staff to download and fill in.
pub fn example(m: Arc<Methodology>) -> String {
    let mut s = super::synthetic::province(m, 3, 1);
    let names = ["UBND tỉnh Ví Dụ", "Sở Ví Dụ", "UBND xã Ví Dụ"];
    for (u, name) in s.units.iter_mut().zip(names) {
        u.name = name.to_owned();
        u.code = u.code.replace("S00", "VD");
    }
    s.units[1].level = Level::Department;
    write(&s)
}
