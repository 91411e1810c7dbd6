//! A score snapshot: the units of a province (or the provinces of the country) with the raw counts
//! behind each metric for one period, checked against one methodology version.
//!
//! Snapshots are built only through [`Builder`], which every reader (snapshot JSON, portal CSV folder)
//! feeds, so that all of them apply the same checks.

use std::collections::HashMap;
use std::sync::Arc;

use super::methodology::{Inherit, Methodology, Rule};
use super::points::Points;
use super::problem::{Place, Problem, ProblemKind};

#[derive(Clone, Debug, PartialEq)]
pub struct Snapshot {
    pub meta: Meta,
    pub methodology: Arc<Methodology>,
    pub units: Vec<Unit>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Meta {
    pub title: String,
    pub source: String,
    /// When the data was taken from the portal (YYYY-MM-DD).
    pub captured: Option<String>,
    pub period: Option<Period>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Period {
    pub kind: PeriodKind,
    /// First and last day, YYYY-MM-DD.
    pub from: String,
    pub to: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PeriodKind {
    Month,
    Quarter,
    HalfYear,
    Year,
    Custom,
}

impl PeriodKind {
    pub const ALL: [PeriodKind; 5] =
        [PeriodKind::Month, PeriodKind::Quarter, PeriodKind::HalfYear, PeriodKind::Year, PeriodKind::Custom];

    pub fn code(self) -> &'static str {
        match self {
            PeriodKind::Month => "month",
            PeriodKind::Quarter => "quarter",
            PeriodKind::HalfYear => "half_year",
            PeriodKind::Year => "year",
            PeriodKind::Custom => "custom",
        }
    }

    pub fn from_code(code: &str) -> Option<PeriodKind> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }
}

impl Period {
    /// Parses the short forms used on the command line: `2026-Q3`, `2026-H1`, `2026-09`, `2026`.
    pub fn parse_short(text: &str) -> Option<Period> {
        let t = text.trim();
        let year: u32 = t.get(0..4)?.parse().ok().filter(|y| (2000..=2100).contains(y))?;
        let rest = &t[4..];
        let month_end = |m: u32| match m {
            2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
            2 => 28,
            4 | 6 | 9 | 11 => 30,
            _ => 31,
        };
        let span = |kind, m1: u32, m2: u32| Period {
            kind,
            from: format!("{year:04}-{m1:02}-01"),
            to: format!("{year:04}-{m2:02}-{:02}", month_end(m2)),
        };
        if rest.is_empty() {
            return Some(span(PeriodKind::Year, 1, 12));
        }
        let rest = rest.strip_prefix('-')?;
        if let Some(q) = rest.strip_prefix(['Q', 'q']) {
            let q: u32 = q.parse().ok().filter(|q| (1..=4).contains(q))?;
            return Some(span(PeriodKind::Quarter, 3 * q - 2, 3 * q));
        }
        if let Some(h) = rest.strip_prefix(['H', 'h']) {
            let h: u32 = h.parse().ok().filter(|h| (1..=2).contains(h))?;
            return Some(span(PeriodKind::HalfYear, 6 * h - 5, 6 * h));
        }
        let m: u32 = rest.parse().ok().filter(|m| (1..=12).contains(m))?;
        Some(span(PeriodKind::Month, m, m))
    }

    /// The period as Vietnamese staff name it: "Quý 3/2026", "Tháng 9/2026", "6 tháng đầu năm 2026".
    pub fn label_vi(&self) -> String {
        let year = &self.from[0..4.min(self.from.len())];
        let month: u32 = self.from.get(5..7).and_then(|m| m.parse().ok()).unwrap_or(1);
        match self.kind {
            PeriodKind::Month => format!("Tháng {month}/{year}"),
            PeriodKind::Quarter => format!("Quý {}/{year}", month.div_ceil(3)),
            PeriodKind::HalfYear if month <= 6 => format!("6 tháng đầu năm {year}"),
            PeriodKind::HalfYear => format!("6 tháng cuối năm {year}"),
            PeriodKind::Year => format!("Năm {year}"),
            PeriodKind::Custom => format!("Từ {} đến {}", vi_date(&self.from), vi_date(&self.to)),
        }
    }
}

/// "2026-09-26" → "26/9/2026" (the text back unchanged if it is not such a date).
pub fn vi_date(iso: &str) -> String {
    match (
        iso.get(0..4),
        iso.get(5..7).and_then(|m| m.parse::<u32>().ok()),
        iso.get(8..10).and_then(|d| d.parse::<u32>().ok()),
    ) {
        (Some(y), Some(m), Some(d)) if iso.len() == 10 => format!("{d}/{m}/{y}"),
        _ => iso.to_owned(),
    }
}

/// Checks a YYYY-MM-DD date (calendar-valid).
pub fn is_iso_date(text: &str) -> bool {
    let b = text.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let (Ok(y), Ok(m), Ok(d)) = (text[0..4].parse::<u32>(), text[5..7].parse::<u32>(), text[8..10].parse::<u32>())
    else {
        return false;
    };
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if y % 4 == 0 && (y % 100 != 0 || y % 400 == 0) => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&d)
}

/// Levels of units, as the portal arranges them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    /// A province as a whole (UBND tỉnh): the root of a province snapshot, or a peer of the 34.
    Province,
    /// A provincial department (sở, ban, ngành).
    Department,
    /// A commune or ward (xã, phường).
    Commune,
}

impl Level {
    pub const ALL: [Level; 3] = [Level::Province, Level::Department, Level::Commune];

    /// The code used in snapshot files.
    pub fn code(self) -> &'static str {
        match self {
            Level::Province => "province",
            Level::Department => "department",
            Level::Commune => "commune",
        }
    }

    pub fn from_code(code: &str) -> Option<Level> {
        Self::ALL.into_iter().find(|l| l.code() == code)
    }

    /// The portal's `unit_level` values.
    pub fn from_portal(code: &str) -> Option<Level> {
        match code {
            "PROVINCE_ROOT" => Some(Level::Province),
            "PROVINCE" => Some(Level::Department),
            "COMMUNE" => Some(Level::Commune),
            _ => None,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Unit {
    pub code: String,
    pub name: String,
    pub level: Level,
    /// Index of the parent unit in `Snapshot::units`.
    pub parent: Option<usize>,
    /// One input per metric of the methodology, same index as `Methodology::metrics`.
    pub metrics: Vec<MetricInput>,
    /// Group scores the portal publishes without counts (CLGQ for departments and communes), per
    /// group index; used only for a group none of whose metrics has data.
    pub given_groups: Vec<Option<Points>>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum MetricInput {
    /// No data (an inherited metric on a child, a monitoring metric left out, a given group).
    #[default]
    Missing,
    Counts {
        num: u64,
        den: u64,
    },
    /// A score the portal publishes without counts (a `given` metric).
    Score(Points),
}

impl Snapshot {
    pub fn unit_index(&self, code: &str) -> Option<usize> {
        self.units.iter().position(|u| u.code == code)
    }

    /// The top unit above `unit` (itself if it has no parent). Parents are acyclic (checked).
    pub fn root_of(&self, mut unit: usize) -> usize {
        let mut steps = 0;
        while let Some(p) = self.units[unit].parent {
            unit = p;
            steps += 1;
            if steps > self.units.len() {
                break; // unreachable on a built snapshot; guards hand-made ones
            }
        }
        unit
    }

    /// The counts a metric is scored with for a unit: its own, or its root's for inherited metrics.
    pub fn effective_input(&self, unit: usize, metric: usize) -> MetricInput {
        let owner = match self.methodology.metrics.get(metric).map(|m| m.inherit) {
            Some(Inherit::Root) => self.root_of(unit),
            _ => unit,
        };
        self.units[owner].metrics.get(metric).copied().unwrap_or_default()
    }
}

/// A unit as a reader found it, before parents are resolved.
#[derive(Clone, Debug)]
pub struct UnitDraft {
    pub code: String,
    pub name: String,
    pub level: Level,
    pub parent: Option<String>,
    pub metrics: Vec<MetricInput>,
    pub given_groups: Vec<Option<Points>>,
    /// Where the unit was read, for messages about it as a whole.
    pub place: Place,
    /// Where each group of the unit was read when it differs from `place` (the portal's CSV layout has
    /// one file per group); `None`: at `place`.
    pub group_places: Vec<Option<Place>>,
    /// Some of the unit's data was refused (and reported): skip the checks that would only repeat it.
    pub refused: bool,
}

impl UnitDraft {
    pub fn new(methodology: &Methodology, code: &str, name: &str, level: Level, place: Place) -> UnitDraft {
        UnitDraft {
            code: code.to_owned(),
            name: name.to_owned(),
            level,
            parent: None,
            metrics: vec![MetricInput::Missing; methodology.metrics.len()],
            given_groups: vec![None; methodology.groups.len()],
            group_places: vec![None; methodology.groups.len()],
            place,
            refused: false,
        }
    }
}

/// Checks counts read for one metric and makes the input: numerator within its denominator. The place
/// is built only for a problem (readers call this for every metric of every unit).
pub fn counts_input(num: Option<u64>, den: Option<u64>, place: impl FnOnce() -> Place) -> Result<MetricInput, Problem> {
    match (num, den) {
        (None, None) => Ok(MetricInput::Missing),
        (Some(num), Some(den)) if num > den => {
            Err(Problem::new(place(), ProblemKind::NumeratorAboveDenominator { num, den }))
        }
        (Some(num), Some(den)) => Ok(MetricInput::Counts { num, den }),
        _ => Err(Problem::new(place(), ProblemKind::HalfCounts)),
    }
}

/// A given score as a cell holds it ("2", "7.26" or "7,26"), within the metric's maximum; an empty cell
/// is no data. (The CSV readers share it; JSON has numbers.)
pub fn score_cell(metric: &super::methodology::Metric, text: &str, place: &Place) -> Result<MetricInput, Problem> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(MetricInput::Missing);
    }
    match Points::parse(&text.replace(',', ".")) {
        Some(p) if p <= metric.max => Ok(MetricInput::Score(p)),
        Some(p) => Err(Problem::new(place.clone(), ProblemKind::ScoreAboveMax { score: p.vi(), max: metric.max.vi() })),
        None => Err(Problem::new(place.clone(), ProblemKind::BadScore(text.to_owned()))),
    }
}

/// Collects units from a reader, then checks what needs the whole set: duplicate codes, parents,
/// inherited metrics, and that every group of every unit can be scored.
pub struct Builder {
    methodology: Arc<Methodology>,
    drafts: Vec<UnitDraft>,
    by_code: HashMap<String, usize>,
    pub problems: Vec<Problem>,
}

impl Builder {
    pub fn new(methodology: Arc<Methodology>) -> Builder {
        Builder { methodology, drafts: Vec::new(), by_code: HashMap::new(), problems: Vec::new() }
    }

    pub fn methodology(&self) -> &Arc<Methodology> {
        &self.methodology
    }

    pub fn problem(&mut self, place: Place, kind: ProblemKind) {
        self.problems.push(Problem::new(place, kind));
    }

    /// Adds a unit; a duplicate code is reported and the unit dropped.
    pub fn add(&mut self, draft: UnitDraft) -> Option<usize> {
        if draft.code.is_empty() {
            self.problem(draft.place.clone(), ProblemKind::EmptyCode);
            return None;
        }
        if let Some(&first) = self.by_code.get(&draft.code) {
            let other = self.drafts[first].place.clone();
            let what = if other.row.is_some() {
                Place { unit: None, field: None, ..other }.to_string()
            } else {
                draft.code.clone()
            };
            self.problem(draft.place.clone().with_field("code"), ProblemKind::DuplicateUnit(what));
            return None;
        }
        self.by_code.insert(draft.code.clone(), self.drafts.len());
        self.drafts.push(draft);
        Some(self.drafts.len() - 1)
    }

    pub fn index_of(&self, code: &str) -> Option<usize> {
        self.by_code.get(code).copied()
    }

    pub fn draft_mut(&mut self, index: usize) -> &mut UnitDraft {
        &mut self.drafts[index]
    }

    pub fn drafts(&self) -> &[UnitDraft] {
        &self.drafts
    }

    /// Finishes the snapshot, or returns every problem found (by the reader and here).
    pub fn finish(mut self, meta: Meta) -> Result<Snapshot, Vec<Problem>> {
        let m = Arc::clone(&self.methodology);
        if self.drafts.is_empty() && self.problems.is_empty() {
            self.problem(Place::default(), ProblemKind::NoUnits);
        }
        // Parents.
        let mut parents = vec![None; self.drafts.len()];
        for (i, d) in self.drafts.iter().enumerate() {
            if let Some(code) = &d.parent {
                match self.by_code.get(code) {
                    Some(&p) if p != i => parents[i] = Some(p),
                    Some(_) => {
                        self.problems.push(Problem::new(d.place.clone().with_field("parent"), ProblemKind::ParentCycle))
                    }
                    None => self.problems.push(Problem::new(
                        d.place.clone().with_field("parent"),
                        ProblemKind::UnknownParent(code.clone()),
                    )),
                }
            }
        }
        let mut roots = vec![usize::MAX; self.drafts.len()];
        for (i, root) in roots.iter_mut().enumerate() {
            let (mut u, mut steps) = (i, 0);
            while let Some(p) = parents[u] {
                u = p;
                steps += 1;
                if steps > self.drafts.len() {
                    break;
                }
            }
            if steps > self.drafts.len() {
                self.problems
                    .push(Problem::new(self.drafts[i].place.clone().with_field("parent"), ProblemKind::ParentCycle));
            } else {
                *root = u;
            }
        }
        // Groups and inherited metrics, unit by unit.
        for (i, d) in self.drafts.iter().enumerate().filter(|(_, d)| !d.refused) {
            for (gi, g) in m.groups.iter().enumerate() {
                let place = d.group_places[gi].as_ref().unwrap_or(&d.place);
                let scored = || g.metrics.clone().filter(|&k| m.metrics[k].rule != Rule::Monitor);
                let own = |k: usize| m.metrics[k].inherit == Inherit::None || roots[i] == i;
                let has = |k: usize| d.metrics[k] != MetricInput::Missing;
                let counted = scored().any(|k| own(k) && has(k));
                match (counted, d.given_groups[gi]) {
                    (true, Some(_)) => self.problems.push(Problem::new(
                        place.clone().with_field(g.code.clone()),
                        ProblemKind::GroupGivenAndCounted(g.code.clone()),
                    )),
                    (false, None) if scored().any(own) => self.problems.push(Problem::new(
                        place.clone().with_field(g.code.clone()),
                        ProblemKind::MissingGroup(g.code.clone()),
                    )),
                    (false, Some(score)) if score > g.max => self.problems.push(Problem::new(
                        place.clone().with_field(g.code.clone()),
                        ProblemKind::ScoreAboveMax { score: score.vi(), max: g.max.vi() },
                    )),
                    (true, None) => {
                        for k in scored().filter(|&k| own(k) && !has(k)) {
                            self.problems.push(Problem::new(
                                place.clone().with_field(m.metrics[k].code.clone()),
                                ProblemKind::MissingMetric(g.code.clone()),
                            ));
                        }
                    }
                    _ => {}
                }
                // A child may repeat its root's value of an inherited metric (the portal does), but
                // not contradict it.
                let root = roots[i];
                if root == usize::MAX || root == i {
                    continue;
                }
                for k in g.metrics.clone().filter(|&k| m.metrics[k].inherit == Inherit::Root) {
                    let (mine, theirs) = (d.metrics[k], self.drafts[root].metrics[k]);
                    if mine != MetricInput::Missing && mine != theirs {
                        self.problems.push(Problem::new(
                            place.clone().with_field(m.metrics[k].code.clone()),
                            ProblemKind::InheritedMismatch {
                                root: self.drafts[root].code.clone(),
                                expected: describe(theirs),
                            },
                        ));
                    }
                }
            }
        }
        if !self.problems.is_empty() {
            return Err(self.problems);
        }
        let units = self
            .drafts
            .into_iter()
            .zip(parents)
            .enumerate()
            .map(|(i, (d, parent))| {
                let mut metrics = d.metrics;
                // Children keep no copy of inherited counts: the root's are the one source.
                if roots[i] != i {
                    for (k, metric) in m.metrics.iter().enumerate() {
                        if metric.inherit == Inherit::Root {
                            metrics[k] = MetricInput::Missing;
                        }
                    }
                }
                Unit { code: d.code, name: d.name, level: d.level, parent, metrics, given_groups: d.given_groups }
            })
            .collect();
        Ok(Snapshot { meta, methodology: m, units })
    }
}

fn describe(input: MetricInput) -> String {
    match input {
        MetricInput::Missing => "không có số liệu".to_owned(),
        MetricInput::Counts { num, den } => {
            format!("{}/{}", super::points::group_thousands(num), super::points::group_thousands(den))
        }
        MetricInput::Score(p) => format!("{} điểm", p.vi()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_periods() {
        let q = Period::parse_short("2026-Q3").unwrap();
        assert_eq!((q.kind, q.from.as_str(), q.to.as_str()), (PeriodKind::Quarter, "2026-07-01", "2026-09-30"));
        assert_eq!(q.label_vi(), "Quý 3/2026");
        assert_eq!(Period::parse_short("2024-02").unwrap().to, "2024-02-29");
        assert_eq!(Period::parse_short("2026-H2").unwrap().label_vi(), "6 tháng cuối năm 2026");
        assert_eq!(Period::parse_short("2026").unwrap().label_vi(), "Năm 2026");
        assert!(Period::parse_short("2026-Q5").is_none());
        assert!(Period::parse_short("26-Q1").is_none());
        assert!(Period::parse_short("2026-13").is_none());
    }

    #[test]
    fn dates() {
        assert!(is_iso_date("2026-09-26"));
        assert!(!is_iso_date("2026-02-30"));
        assert!(!is_iso_date("26/9/2026"));
        assert_eq!(vi_date("2026-09-26"), "26/9/2026");
    }
}
