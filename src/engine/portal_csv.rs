//! Import of the portal's data layout: one CSV file per group, in exactly the layout of
//! `shared/data/phu-tho-2026-q3` (file names and columns come from the methodology's `portal_file` and
//! `portal` fields, so a new version's layout is a data change too).
//!
//! Rows are units; `unit_code` joins the files. The portal's own scores in the files are not read,
//! except where the portal gives nothing else: a group with no counts on a row (CLGQ for departments
//! and communes) takes `group_score` as a given score, and a `given` metric takes its score column.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::Arc;

use super::csv_text;
use super::methodology::{Methodology, Rule};
use super::points::Points;
use super::problem::{excerpt, parse_count, Place, Problem, ProblemKind, Row};
use super::snapshot::{counts_input, score_cell, Builder, Level, Meta, MetricInput, Snapshot, UnitDraft};

pub const CODE: &str = "unit_code";
pub const NAME: &str = "unit_name";
pub const LEVEL: &str = "unit_level";
pub const GROUP_SCORE: &str = "group_score";

/// The file names a folder must hold for a methodology.
pub fn file_names(m: &Methodology) -> Vec<&str> {
    m.groups.iter().filter_map(|g| g.portal_file.as_deref()).collect()
}

/// Text of a CSV file: UTF-8, with or without a byte-order mark.
pub fn text_of<'a>(bytes: &'a [u8], file: &str) -> Result<&'a str, Problem> {
    let text = std::str::from_utf8(bytes).map_err(|_| Problem::new(Place::file(file), ProblemKind::NotUtf8))?;
    Ok(text.strip_prefix('\u{feff}').unwrap_or(text))
}

/// The records of a CSV file, or a problem naming the line of a quote never closed.
pub fn records(text: &str, file: &str) -> Result<Vec<csv_text::Record>, Problem> {
    csv_text::parse(text, csv_text::sniff(text))
        .map_err(|line| Problem::new(Place::file(file).with_row(Row::Line(line)), ProblemKind::UnclosedQuote))
}

/// A record whose number of cells differs from the header's.
pub fn width_problem(record: &csv_text::Record, header_len: usize, file: &str) -> Problem {
    Problem::new(
        Place::file(file).with_row(Row::Line(record.line)),
        ProblemKind::RowWidth { cells: record.fields.len(), columns: header_len },
    )
}

/// Reads the six group files (name → content) into a snapshot, with the warnings of what was read
/// differently from what the files say (a group taken as the portal's score for missing counts).
pub fn import(
    files: &BTreeMap<String, Vec<u8>>,
    methodology: Arc<Methodology>,
    meta: Meta,
) -> Result<(Snapshot, Vec<Problem>), Vec<Problem>> {
    let m = Arc::clone(&methodology);
    let mut b = Builder::new(methodology);
    let mut warnings: Vec<Problem> = Vec::new();
    let mut lines: HashMap<(usize, usize), u64> = HashMap::new();
    let mut first_file: Option<&str> = None;
    // A file missing, unreadable, empty or without its columns: its group is missing for every unit,
    // and saying so 164 times (each under another file) would bury the one problem that matters.
    let mut whole_file_failed = false;
    // Codes of rows refused for their width: said once, not again as missing from the other files.
    let mut refused: HashSet<String> = HashSet::new();
    for (gi, group) in m.groups.iter().enumerate() {
        let Some(file) = group.portal_file.as_deref() else { continue };
        let Some(bytes) = files.get(file) else {
            b.problem(Place::file(file), ProblemKind::MissingFile);
            whole_file_failed = true;
            continue;
        };
        let text = match text_of(bytes, file) {
            Ok(t) => t,
            Err(p) => {
                b.problems.push(p);
                whole_file_failed = true;
                continue;
            }
        };
        let all = match records(text, file) {
            Ok(r) => r,
            Err(p) => {
                b.problems.push(p);
                whole_file_failed = true;
                continue;
            }
        };
        let Some((header, rows)) = all.split_first() else {
            b.problem(Place::file(file), ProblemKind::EmptyFile);
            whole_file_failed = true;
            continue;
        };
        let column: HashMap<&str, usize> = header.fields.iter().enumerate().map(|(i, h)| (h.trim(), i)).collect();
        let mut needed: Vec<&str> = vec![CODE, NAME, LEVEL, GROUP_SCORE];
        for metric in &m.metrics[group.metrics.clone()] {
            if let Some(p) = &metric.portal {
                needed.extend(p.num.iter().chain(&p.den).map(String::as_str));
                if metric.rule == Rule::Given {
                    needed.extend(p.score.as_deref());
                }
            }
        }
        let missing: Vec<&str> = needed.iter().copied().filter(|c| !column.contains_key(c)).collect();
        if !missing.is_empty() {
            for c in missing {
                b.problem(Place::file(file).with_row(Row::Line(1)).with_field(c), ProblemKind::MissingColumn);
            }
            whole_file_failed = true;
            continue;
        }
        let mut seen: HashSet<String> = HashSet::new();
        for record in rows {
            let line = record.line;
            if record.fields.len() != header.fields.len() {
                b.problems.push(width_problem(record, header.fields.len(), file));
                let code = record.fields.get(column[CODE]).map_or("", |c| c.trim());
                if let Some(i) = b.index_of(code) {
                    b.draft_mut(i).refused = true;
                }
                seen.insert(code.to_owned());
                refused.insert(code.to_owned());
                continue;
            }
            let cell = |name: &str| cell_of(&record.fields, &column, name);
            let code = cell(CODE).to_owned();
            let place = Place::file(file).with_row(Row::Line(line)).with_unit(&code);
            if code.is_empty() {
                b.problem(place.with_field(CODE), ProblemKind::EmptyCode);
                continue;
            }
            let Some(level) = Level::from_portal(cell(LEVEL)) else {
                b.problem(place.with_field(LEVEL), ProblemKind::UnknownLevel(excerpt(cell(LEVEL))));
                continue;
            };
            if !seen.insert(code.clone()) {
                b.problem(place.with_field(CODE), ProblemKind::DuplicateUnit(None));
                continue;
            }
            let index = match (first_file, b.index_of(&code)) {
                (None, _) => match b.add(UnitDraft::new(&m, &code, cell(NAME), level, place.clone())) {
                    Some(i) => i,
                    None => continue,
                },
                (Some(_), Some(i)) => i,
                (Some(_), None) if refused.contains(&code) => continue,
                (Some(first), None) => {
                    b.problem(Place::file(first).with_unit(&code), ProblemKind::UnitMissingInFile(file.to_owned()));
                    continue;
                }
            };
            // The portal's own score of the group, kept to compare with the engine's (never scored with).
            if let Some(p) = Points::parse(cell(GROUP_SCORE)) {
                let draft = b.draft_mut(index);
                draft.published.resize(m.groups.len(), None);
                draft.published[gi] = Some(p);
                lines.insert((index, gi), line);
            }
            // Counts only partly there (the national list lacks two of TTTT's columns): the group is
            // taken as the portal's score, with a warning naming what is missing; no count is guessed.
            let missing: Vec<String> = m.metrics[group.metrics.clone()]
                .iter()
                .filter(|metric| metric.rule != Rule::Given)
                .filter_map(|metric| metric.portal.as_ref())
                .flat_map(|cols| {
                    let all: Vec<&String> = cols.num.iter().chain(&cols.den).collect();
                    let empty: Vec<String> = all.iter().filter(|c| cell(c).is_empty()).map(|c| (*c).clone()).collect();
                    if empty.len() < all.len() {
                        empty
                    } else {
                        Vec::new()
                    }
                })
                .collect();
            if !missing.is_empty() {
                if let Some(score) = Points::parse(cell(GROUP_SCORE)).filter(|p| *p <= group.max) {
                    warnings.push(Problem::new(
                        place.clone(),
                        ProblemKind::IncompleteGroup { group: group.code.clone(), fields: missing },
                    ));
                    let draft = b.draft_mut(index);
                    draft.given_groups[gi] = Some(score);
                    draft.group_places[gi] = Some(place);
                    continue;
                }
            }
            // Metrics of this group.
            let mut inputs: Vec<(usize, MetricInput)> = Vec::new();
            let mut row_ok = true;
            for k in group.metrics.clone() {
                let metric = &m.metrics[k];
                let Some(cols) = &metric.portal else { continue };
                let input = if metric.rule == Rule::Given {
                    match cols.score.as_deref() {
                        None => Ok(MetricInput::Missing),
                        Some(c) => score_cell(metric, cell(c), &place.clone().with_field(c)),
                    }
                } else {
                    sum_cells(&cols.num, &record.fields, &column, &place).and_then(|num| {
                        let den = sum_cells(&cols.den, &record.fields, &column, &place)?;
                        let at =
                            place.clone().with_field(cols.num.first().cloned().unwrap_or_else(|| metric.code.clone()));
                        counts_input(num, den, || at)
                    })
                };
                match input {
                    Ok(input) => inputs.push((k, input)),
                    Err(p) => {
                        b.problems.push(p);
                        row_ok = false;
                    }
                }
            }
            let counted =
                inputs.iter().any(|&(k, input)| m.metrics[k].rule != Rule::Monitor && input != MetricInput::Missing);
            let given = if counted {
                None
            } else {
                let v = cell(GROUP_SCORE);
                match Points::parse(v) {
                    Some(p) => Some(p),
                    None if v.is_empty() => None,
                    None => {
                        b.problem(place.clone().with_field(GROUP_SCORE), ProblemKind::BadScore(excerpt(v)));
                        row_ok = false;
                        None
                    }
                }
            };
            if !row_ok {
                b.draft_mut(index).refused = true;
            } else {
                let draft = b.draft_mut(index);
                for (k, input) in inputs {
                    draft.metrics[k] = input;
                }
                draft.given_groups[gi] = given;
                draft.group_places[gi] = Some(place);
            }
        }
        match first_file {
            None => first_file = Some(file),
            Some(first) => {
                let absent: Vec<String> =
                    b.drafts().iter().filter(|d| !seen.contains(&d.code)).map(|d| d.code.clone()).collect();
                for code in absent {
                    b.problem(Place::file(file).with_unit(&code), ProblemKind::UnitMissingInFile(first.to_owned()));
                }
            }
        }
    }
    if whole_file_failed {
        // What the files that were read say about their own rows stays; the group checks would only
        // repeat the missing file.
        return Err(b.problems);
    }
    if b.drafts().is_empty() && b.problems.is_empty() {
        let first = first_file.unwrap_or_default();
        return Err(vec![Problem::new(Place::file(first), ProblemKind::NoUnits)]);
    }
    // The national list: every row a PROVINCE and none the root of a tree — its rows are provinces, peers.
    let national = !b.drafts().is_empty() && b.drafts().iter().all(|d| d.level == Level::Department);
    if national {
        for i in 0..b.drafts().len() {
            b.draft_mut(i).level = Level::Province;
        }
    }
    // The portal's files carry no parent: a province's departments and communes hang under its one
    // PROVINCE_ROOT row; a file of provinces only has no parents.
    let provinces: Vec<(String, Place)> =
        b.drafts().iter().filter(|d| d.level == Level::Province).map(|d| (d.code.clone(), d.place.clone())).collect();
    let has_children = b.drafts().iter().any(|d| d.level != Level::Province);
    match (provinces.as_slice(), has_children) {
        ([(root, _)], true) => {
            for i in 0..b.drafts().len() {
                if b.drafts()[i].level != Level::Province {
                    b.draft_mut(i).parent = Some(root.clone());
                }
            }
        }
        (_, false) => {}
        // Each province row named where it is (file, line, unit), so that the one too many is found.
        ([], true) => b.problem(Place::file(first_file.unwrap_or_default()), ProblemKind::AmbiguousRoot(0)),
        (many, true) => {
            for (_, place) in many {
                b.problem(place.clone().with_field(LEVEL), ProblemKind::AmbiguousRoot(many.len()));
            }
        }
    }
    let snapshot = b.finish(meta)?;
    // Every group score the portal published and the engine computes otherwise is said (the data is
    // still read: the engine's rules are the portal's as far as any capture shows).
    let scores = super::scoring::score(&snapshot);
    for (i, u) in snapshot.units.iter().enumerate() {
        for (gi, published) in u.published.iter().enumerate() {
            let engine = scores.units[i].groups[gi];
            if let (Some(portal), false) = (*published, engine.given) {
                if portal != engine.points {
                    let file = m.groups[gi].portal_file.as_deref().unwrap_or_default();
                    let mut place = Place::file(file).with_unit(&u.code);
                    if let Some(&line) = lines.get(&(i, gi)) {
                        place = place.with_row(Row::Line(line));
                    }
                    warnings.push(Problem::new(
                        place.with_field(GROUP_SCORE),
                        ProblemKind::DiffersFromPortal {
                            group: m.groups[gi].code.clone(),
                            engine: engine.points,
                            portal,
                        },
                    ));
                }
            }
        }
    }
    Ok((snapshot, warnings))
}

/// Sum of the count cells of one side of a ratio; `None` when all are empty.
fn cell_of<'r>(record: &'r [String], column: &HashMap<&str, usize>, name: &str) -> &'r str {
    column.get(name).and_then(|&i| record.get(i)).map_or("", |c| c.trim())
}

fn sum_cells(
    columns: &[String],
    record: &[String],
    column: &HashMap<&str, usize>,
    place: &Place,
) -> Result<Option<u64>, Problem> {
    let cell = |name: &str| cell_of(record, column, name);
    let mut total: Option<u64> = None;
    let mut empty = 0;
    for c in columns {
        let v = cell(c);
        if v.is_empty() {
            empty += 1;
            continue;
        }
        let n = parse_count(v).map_err(|k| Problem::new(place.clone().with_field(c.clone()), k))?;
        total =
            Some(total.unwrap_or(0).checked_add(n).ok_or_else(|| {
                Problem::new(place.clone().with_field(c.clone()), ProblemKind::BadNumber(excerpt(v)))
            })?);
    }
    if empty > 0 && total.is_some() {
        let c = columns.iter().find(|c| cell(c).is_empty()).cloned().unwrap_or_default();
        return Err(Problem::new(place.clone().with_field(c), ProblemKind::HalfCounts));
    }
    Ok(total)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unclosed_quote_is_named_by_its_line() {
        let p = records("a,b\n1,\"open\n2,3\n", "x.csv").unwrap_err();
        assert_eq!(p, Problem::new(Place::file("x.csv").with_row(Row::Line(2)), ProblemKind::UnclosedQuote));
    }
}
