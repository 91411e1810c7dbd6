//! A score snapshot: the units of a province (or the provinces of the country) with the raw counts
//! behind each metric for one period, checked against one methodology version.
//!
//! Snapshots are built only through [`Builder`], which every reader (snapshot JSON, portal CSV folder)
//! feeds, so that all of them apply the same checks.

use std::collections::HashMap;
use std::sync::Arc;

use super::methodology::{Inherit, Methodology, Rule};
use super::points::Points;
use super::problem::{cap, check_text, excerpt, Place, Problem, ProblemKind, MAX_CODE, MAX_NAME, MAX_TITLE};

#[derive(Clone, Debug, PartialEq)]
pub struct Snapshot {
    pub meta: Meta,
    pub methodology: Arc<Methodology>,
    pub units: Vec<Unit>,
    /// The top unit above each unit (itself for a unit without a parent), computed once.
    roots: Vec<usize>,
    /// The one top unit when there is one and it has units under it (`Snapshot::province`).
    province: Option<usize>,
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
    /// The group scores the portal published with the counts, per group index (empty when the data
    /// does not say): never scored with, kept to compare the engine's scores with the portal's and to
    /// hold other provinces at their published totals.
    pub published: Vec<Option<Points>>,
}

impl Unit {
    /// The total the portal published: the sum of its published group scores, when it gave them all.
    pub fn published_total(&self) -> Option<Points> {
        if self.published.is_empty() {
            return None;
        }
        self.published.iter().try_fold(Points::ZERO, |sum, p| p.map(|p| Points(sum.0 + p.0)))
    }
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
    /// A snapshot of units whose parents are indices into `units`. Readers go through [`Builder`],
    /// which checks parents first; here a parent out of range or a cycle is cut (the unit becomes a
    /// root), so that no input can make the engine loop.
    pub fn new(meta: Meta, methodology: Arc<Methodology>, mut units: Vec<Unit>) -> Snapshot {
        let n = units.len();
        for u in &mut units {
            u.parent = u.parent.filter(|&p| p < n);
        }
        let parents: Vec<Option<usize>> = units.iter().map(|u| u.parent).collect();
        let roots = match top_units(&parents) {
            Ok(roots) => roots,
            Err(cycles) => {
                for i in cycles {
                    units[i].parent = None;
                }
                let parents: Vec<Option<usize>> = units.iter().map(|u| u.parent).collect();
                top_units(&parents).unwrap_or_else(|_| (0..n).collect())
            }
        };
        Snapshot::with_roots(meta, methodology, units, roots)
    }

    /// A snapshot whose parents are in range and without a cycle, with each unit's root already found
    /// (the builder found them while checking): not found again.
    fn with_roots(meta: Meta, methodology: Arc<Methodology>, units: Vec<Unit>, roots: Vec<usize>) -> Snapshot {
        debug_assert_eq!(Ok(&roots), top_units(&units.iter().map(|u| u.parent).collect::<Vec<_>>()).as_ref());
        let mut tops = (0..units.len()).filter(|&u| units[u].parent.is_none());
        let province = match (tops.next(), tops.next()) {
            (Some(top), None) if units.len() > 1 => Some(top),
            _ => None,
        };
        Snapshot { meta, methodology, units, roots, province }
    }

    /// The province: the only unit without a parent, when every other unit is under it (`None` for a
    /// list of provinces, or a single unit). Known once the snapshot is made: a slider step asks it
    /// several times, and walking 10,000 units each time cost half a millisecond.
    pub fn province(&self) -> Option<usize> {
        self.province
    }

    pub fn unit_index(&self, code: &str) -> Option<usize> {
        self.units.iter().position(|u| u.code == code)
    }

    /// The top unit above `unit` (itself if it has no parent).
    pub fn root_of(&self, unit: usize) -> usize {
        self.roots.get(unit).copied().unwrap_or(unit)
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

/// The top unit above every unit, in one pass over the parent links (linear in the number of units,
/// however deep the chains): `Err` with the units on a cycle, each listed once.
pub fn top_units(parents: &[Option<usize>]) -> Result<Vec<usize>, Vec<usize>> {
    const UNSEEN: usize = usize::MAX;
    const ON_PATH: usize = usize::MAX - 1;
    let mut roots = vec![UNSEEN; parents.len()];
    let mut cycles = Vec::new();
    let mut path = Vec::new();
    for start in 0..parents.len() {
        let mut u = start;
        // Walk up until a unit whose root is known, a top unit, or one already on this path (a cycle).
        let root = loop {
            match roots[u] {
                ON_PATH => {
                    let first = path.iter().position(|&p| p == u).unwrap_or(0);
                    cycles.extend_from_slice(&path[first..]);
                    break u;
                }
                UNSEEN => {}
                known => break known,
            }
            match parents[u] {
                Some(p) if p < parents.len() => {
                    roots[u] = ON_PATH;
                    path.push(u);
                    u = p;
                }
                _ => {
                    roots[u] = u;
                    break u;
                }
            }
        };
        for &p in &path {
            roots[p] = root;
        }
        path.clear();
    }
    if cycles.is_empty() {
        Ok(roots)
    } else {
        Err(cycles)
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
    /// The portal's published group scores, if the source gives them (`Unit::published`).
    pub published: Vec<Option<Points>>,
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
            published: Vec::new(),
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
        Some(p) => score_input(metric, p, || place.clone()),
        None => Err(Problem::new(place.clone(), ProblemKind::BadScore(excerpt(text)))),
    }
}

/// Checks a given score read for one metric: within the metric's maximum.
pub fn score_input(
    metric: &super::methodology::Metric,
    p: Points,
    place: impl FnOnce() -> Place,
) -> Result<MetricInput, Problem> {
    if p <= metric.max {
        Ok(MetricInput::Score(p))
    } else {
        Err(Problem::new(place(), ProblemKind::ScoreAboveMax { score: p, max: metric.max }))
    }
}

/// Collects units from a reader, then checks what needs the whole set: duplicate codes, parents,
/// inherited metrics, and that every group of every unit can be scored.
pub struct Builder {
    methodology: Arc<Methodology>,
    /// The file read, for problems about the snapshot as a whole (its capture date, its period).
    file: Option<String>,
    drafts: Vec<UnitDraft>,
    by_code: HashMap<String, usize>,
    pub problems: Vec<Problem>,
}

impl Builder {
    pub fn new(methodology: Arc<Methodology>) -> Builder {
        Builder { methodology, file: None, drafts: Vec::new(), by_code: HashMap::new(), problems: Vec::new() }
    }

    /// Names the file read in problems about the snapshot as a whole.
    pub fn in_file(mut self, file: &str) -> Builder {
        self.file = Some(file.to_owned());
        self
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
        if let Err(why) = check_text(&draft.code, MAX_CODE) {
            self.problem(draft.place.clone().with_field("code"), why);
            return None;
        }
        if let Err(why) = check_text(&draft.name, MAX_NAME) {
            self.problem(draft.place.clone().with_field("name"), why);
        }
        if let Some(&first) = self.by_code.get(&draft.code) {
            let other = &self.drafts[first].place;
            let first = other.row.map(|_| Place { unit: None, field: None, ..other.clone() });
            self.problem(draft.place.clone().with_field("code"), ProblemKind::DuplicateUnit(first));
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
    pub fn finish(self, meta: Meta) -> Result<Snapshot, Vec<Problem>> {
        let mut f = self.finishing(meta);
        while !f.step(usize::MAX) {}
        f.done()
    }

    /// `finish` in steps (the page opens a large snapshot a few thousand units at a time): the
    /// snapshot's own fields and every parent first, then the roots, then each unit's groups, then the
    /// units themselves.
    pub fn finishing(mut self, meta: Meta) -> Finishing {
        let whole = Place { file: self.file.clone(), ..Place::default() };
        if self.drafts.is_empty() && self.problems.is_empty() {
            self.problem(whole.clone(), ProblemKind::NoUnits);
        }
        // The snapshot's own texts and dates.
        for (field, text) in [("title", &meta.title), ("source", &meta.source)] {
            if let Err(why) = check_text(text, MAX_TITLE) {
                self.problem(whole.clone().with_field(field), why);
            }
        }
        if let Some(c) = meta.captured.as_deref().filter(|c| !is_iso_date(c)) {
            self.problem(whole.clone().with_field("captured"), ProblemKind::BadDate(excerpt(c)));
        }
        if let Some(p) = &meta.period {
            if !is_iso_date(&p.from) || !is_iso_date(&p.to) || p.from > p.to {
                let text = format!("{} {} {}", p.kind.code(), p.from, p.to);
                self.problem(whole.clone().with_field("period"), ProblemKind::BadPeriod(excerpt(&text)));
            }
        }
        let n = self.drafts.len();
        Finishing { b: self, meta, parents: Vec::with_capacity(n), roots: Vec::new(), checked: 0, units: Vec::new() }
    }
}

/// A builder finishing in steps (`Builder::finishing`); `done` gives what `Builder::finish` gives.
pub struct Finishing {
    b: Builder,
    meta: Meta,
    parents: Vec<Option<usize>>,
    /// Each unit's root, once every parent is known (empty until then).
    roots: Vec<usize>,
    /// Units whose groups are checked.
    checked: usize,
    units: Vec<Unit>,
}

/// A unit on a cycle: checked no further as a child.
const NO_ROOT: usize = usize::MAX;

impl Finishing {
    /// Does the next part, at most `units` units of it; true once only `done` is left.
    pub fn step(&mut self, units: usize) -> bool {
        let n = self.b.drafts.len();
        let next = |done: usize| done..n.min(done.saturating_add(units));
        if self.parents.len() < n {
            for i in next(self.parents.len()) {
                let d = &self.b.drafts[i];
                let mut parent = None;
                if let Some(code) = &d.parent {
                    match self.b.by_code.get(code) {
                        Some(&p) if p != i => parent = Some(p),
                        Some(_) => self
                            .b
                            .problems
                            .push(Problem::new(d.place.clone().with_field("parent"), ProblemKind::ParentCycle)),
                        None => self.b.problems.push(Problem::new(
                            d.place.clone().with_field("parent"),
                            ProblemKind::UnknownParent(code.clone()),
                        )),
                    }
                }
                self.parents.push(parent);
            }
            return false;
        }
        if self.roots.len() < n {
            // Roots in one pass (linear however deep the chains); units on a cycle are reported, once
            // each.
            self.roots = match top_units(&self.parents) {
                Ok(roots) => roots,
                Err(cycles) => {
                    let mut roots = vec![NO_ROOT; n];
                    for i in cycles {
                        self.b.problems.push(Problem::new(
                            self.b.drafts[i].place.clone().with_field("parent"),
                            ProblemKind::ParentCycle,
                        ));
                        roots[i] = i;
                    }
                    roots
                }
            };
            return false;
        }
        if self.checked < n {
            let range = next(self.checked);
            self.checked = range.end;
            for i in range {
                self.check_groups(i);
            }
            return false;
        }
        if self.b.problems.is_empty() && self.units.len() < n {
            let m = &self.b.methodology;
            for i in next(self.units.len()) {
                let d = &mut self.b.drafts[i];
                let mut metrics = std::mem::take(&mut d.metrics);
                // Children keep no copy of inherited counts: the root's are the one source.
                if self.roots[i] != i {
                    for (k, metric) in m.metrics.iter().enumerate() {
                        if metric.inherit == Inherit::Root {
                            metrics[k] = MetricInput::Missing;
                        }
                    }
                }
                self.units.push(Unit {
                    code: std::mem::take(&mut d.code),
                    name: std::mem::take(&mut d.name),
                    level: d.level,
                    parent: self.parents[i],
                    metrics,
                    given_groups: std::mem::take(&mut d.given_groups),
                    published: std::mem::take(&mut d.published),
                });
            }
            return self.units.len() == n;
        }
        true
    }

    /// The snapshot, or every problem found (what `step` has not done yet is done now).
    pub fn done(mut self) -> Result<Snapshot, Vec<Problem>> {
        while !self.step(usize::MAX) {}
        if !self.b.problems.is_empty() {
            return Err(cap(self.b.problems));
        }
        // No problem: every parent is known and none is on a cycle, so the roots found are the roots.
        Ok(Snapshot::with_roots(self.meta, Arc::clone(&self.b.methodology), self.units, self.roots))
    }

    /// Groups and inherited metrics of one unit.
    fn check_groups(&mut self, i: usize) {
        let (m, roots, drafts) = (&*self.b.methodology, &self.roots, &self.b.drafts);
        let d = &drafts[i];
        if d.refused {
            return;
        }
        let problems = &mut self.b.problems;
        for (gi, g) in m.groups.iter().enumerate() {
            let place = d.group_places[gi].as_ref().unwrap_or(&d.place);
            let scored = || g.metrics.clone().filter(|&k| m.metrics[k].rule != Rule::Monitor);
            let own = |k: usize| m.metrics[k].inherit == Inherit::None || roots[i] == i;
            let has = |k: usize| d.metrics[k] != MetricInput::Missing;
            let counted = scored().any(|k| own(k) && has(k));
            match (counted, d.given_groups[gi]) {
                (true, Some(_)) => problems.push(Problem::new(
                    place.clone().with_field(g.code.clone()),
                    ProblemKind::GroupGivenAndCounted(g.code.clone()),
                )),
                (false, None) if scored().any(own) => problems.push(Problem::new(
                    place.clone().with_field(g.code.clone()),
                    ProblemKind::MissingGroup(g.code.clone()),
                )),
                (false, Some(score)) if score > g.max => problems.push(Problem::new(
                    place.clone().with_field(g.code.clone()),
                    ProblemKind::ScoreAboveMax { score, max: g.max },
                )),
                (true, None) => {
                    for k in scored().filter(|&k| own(k) && !has(k)) {
                        problems.push(Problem::new(
                            place.clone().with_field(m.metrics[k].code.clone()),
                            ProblemKind::MissingMetric(g.code.clone()),
                        ));
                    }
                }
                _ => {}
            }
            if let Some(&Some(score)) = d.published.get(gi).filter(|p| p.is_some_and(|p| p > g.max)) {
                problems.push(Problem::new(
                    place.clone().with_field(format!("published.{}", g.code)),
                    ProblemKind::ScoreAboveMax { score, max: g.max },
                ));
            }
            // A child may repeat its root's value of an inherited metric (the portal does), but
            // not contradict it.
            let root = roots[i];
            if root == NO_ROOT || root == i {
                continue;
            }
            for k in g.metrics.clone().filter(|&k| m.metrics[k].inherit == Inherit::Root) {
                let (mine, theirs) = (d.metrics[k], drafts[root].metrics[k]);
                if mine != MetricInput::Missing && mine != theirs {
                    problems.push(Problem::new(
                        place.clone().with_field(m.metrics[k].code.clone()),
                        ProblemKind::InheritedMismatch { root: drafts[root].code.clone(), expected: theirs },
                    ));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_periods() {
        let q = Period::parse_short("2026-Q3").unwrap();
        assert_eq!((q.kind, q.from.as_str(), q.to.as_str()), (PeriodKind::Quarter, "2026-07-01", "2026-09-30"));
        assert_eq!(Period::parse_short("2024-02").unwrap().to, "2024-02-29");
        assert_eq!(Period::parse_short("2026-H2").unwrap().from, "2026-07-01");
        assert_eq!(Period::parse_short("2026").unwrap().kind, PeriodKind::Year);
        assert!(Period::parse_short("2026-Q5").is_none());
        assert!(Period::parse_short("26-Q1").is_none());
        assert!(Period::parse_short("2026-13").is_none());
    }

    #[test]
    fn dates() {
        assert!(is_iso_date("2026-09-26"));
        assert!(!is_iso_date("2026-02-30"));
        assert!(!is_iso_date("26/9/2026"));
    }

    #[test]
    fn roots_of_deep_chains_and_cycles_in_one_pass() {
        // A root, then 200,000 units each the parent of the next: linear, not depth × units.
        let n: usize = 200_000;
        let parents: Vec<Option<usize>> = (0..n).map(|i| i.checked_sub(1)).collect();
        let roots = top_units(&parents).unwrap();
        assert!(roots.iter().all(|&r| r == 0));
        // Reversed chain (each unit the child of the next), and two trees.
        let parents: Vec<Option<usize>> = (0..n).map(|i| (i + 1 < n).then_some(i + 1)).collect();
        assert!(top_units(&parents).unwrap().iter().all(|&r| r == n - 1));
        assert_eq!(top_units(&[None, Some(0), None, Some(2), Some(1)]), Ok(vec![0, 0, 2, 2, 0]));
        // A cycle 1 → 2 → 3 → 1 and a unit hanging under it: the three cycle units, once each.
        let mut cycle = top_units(&[None, Some(2), Some(3), Some(1), Some(3)]).unwrap_err();
        crate::engine::sorting::sort(&mut cycle);
        assert_eq!(cycle, [1, 2, 3]);
    }

    #[test]
    fn the_province_is_the_one_top_unit_with_units_under_it() {
        let m = Methodology::builtin_all()[0].clone();
        let of = |parents: &[Option<usize>]| {
            let unit = |(i, &parent): (usize, &Option<usize>)| Unit {
                code: format!("U{i}"),
                name: format!("Đơn vị {i}"),
                level: if parent.is_none() { Level::Province } else { Level::Commune },
                parent,
                metrics: Vec::new(),
                given_groups: Vec::new(),
                published: Vec::new(),
            };
            Snapshot::new(Meta::default(), m.clone(), parents.iter().enumerate().map(unit).collect()).province()
        };
        assert_eq!(of(&[Some(2), Some(0), None, Some(1)]), Some(2), "a tree: its root, wherever it is");
        assert_eq!(of(&[None, None, Some(0)]), None, "two top units: a list, not a province");
        assert_eq!(of(&[None]), None, "one unit alone");
        assert_eq!(of(&[]), None);
        // A cycle is cut (its units become top units): no longer one province.
        assert_eq!(of(&[None, Some(2), Some(1)]), None);
    }
}
