//! The app's one state and its reducer (pure: tested natively; `ui` makes it a yew `Reducible`).
//!
//! Everything the page knows is here: the data, the scenario, the selection, the saved scenarios and
//! what to tell the user. The browser's side (the address, localStorage, timers) lives in `ui::hooks`,
//! which turns events into actions and writes what the state holds.

use std::ops::Deref;
use std::rc::Rc;

use std::collections::BTreeMap;

use crate::engine::compare::Comparison;
use crate::engine::nation::{Disagreement, Nation};
use crate::engine::plan::{self, Effort, Goal, Plan, TargetLine, TargetSet};
use crate::engine::points::Decimal;
use crate::engine::projection::{self, Projection, ProjectionError};
use crate::engine::province::{self, ProvincePlan};
use crate::engine::scenario::{self, LeverError, Scenario};
use crate::engine::share::{self, ShareError};
use crate::engine::sorting;
use crate::engine::{scoring, Peers, Scores, Snapshot};
use crate::present::hash::{Link, LinkError};
use crate::present::search;
use crate::present::store::{Book, Saved, StoreError, StoreFault};
use crate::present::text::{fill, Lang, Text};

/// A large immutable value shared by the states that hold it, compared by identity: the reducer
/// replaces such values and never mutates them, so the same pointer is the same value. (yew compares
/// the state on every render; a deep comparison would walk every unit of the snapshot.)
#[derive(Debug, Default)]
pub struct Shared<T>(Rc<T>);

impl<T> Shared<T> {
    pub fn new(value: T) -> Shared<T> {
        Shared(Rc::new(value))
    }
    pub fn rc(&self) -> &Rc<T> {
        &self.0
    }
}

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(Rc::clone(&self.0))
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T> From<Rc<T>> for Shared<T> {
    fn from(rc: Rc<T>) -> Self {
        Shared(rc)
    }
}

/// The data that is open and what is derived from it once: loaded together, replaced together.
#[derive(Debug)]
pub struct Loaded {
    pub snapshot: Rc<Snapshot>,
    pub peers: Peers,
    /// The snapshot's own scores.
    pub baseline: Rc<Scores>,
    /// The identity of the snapshot's content (`share::identity`): links and saved scenarios carry it.
    pub identity: String,
    /// Unit codes and names, shared with what shows them (a row renders without copying its text).
    pub codes: Vec<Rc<str>>,
    pub names: Vec<Rc<str>>,
    /// Unit names folded for search.
    folded_names: Vec<String>,
    /// Each unit's position in alphabetical order of folded names: sorting compares integers.
    name_order: Vec<u32>,
    /// How many peer groups each level has (a group's label names its parent when there are several).
    groups_per_level: BTreeMap<crate::engine::Level, usize>,
}

impl Loaded {
    pub fn new(snapshot: Rc<Snapshot>) -> Loaded {
        let mut steps = LoadSteps::new(snapshot);
        while !steps.step(usize::MAX) {}
        steps.finish()
    }
}

/// `Loaded::new` in steps of a few thousand units, so that the page paints between them when a large
/// snapshot is opened (no main-thread task over 100 ms): names folded, then sorted and the peers
/// found, units scored, then ranked, the identity hashed, codes and names shared. The result is
/// `Loaded::new`'s.
pub struct LoadSteps {
    snapshot: Rc<Snapshot>,
    folded_names: Vec<String>,
    name_order: Vec<u32>,
    peers: Option<Peers>,
    groups_per_level: BTreeMap<crate::engine::Level, usize>,
    scored: Vec<Rc<crate::engine::scoring::UnitScore>>,
    baseline: Option<Rc<Scores>>,
    /// The identity hashed so far (`None` once finished into `identity_done`).
    identity: Option<share::Identity>,
    hashed: usize,
    identity_done: Option<String>,
    codes: Vec<Rc<str>>,
    names: Vec<Rc<str>>,
}

impl LoadSteps {
    pub fn new(snapshot: Rc<Snapshot>) -> LoadSteps {
        let n = snapshot.units.len();
        LoadSteps {
            identity: Some(share::Identity::new(&snapshot)),
            snapshot,
            folded_names: Vec::with_capacity(n),
            name_order: Vec::new(),
            peers: None,
            groups_per_level: BTreeMap::new(),
            scored: Vec::with_capacity(n),
            baseline: None,
            hashed: 0,
            identity_done: None,
            codes: Vec::with_capacity(n),
            names: Vec::with_capacity(n),
        }
    }

    /// Does the next part of the work, at most `units` units of it; true once all is done.
    pub fn step(&mut self, units: usize) -> bool {
        let snapshot = Rc::clone(&self.snapshot);
        let n = snapshot.units.len();
        let next = |done: usize| done..n.min(done.saturating_add(units));
        if self.folded_names.len() < n {
            let range = next(self.folded_names.len());
            self.folded_names.extend(snapshot.units[range].iter().map(|u| search::fold(&u.name)));
        } else if self.peers.is_none() {
            let folded = &self.folded_names;
            let mut by_name: Vec<usize> = (0..n).collect();
            sorting::sort_by(&mut by_name, |&a, &b| folded[a].cmp(&folded[b]).then(a.cmp(&b)));
            self.name_order = vec![0u32; n];
            for (position, &u) in by_name.iter().enumerate() {
                self.name_order[u] = position as u32;
            }
            // Equal totals are listed by name: the engine keeps its order that way as units move.
            let peers = Peers::of(&snapshot).with_tiebreak(self.name_order.clone());
            for m in &peers.groups {
                *self.groups_per_level.entry(snapshot.units[m[0]].level).or_default() += 1;
            }
            self.peers = Some(peers);
        } else if self.scored.len() < n {
            let range = next(self.scored.len());
            self.scored.extend(scoring::score_units(&snapshot, range));
        } else if self.baseline.is_none() {
            let peers = self.peers.as_ref().expect("peers are found before units are ranked");
            self.baseline = Some(Rc::new(scoring::ranked(std::mem::take(&mut self.scored), peers)));
        } else if let Some(id) = self.identity.as_mut() {
            let range = next(self.hashed);
            self.hashed = range.end;
            id.units(&snapshot, range);
            if self.hashed == n {
                self.identity_done = self.identity.take().map(share::Identity::finish);
            }
        } else if self.codes.len() < n {
            let range = next(self.codes.len());
            for u in &snapshot.units[range] {
                self.codes.push(Rc::from(u.code.as_str()));
                // Inside a province, without the province's name (the full name stays in the data).
                self.names.push(Rc::from(if u.parent.is_some() {
                    crate::present::names::within_province(&u.name)
                } else {
                    u.name.as_str()
                }));
            }
        }
        self.codes.len() == n && self.identity_done.is_some()
    }

    /// The loaded data (what `step` has not done yet is done now).
    pub fn finish(mut self) -> Loaded {
        while !self.step(usize::MAX) {}
        let (Some(peers), Some(baseline), Some(identity)) = (self.peers, self.baseline, self.identity_done) else {
            unreachable!("every step is done")
        };
        Loaded {
            identity,
            codes: self.codes,
            names: self.names,
            peers,
            baseline,
            snapshot: self.snapshot,
            folded_names: self.folded_names,
            name_order: self.name_order,
            groups_per_level: self.groups_per_level,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SortColumn {
    Rank,
    Name,
    /// A group, by its index in the methodology.
    Group(usize),
    Total,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sort {
    pub column: SortColumn,
    /// Best first for scores and ranks; A→Z for names.
    pub natural: bool,
}

/// Why a link was not (all) applied.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkProblem {
    Link(LinkError),
    /// The link names a unit the open data does not have.
    UnknownUnit(String),
    Scenario(ShareError),
}

/// What the page tells the user, until dismissed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    /// A link's scenario is for other data: its identity and the title the link gives.
    OtherData {
        id: String,
        title: Option<String>,
    },
    BadLink(LinkProblem),
    /// The browser's store could not be read: set aside, or, when the browser had no room for a copy,
    /// its text, offered as a download (nothing is written over it until then).
    StoreDamaged(Damaged),
    /// The browser refused to keep what was saved (its reason); it stays on the page, to export.
    StoreFailed(StoreFault),
    /// The working scenario the browser kept does not apply to the data (why): not opened.
    WorkingUnreadable(ShareError),
    /// A saved scenario that no longer exists (deleted in another tab).
    SavedGone,
    /// A saved scenario that no longer applies to the data.
    SavedUnreadable {
        name: String,
        error: ShareError,
    },
    /// A newer version of the app is ready.
    NewVersion,
    /// The data cannot be carried to the deadline asked for.
    HorizonRefused(ProjectionError),
    /// A link names data the site does not have (the id, as quoted text).
    UnknownData(String),
    /// The national list and the province's own data disagree about the province.
    NationDisagrees,
    /// Every change was reset (how many units had some): undo is offered.
    ResetDone(usize),
    /// The page runs inside another site's frame: what it shows may be dressed up by that site.
    Framed,
}

impl Notice {
    /// The notice in words. A title from a link is data, not the app's words: it is returned apart, for
    /// the page to show as quoted text.
    pub fn text(&self, t: &Text) -> (String, Option<String>) {
        let bad_link = |why: String| fill(t.bad_link, &[("why", &why)]);
        match self {
            Notice::OtherData { id, title } => (fill(t.link_other_data, &[("which", id)]), title.clone()),
            Notice::BadLink(LinkProblem::Link(e)) => (
                bad_link(match e {
                    LinkError::TooLong => t.link_too_long.to_owned(),
                    LinkError::BadUnit => t.link_bad_unit.to_owned(),
                    LinkError::NoId => t.link_no_id.to_owned(),
                    LinkError::Malformed(part) => fill(t.link_malformed, &[("part", part)]),
                }),
                None,
            ),
            Notice::BadLink(LinkProblem::UnknownUnit(code)) => {
                (bad_link(fill(t.link_unknown_unit, &[("unit", code)])), None)
            }
            Notice::BadLink(LinkProblem::Scenario(e)) => (bad_link(t.share_error(e)), None),
            Notice::StoreDamaged(Damaged { why, unsaved }) => {
                let words = if unsaved.is_some() { t.store_damaged_unsaved } else { t.store_damaged };
                (fill(words, &[("why", t.store_why[*why as usize])]), None)
            }
            Notice::StoreFailed(fault) => {
                let why = match fault {
                    StoreFault::Full => t.store_fault[0].to_owned(),
                    StoreFault::Unavailable => t.store_fault[1].to_owned(),
                    StoreFault::Other(why) => fill(t.store_fault[2], &[("why", why)]),
                };
                (fill(t.store_failed, &[("why", &why)]), None)
            }
            Notice::WorkingUnreadable(error) => (fill(t.working_unreadable, &[("why", &t.share_error(error))]), None),
            Notice::SavedGone => (t.saved_gone.to_owned(), None),
            Notice::SavedUnreadable { name, error } => {
                (fill(t.saved_unreadable, &[("name", name), ("why", &t.share_error(error))]), None)
            }
            Notice::NewVersion => (t.new_version.to_owned(), None),
            Notice::UnknownData(id) => (t.link_unknown_data.to_owned(), Some(id.clone())),
            Notice::NationDisagrees => (t.nation_disagrees.to_owned(), None),
            Notice::ResetDone(n) => (fill(t.reset_done, &[("n", &n.to_string())]), None),
            Notice::Framed => (t.framed.to_owned(), None),
            Notice::HorizonRefused(why) => (
                match why {
                    ProjectionError::NoDates => t.horizon_no_dates.to_owned(),
                    ProjectionError::NotAfter | ProjectionError::BadDate => t.horizon_not_after.to_owned(),
                    ProjectionError::PastPeriod { end } => fill(t.horizon_past_period, &[("end", &t.date(end))]),
                },
                None,
            ),
        }
    }
}

/// What this browser keeps for one data identity: the working scenario (text, unit) and the saved ones,
/// or why the store was set aside.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Kept {
    pub working: Option<(String, Option<String>)>,
    pub saved: Book,
    pub damaged: Option<Damaged>,
}

/// A store that could not be read: why, and its text when the browser had no room to set it aside.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Damaged {
    pub why: StoreError,
    pub unsaved: Option<Rc<str>>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Show a peer group's ranking.
    ShowPeerGroup(usize),
    /// Select a unit by code (from a row); `None` closes the unit.
    Select(Option<String>),
    /// Sort by a column; the same column again reverses the order.
    SortBy(SortColumn),
    Search(String),
    /// What-if: a metric's new numerator for a unit.
    SetCount {
        unit: usize,
        metric: usize,
        num: u64,
    },
    /// What-if: a metric's new rate, as the smallest whole count that reaches it.
    SetRate {
        unit: usize,
        metric: usize,
        rate: Decimal,
    },
    /// What-if: a group lever moved to this percentage (`Scenario::move_group`).
    MoveGroup {
        unit: usize,
        group: usize,
        percent: u64,
    },
    ResetMetric {
        unit: usize,
        metric: usize,
    },
    ResetUnit(usize),
    ResetAll,
    /// Open other data (an imported file, loaded in steps beforehand: `LoadSteps`), with what this
    /// browser keeps for it. The scenario is kept if the data is the same (same identity), replaced by
    /// the kept one otherwise: a scenario is never applied to the wrong data.
    Load {
        data: Shared<Loaded>,
        kept: Kept,
    },
    /// Replace the scenario, with the unit to show.
    SetScenario {
        scenario: Scenario,
        unit: Option<String>,
    },
    /// Say something to the user, or clear what was said.
    Notice(Option<Notice>),
    /// Open what a link's hash names: the unit, and its scenario if the link is for this data.
    OpenLink(String),
    /// What this browser keeps for the open data, read at start.
    Restore(Kept),
    /// Save the scenario as it is now under a name (empty: a default one), with a new id; `at` is now,
    /// in ms since 1970, as for every change of the saved scenarios (the latest change wins).
    Save {
        id: String,
        name: String,
        at: u64,
    },
    Rename {
        id: String,
        name: String,
        at: u64,
    },
    Delete {
        id: String,
        at: u64,
    },
    OpenSaved {
        id: String,
    },
    /// What the browser's store holds (another tab changed it, or it held more than this tab knew):
    /// merged with this tab's own, the latest change of each scenario winning.
    SavedElsewhere(Book),
    /// Open a panel of the selected unit.
    ShowTab(DetailTab),
    /// Effort model: the effort of one more item of a kind ("dossiers"…).
    SetPrice {
        kind: String,
        per_item: u64,
    },
    /// Effort model: the highest rate a metric may reach (`None`: 100%).
    SetCeiling {
        metric: usize,
        rate: Option<Decimal>,
    },
    /// Effort model: the plan must not move this metric (again: it may).
    ToggleLock {
        metric: usize,
    },
    /// Effort model: back to the stated defaults.
    ResetEffort,
    /// The plan of least effort for a unit toward a goal, from the scenario as it stands.
    GoalSeek {
        unit: usize,
        goal: Goal,
    },
    /// The plan becomes the working scenario (still editable with the levers).
    ApplyPlan,
    ClearPlan,
    /// Apply a target set (by its place in `target_sets`) to one unit, or to every unit of its peer group.
    ApplyTargets {
        set: usize,
        unit: usize,
        whole_group: bool,
    },
    /// Keep a target set (replacing one of the same name; the preset's name is not taken).
    SaveTargetSet(TargetSet),
    DeleteTargetSet(String),
    /// The effort model and target sets this browser keeps (read at start).
    RestorePlanning {
        effort: Effort,
        target_sets: Vec<TargetSet>,
    },
    /// Plan to a deadline (YYYY-MM-DD), or on today's counts (`None`).
    SetHorizon(Option<String>),
    /// How many items of a metric will still come for a unit before the deadline (`None`: the pace).
    SetStillToCome {
        unit: usize,
        metric: usize,
        count: Option<u64>,
    },
    /// The national list of the open data's period (when the site has one and it holds the province).
    SetNation(Rc<Snapshot>),
    /// The plan of least effort for the province's total, spread over its units.
    ProvinceSeek(ProvinceGoal),
    /// The scenario before the last "reset all" comes back.
    Undo,
    /// Esc: leave what is open (the report or presentation, else the unit's panel).
    Escape,
    /// Show the working page, the report or the presentation.
    SetMode(Mode),
    /// The presentation: this many slides on (back when negative), within the slides there are.
    Slide(isize),
    /// The language of every label (kept by this browser).
    SetLang(Lang),
    /// Another period of the same units to compare with (`None`: stop comparing).
    SetCompare(Option<Rc<Snapshot>>),
    /// The province's plan becomes the working scenario.
    ApplyProvincePlan,
    ClearProvincePlan,
}

/// What a province plan aims at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProvinceGoal {
    Total(crate::engine::Points),
    /// A rank among the provinces of the national list.
    NationalRank(u32),
}

/// The province among the provinces: the national list, the province's row in it, and where the list
/// and the province's own data differ.
#[derive(Debug, PartialEq)]
pub struct NationView {
    pub nation: Nation,
    pub at: usize,
    pub disagreements: Vec<Disagreement>,
}

/// A province goal seek and its plan.
#[derive(Clone, Debug, PartialEq)]
pub struct ProvincePlanned {
    pub goal: ProvinceGoal,
    pub plan: ProvincePlan,
}

#[derive(Clone, Debug, PartialEq)]
pub struct State {
    pub data: Shared<Loaded>,
    pub scenario: Shared<Scenario>,
    /// Scores under the scenario (the baseline's when it is empty).
    pub current: Shared<Scores>,
    /// The last lever refused, with why (shown beside the levers).
    pub lever_error: Option<LeverError>,
    pub notice: Option<Notice>,
    pub peer_group: usize,
    pub selected: Option<usize>,
    pub sort: Sort,
    pub query: String,
    /// The scenarios saved for this data.
    pub saved: Shared<Book>,
    pub lang: Lang,
    /// Which panel of the selected unit is open.
    pub tab: DetailTab,
    /// The effort model the planner uses (the stated defaults until the user changes them).
    pub effort: Shared<Effort>,
    /// The last goal seek, for the unit it was made for.
    pub plan: Option<Shared<Planned>>,
    /// Assigned target sets: the commune preset first, then the user's.
    pub target_sets: Shared<Vec<TargetSet>>,
    /// What the last target set applied to a whole peer group did, unit by unit.
    pub target_report: Option<Shared<TargetReport>>,
    /// A deadline the planner plans to: the data carried there at the pace so far.
    pub horizon: Option<Shared<Horizon>>,
    /// The built-in dataset that is open (`datasets::ALL`), `None` for a file the user opened.
    pub dataset: Option<&'static str>,
    /// The open province among the provinces of the national list of its period.
    pub nation: Option<Shared<NationView>>,
    /// The last province goal seek.
    pub province_plan: Option<Shared<ProvincePlanned>>,
    /// The scenario a "reset all" replaced, until undone or replaced.
    pub undo: Option<Shared<Scenario>>,
    /// Another period of the same units, side by side.
    pub compare: Option<Shared<Comparison>>,
    /// The working page, the report, or the presentation.
    pub mode: Mode,
    /// The total the last goal seek for a unit asked for (kept once its plan is applied: the report
    /// and the presentation measure the gap to it).
    pub aim: Option<(usize, crate::engine::Points)>,
}

/// What the page shows: the working page, the A4 report, or the presentation at a slide.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Mode {
    #[default]
    Work,
    Report,
    Present(usize),
}

/// The open data carried to a deadline (`engine::projection`), ready for the planner.
#[derive(Debug, PartialEq)]
pub struct Horizon {
    pub projection: Projection,
    /// Items still to come the user typed, per (unit, metric), in place of the pace.
    pub typed: BTreeMap<(usize, usize), u64>,
    /// The projected snapshot, scored and ranked.
    pub data: Shared<Loaded>,
}

/// The panels of a selected unit.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum DetailTab {
    /// The what-if: result, levers, every metric.
    #[default]
    WhatIf,
    /// Points lost, cheapest first.
    Lost,
    /// A goal to reach (total or rank), and assigned targets.
    Goal,
    /// The province (its root selected): its national rank and a plan for it spread over its units.
    Province,
    /// The province: each unit's share of the points it loses.
    Drag,
}

/// A goal seek and its plan.
#[derive(Clone, Debug, PartialEq)]
pub struct Planned {
    pub goal: Goal,
    pub plan: Plan,
}

/// A target set applied to every unit of a peer group.
#[derive(Clone, Debug, PartialEq)]
pub struct TargetReport {
    pub set: String,
    pub group: usize,
    /// Per unit of the group: what happened to each metric of the set.
    pub lines: Vec<(usize, Vec<TargetLine>)>,
}

impl State {
    pub fn new(snapshot: Rc<Snapshot>) -> State {
        State::from_data(Shared::new(Loaded::new(snapshot)))
    }

    /// A state over data already loaded.
    pub fn from_data(data: Shared<Loaded>) -> State {
        // The largest peer group first: the communes of a province, the provinces of the country.
        let groups = &data.peers.groups;
        let peer_group = (0..groups.len()).max_by_key(|&g| (groups[g].len(), usize::MAX - g)).unwrap_or(0);
        State {
            current: Shared(Rc::clone(&data.baseline)),
            data,
            scenario: Shared::new(Scenario::new()),
            lever_error: None,
            notice: None,
            peer_group,
            selected: None,
            sort: Sort { column: SortColumn::Rank, natural: true },
            query: String::new(),
            saved: Shared::new(Book::default()),
            lang: Lang::default(),
            tab: DetailTab::default(),
            effort: Shared::new(Effort::default()),
            plan: None,
            target_sets: Shared::new(Vec::new()),
            target_report: None,
            horizon: None,
            dataset: None,
            nation: None,
            province_plan: None,
            undo: None,
            compare: None,
            mode: Mode::Work,
            aim: None,
        }
        .with_preset()
    }

    /// A built-in dataset, opened.
    pub fn with_dataset(mut self, id: &'static str) -> State {
        self.dataset = Some(id);
        self
    }

    /// The province of the open data: its one root with units under it (`None` for a national list).
    pub fn province(&self) -> Option<usize> {
        self.snapshot().province()
    }

    /// The total a province goal asks for (`None`: a national rank without a national list, or a rank
    /// past every other province).
    pub fn province_needed(&self, goal: ProvinceGoal) -> Option<crate::engine::Points> {
        match goal {
            ProvinceGoal::Total(t) => Some(t),
            ProvinceGoal::NationalRank(r) => self.nation.as_ref().and_then(|n| n.nation.total_for_rank(n.at, r)),
        }
    }

    /// The commune preset as the first target set (worded in the state's language).
    fn with_preset(mut self) -> State {
        let preset = TargetSet::commune_preset(&self.data.snapshot.methodology, self.text().commune_preset);
        let mut sets = vec![preset];
        sets.extend(self.target_sets.iter().skip(1).cloned());
        self.target_sets = Shared::new(sets);
        self
    }

    pub fn snapshot(&self) -> &Snapshot {
        &self.data.snapshot
    }

    pub fn peers(&self) -> &Peers {
        &self.data.peers
    }

    pub fn baseline(&self) -> &Scores {
        &self.data.baseline
    }

    pub fn identity(&self) -> &str {
        &self.data.identity
    }

    pub fn text(&self) -> &'static Text {
        self.lang.text()
    }

    /// Changes the scenario of one unit and rescores it (and its peers' ranks) from the current scores.
    fn lever(&mut self, unit: usize, change: impl FnOnce(&mut Scenario, &Snapshot) -> Result<(), LeverError>) {
        let data = self.data.clone();
        let mut scenario = (*self.scenario).clone();
        match change(&mut scenario, &data.snapshot) {
            Ok(()) => {
                self.current =
                    Shared::new(scenario::rescore(&data.snapshot, &data.peers, &scenario, &self.current, [unit]));
                self.scenario = Shared::new(scenario);
                self.lever_error = None;
            }
            Err(e) => self.lever_error = Some(e),
        }
    }

    fn set_scenario(&mut self, scenario: Scenario) {
        let data = &self.data;
        self.current = if scenario.is_empty() {
            Shared(Rc::clone(&data.baseline))
        } else {
            Shared::new(scenario::evaluate_from(&data.snapshot, &data.peers, &scenario, &data.baseline))
        };
        self.scenario = Shared::new(scenario);
        self.lever_error = None;
    }

    fn select(&mut self, unit: Option<usize>) {
        self.selected = unit;
        self.lever_error = None;
        // The ranking follows the unit to its peers; a unit without peers (the province alone) leaves
        // the ranking as it is.
        if let Some(u) = unit {
            let g = self.data.peers.group_of[u];
            if self.data.peers.groups[g].len() > 1 {
                self.peer_group = g;
            }
        }
    }

    pub fn reduce(&self, action: Action) -> State {
        let mut next = self.clone();
        let data = self.data.clone();
        let snap = &*data.snapshot;
        match action {
            Action::ShowPeerGroup(g) if g < data.peers.groups.len() => next.peer_group = g,
            Action::ShowPeerGroup(_) => {}
            Action::Select(code) => next.select(code.and_then(|c| snap.unit_index(&c))),
            Action::SortBy(column) => {
                let natural = self.sort.column != column || !self.sort.natural;
                next.sort = Sort { column, natural };
            }
            Action::Search(q) => next.query = q,
            Action::SetCount { unit, metric, num } => next.lever(unit, |s, snap| s.set_shown(snap, unit, metric, num)),
            Action::SetRate { unit, metric, rate } => next.lever(unit, |s, snap| s.set_rate(snap, unit, metric, rate)),
            Action::MoveGroup { unit, group, percent } => {
                next.lever(unit, |s, snap| s.move_group(snap, unit, group, percent))
            }
            Action::ResetMetric { unit, metric } => next.lever(unit, |s, _| {
                s.clear_metric(unit, metric);
                Ok(())
            }),
            Action::ResetUnit(unit) => next.lever(unit, |s, _| {
                s.clear_unit(unit);
                Ok(())
            }),
            Action::ResetAll => {
                if !self.scenario.is_empty() {
                    next.undo = Some(self.scenario.clone());
                    next.notice = Some(Notice::ResetDone(self.scenario.units().len()));
                }
                next.set_scenario(Scenario::new());
            }
            Action::SetCompare(other) => {
                next.compare = other.map(|o| Shared::new(Comparison::new(snap, (*o).clone())));
            }
            Action::Escape => {
                if self.mode != Mode::Work {
                    next.mode = Mode::Work;
                } else if self.selected.is_some() {
                    next.select(None);
                }
            }
            Action::SetMode(mode) => next.mode = mode,
            Action::Slide(by) => {
                if let Mode::Present(at) = self.mode {
                    let last = self.slides() - 1;
                    next.mode = Mode::Present(at.saturating_add_signed(by).min(last));
                }
            }
            Action::SetLang(lang) => next.lang = lang,
            Action::Undo => {
                if let Some(before) = self.undo.clone() {
                    next.set_scenario((*before).clone());
                    next.undo = None;
                    if matches!(self.notice, Some(Notice::ResetDone(_))) {
                        next.notice = None;
                    }
                }
            }
            Action::Load { data: opened, kept } => {
                let mut loaded = State::from_data(opened);
                loaded.lang = self.lang;
                loaded.effort = self.effort.clone();
                loaded.target_sets = self.target_sets.clone();
                loaded = loaded.with_preset();
                // The period compared with stays, matched against the new data.
                if let Some(c) = &self.compare {
                    loaded.compare = Some(Shared::new(Comparison::new(loaded.snapshot(), c.other.clone())));
                }
                // A file of the same period keeps the national list, if it holds the file's province.
                if let Some(n) = &self.nation {
                    if n.nation.list.meta.period.is_some() && n.nation.list.meta.period == loaded.snapshot().meta.period
                    {
                        loaded.set_nation(Rc::new(n.nation.list.clone()));
                    }
                }
                if loaded.data.identity == data.identity {
                    loaded.set_scenario((*self.scenario).clone());
                    loaded.saved = self.saved.clone();
                } else {
                    loaded.restore(kept);
                }
                let again = self.selected.and_then(|u| loaded.data.snapshot.unit_index(&snap.units[u].code));
                loaded.select(again);
                return loaded;
            }
            Action::SetScenario { scenario, unit } => {
                next.set_scenario(scenario);
                if let Some(u) = unit.and_then(|c| snap.unit_index(&c)) {
                    next.select(Some(u));
                }
            }
            Action::Notice(notice) => next.notice = notice,
            Action::OpenLink(hash) => next.open_link(&hash),
            Action::Restore(kept) => next.restore(kept),
            Action::Save { id, name, at } => {
                let t = self.text();
                let name = match name.trim() {
                    "" => fill(t.default_scenario_name, &[("n", &(self.saved.list.len() + 1).to_string())]),
                    typed => typed.to_owned(),
                };
                let unit = self.selected.map(|u| snap.units[u].code.clone());
                let new = Saved { id, name, text: share::encode(snap, &self.scenario), unit, at };
                next.saved = Shared::new(self.saved.with(new));
            }
            Action::Rename { id, name, at } => {
                let name = name.trim().to_owned();
                match self.saved.find(&id) {
                    Some(s) if !name.is_empty() => {
                        let renamed = Saved { name, at: at.max(s.at + 1), ..s.clone() };
                        next.saved = Shared::new(self.saved.with(renamed));
                    }
                    Some(_) => {}
                    None => next.notice = Some(Notice::SavedGone),
                }
            }
            Action::Delete { id, at } => {
                if let Some(s) = self.saved.find(&id) {
                    next.saved = Shared::new(self.saved.without(&id, at.max(s.at)));
                }
            }
            Action::OpenSaved { id } => match self.saved.find(&id) {
                Some(s) => match share::decode(snap, &s.text) {
                    Ok(scenario) => return next.reduce(Action::SetScenario { scenario, unit: s.unit.clone() }),
                    Err(error) => next.notice = Some(Notice::SavedUnreadable { name: s.name.clone(), error }),
                },
                None => next.notice = Some(Notice::SavedGone),
            },
            Action::SavedElsewhere(book) => {
                let merged = self.saved.merge(&book);
                if merged != *self.saved {
                    next.saved = Shared::new(merged);
                }
            }
            Action::ShowTab(tab) => next.tab = tab,
            Action::SetPrice { kind, per_item } => {
                let mut effort = (*self.effort).clone();
                effort.per_item.insert(kind, per_item.max(1));
                next.effort = Shared::new(effort);
            }
            Action::SetCeiling { metric, rate } => {
                let mut effort = (*self.effort).clone();
                match rate.filter(|r| r.as_fraction().0 < r.as_fraction().1) {
                    Some(r) => effort.ceilings.insert(metric, r),
                    None => effort.ceilings.remove(&metric),
                };
                next.effort = Shared::new(effort);
            }
            Action::ToggleLock { metric } => {
                let mut effort = (*self.effort).clone();
                if !effort.locked.remove(&metric) {
                    effort.locked.insert(metric);
                }
                next.effort = Shared::new(effort);
            }
            Action::ResetEffort => next.effort = Shared::new(Effort::default()),
            Action::GoalSeek { unit, goal } if unit < snap.units.len() => {
                let plan = match &self.horizon {
                    // At a deadline: on the projected data, moving only what is still to come.
                    Some(h) => {
                        let mut effort = (*self.effort).clone();
                        for k in 0..snap.methodology.metrics.len() {
                            if let Some(upper) = h.projection.upper(unit, k, snap) {
                                effort.upper.insert(k, upper);
                            }
                        }
                        let d = &h.data;
                        plan::seek(&d.snapshot, &d.peers, &Scenario::new(), &d.baseline, unit, goal, &effort)
                    }
                    None => plan::seek(snap, &data.peers, &self.scenario, &self.current, unit, goal, &self.effort),
                };
                next.aim = Some((unit, plan.needed));
                next.plan = Some(Shared::new(Planned { goal, plan }));
            }
            Action::GoalSeek { .. } => {}
            Action::ApplyPlan if self.horizon.is_some() => {
                // A plan to a deadline is a plan on the data at the deadline: that data opens, with it.
                let (Some(p), Some(h)) = (&self.plan, &self.horizon) else { return next };
                let mut at = State::new(Rc::clone(&h.data.snapshot));
                at.lang = self.lang;
                at.effort = self.effort.clone();
                at.target_sets = self.target_sets.clone();
                at = at.with_preset();
                at.set_scenario(p.plan.scenario.clone());
                at.select(Some(p.plan.unit));
                at.tab = self.tab;
                return at;
            }
            Action::ApplyPlan => {
                if let Some(p) = &self.plan {
                    let unit = p.plan.unit;
                    next.current =
                        Shared::new(scenario::rescore(snap, &data.peers, &p.plan.scenario, &self.current, [unit]));
                    next.scenario = Shared::new(p.plan.scenario.clone());
                    next.lever_error = None;
                    next.plan = None;
                    next.select(Some(unit));
                }
            }
            Action::ClearPlan => next.plan = None,
            Action::ApplyTargets { set, unit, whole_group } => {
                let Some(targets) = self.target_sets.get(set) else { return next };
                let mut scenario = (*self.scenario).clone();
                let units: Vec<usize> = if whole_group {
                    data.peers
                        .groups
                        .get(data.peers.group_of.get(unit).copied().unwrap_or(0))
                        .cloned()
                        .unwrap_or_default()
                } else {
                    vec![unit]
                };
                let lines: Vec<(usize, Vec<TargetLine>)> =
                    units.iter().map(|&u| (u, plan::apply_targets(snap, &mut scenario, u, targets))).collect();
                next.current =
                    Shared::new(scenario::rescore(snap, &data.peers, &scenario, &self.current, units.iter().copied()));
                next.scenario = Shared::new(scenario);
                next.plan = None;
                next.target_report = Some(Shared::new(TargetReport {
                    set: targets.name.clone(),
                    group: data.peers.group_of.get(unit).copied().unwrap_or(0),
                    lines,
                }));
            }
            Action::SaveTargetSet(set) => {
                let name = set.name.trim().to_owned();
                if !name.is_empty() && name != self.target_sets[0].name {
                    let mut sets = (*self.target_sets).clone();
                    sets.retain(|s| s.name != name);
                    sets.push(TargetSet { name, minimum: set.minimum });
                    next.target_sets = Shared::new(sets);
                }
            }
            Action::DeleteTargetSet(name) => {
                let mut sets = (*self.target_sets).clone();
                let preset = sets.remove(0);
                sets.retain(|s| s.name != name);
                sets.insert(0, preset);
                next.target_sets = Shared::new(sets);
            }
            Action::SetHorizon(None) => {
                next.horizon = None;
                next.plan = None;
            }
            Action::SetHorizon(Some(to)) => next.set_horizon(&to, BTreeMap::new()),
            Action::SetStillToCome { unit, metric, count } => {
                if let Some(h) = &self.horizon {
                    let mut typed = h.typed.clone();
                    match count {
                        Some(n) => typed.insert((unit, metric), n),
                        None => typed.remove(&(unit, metric)),
                    };
                    let to = h.projection.to.clone();
                    next.set_horizon(&to, typed);
                }
            }
            Action::SetNation(list) => next.set_nation(list),
            Action::ProvinceSeek(goal) => {
                let Some(root) = self.province() else { return next };
                // A rank past every other province asks for nothing more.
                let needed = self.province_needed(goal).unwrap_or(crate::engine::Points::ZERO);
                let plan = province::seek(snap, &data.peers, &self.scenario, &self.current, root, needed, &self.effort);
                next.province_plan = Some(Shared::new(ProvincePlanned { goal, plan }));
            }
            Action::ApplyProvincePlan => {
                if let Some(p) = self.province_plan.clone() {
                    next.set_scenario(p.plan.scenario.clone());
                    next.province_plan = None;
                    next.plan = None;
                }
            }
            Action::ClearProvincePlan => next.province_plan = None,
            Action::RestorePlanning { effort, target_sets } => {
                next.effort = Shared::new(effort);
                let mut sets = vec![self.target_sets[0].clone()];
                sets.extend(target_sets.into_iter().filter(|s| s.name != self.target_sets[0].name));
                next.target_sets = Shared::new(sets);
            }
        }
        next
    }

    /// Carries the data to a deadline for the planner, or says why it cannot be.
    fn set_horizon(&mut self, to: &str, typed: BTreeMap<(usize, usize), u64>) {
        self.plan = None;
        match projection::project(self.snapshot(), to, &typed) {
            Ok(mut projection) => {
                let t = self.text();
                projection.snapshot.meta.title =
                    fill(t.horizon_title, &[("title", &self.snapshot().meta.title), ("date", &t.date(to))]);
                let data = Shared::new(Loaded::new(Rc::new(projection.snapshot.clone())));
                self.horizon = Some(Shared::new(Horizon { projection, typed, data }));
            }
            Err(why) => {
                self.horizon = None;
                self.notice = Some(Notice::HorizonRefused(why));
            }
        }
    }

    /// Takes a national list for the open province: kept when it holds the province (same code), with
    /// where its row and the province's data differ (said once, if they do).
    fn set_nation(&mut self, list: Rc<Snapshot>) {
        self.nation = None;
        let Some(root) = self.province() else { return };
        let Some(nation) = Nation::new((*list).clone()) else { return };
        let Some(at) = nation.find(&self.snapshot().units[root].code) else { return };
        let disagreements = nation.disagreements(at, self.snapshot(), self.baseline(), root);
        if !disagreements.is_empty() && self.notice.is_none() {
            self.notice = Some(Notice::NationDisagrees);
        }
        self.nation = Some(Shared::new(NationView { nation, at, disagreements }));
    }

    fn restore(&mut self, kept: Kept) {
        let data = self.data.clone();
        self.saved = Shared::new(kept.saved);
        if let Some((text, unit)) = kept.working {
            // A working scenario that no longer decodes (another version's, or changed by hand) is not
            // opened, and the user is told why.
            match share::decode(&data.snapshot, &text) {
                Ok(scenario) => self.set_scenario(scenario),
                Err(why) => self.notice = Some(Notice::WorkingUnreadable(why)),
            }
            if let Some(u) = unit.and_then(|c| data.snapshot.unit_index(&c)) {
                self.select(Some(u));
            }
        }
        if let Some(damaged) = kept.damaged {
            self.notice = Some(Notice::StoreDamaged(damaged));
        }
    }

    /// Applies what a link names and says why about anything it cannot apply.
    fn open_link(&mut self, hash: &str) {
        let (link, errors) = Link::parse(hash);
        let data = self.data.clone();
        let snap = &*data.snapshot;
        let mut problem = errors.into_iter().next().map(|e| Notice::BadLink(LinkProblem::Link(e)));
        match link.data.as_deref() {
            // Other built-in data: the page opens it (`ui::app`), and the link with it.
            Some(id) if Some(id) != self.dataset && crate::datasets::find(id).is_some() => return,
            Some(id) if crate::datasets::find(id).is_none() => {
                problem = problem.or(Some(Notice::UnknownData(crate::engine::problem::excerpt(id))))
            }
            _ => {}
        }
        match link.unit.as_deref().map(|c| (c, snap.unit_index(c))) {
            Some((_, Some(u))) => self.select(Some(u)),
            Some((code, None)) => {
                problem =
                    problem.or(Some(Notice::BadLink(LinkProblem::UnknownUnit(crate::engine::problem::excerpt(code)))))
            }
            None => {}
        }
        if let (Some(id), Some(text)) = (link.id, link.scenario) {
            if id == data.identity {
                match share::decode(snap, &text) {
                    Ok(scenario) => self.set_scenario(scenario),
                    Err(e) => problem = Some(Notice::BadLink(LinkProblem::Scenario(e))),
                }
            } else {
                problem = Some(Notice::OtherData { id, title: link.title });
            }
        }
        if problem.is_some() {
            self.notice = problem;
        }
    }

    /// The rows of the shown peer group that match the search, in the chosen order (scenario ranks).
    /// In rank order with no search this is the engine's own order, shared, not copied.
    pub fn visible_rows(&self) -> Rc<Vec<usize>> {
        let q = search::fold(self.query.trim());
        let data = &*self.data;
        let units = &data.snapshot.units;
        let s = &*self.current;
        let Some(order) = s.order.get(self.peer_group) else { return Rc::default() };
        let by_rank = matches!(self.sort.column, SortColumn::Rank | SortColumn::Total);
        if q.is_empty() && by_rank && self.sort.natural {
            return Rc::clone(order);
        }
        let mut rows: Vec<usize> = if q.is_empty() {
            order.to_vec()
        } else {
            order
                .iter()
                .copied()
                .filter(|&u| search::matches_folded(&q, &data.folded_names[u], &units[u].code))
                .collect()
        };
        let name = &data.name_order;
        match self.sort.column {
            // The engine's order already is by total, then name.
            SortColumn::Rank | SortColumn::Total => {}
            SortColumn::Name => sorting::sort_by_key(&mut rows, |&u| name[u]),
            SortColumn::Group(g) => sorting::sort_by_key(&mut rows, |&u| {
                (u32::MAX - s.units[u].groups.get(g).map_or(0, |p| p.points.hundredths()), s.ranks[u].rank, name[u])
            }),
        }
        if !self.sort.natural {
            rows.reverse();
        }
        Rc::new(rows)
    }

    /// How many slides the presentation has: where we stand, points lost, the plan, the result for a
    /// unit; the ranking, the spread, the ends of the ranking for a peer group.
    pub fn slides(&self) -> usize {
        if self.selected.is_some() {
            4
        } else {
            3
        }
    }

    /// Where unit `u` stands under `scores`: (rank, of, among whom). The province is ranked among the
    /// provinces when the national list is there (the others held as published); a province alone in its
    /// data has no rank ("1/1" would read as first place); any other unit among its peers.
    pub fn standing(&self, u: usize, scores: &Scores) -> Option<(u32, u32, &'static str)> {
        let t = self.text();
        match self.nation.as_ref().filter(|_| self.province() == Some(u)) {
            Some(n) => {
                let s = n.nation.standing(n.at, scores.units[u].total);
                Some((s.rank, s.of, t.provinces_lower))
            }
            None if scores.ranks[u].of <= 1 => None,
            None => {
                Some((scores.ranks[u].rank, scores.ranks[u].of, t.level_plural_lower(self.snapshot().units[u].level)))
            }
        }
    }

    /// Whom unit `u` passes from the baseline to the scenario, best first: how many, and the first
    /// `named` with their totals (provinces for the province when the national list is there, its peers
    /// otherwise). Only the names shown are made: the result panel asks at every slider step.
    pub fn passed_names(&self, u: usize, named: usize) -> (usize, Vec<(String, crate::engine::Points)>) {
        match self.nation.as_ref().filter(|_| self.province() == Some(u)) {
            Some(n) => {
                let (before, after) = (self.baseline().units[u].total, self.current.units[u].total);
                let passed = n.nation.passed(n.at, before, after);
                let names = passed
                    .iter()
                    .take(named)
                    .map(|&o| {
                        (crate::present::names::province(&n.nation.list.units[o].name).to_owned(), n.nation.totals[o])
                    })
                    .collect();
                (passed.len(), names)
            }
            None => {
                let passed = scenario::passed(self.peers(), self.baseline(), &self.current, u);
                let names = passed
                    .iter()
                    .take(named)
                    .map(|&o| (self.data.names[o].to_string(), self.current.units[o].total))
                    .collect();
                (passed.len(), names)
            }
        }
    }

    /// The data's title and period: "UBND tỉnh Phú Thọ — Quý 3/2026".
    pub fn data_title(&self) -> String {
        let meta = &self.snapshot().meta;
        match &meta.period {
            Some(p) => format!("{} — {}", meta.title, self.text().period(p)),
            None => meta.title.clone(),
        }
    }

    /// The name of the saved scenario the working one is (the same text), if any.
    pub fn scenario_name(&self) -> Option<String> {
        if self.scenario.is_empty() {
            return None;
        }
        let text = share::encode(self.snapshot(), &self.scenario);
        self.saved.list.iter().find(|s| s.text == text).map(|s| s.name.clone())
    }

    /// Every scenario of the open data as a file to keep (the working one first, if any): each with
    /// the link that reopens it, on the page at `base` (the address without its hash).
    pub fn scenarios_file(&self, base: &str) -> String {
        let link_of =
            |text: &str, unit: Option<String>| format!("{base}{}", self.link_to(unit, Some(text.to_owned())).to_hash());
        let mut list = Vec::new();
        if !self.scenario.is_empty() {
            let unit = self.selected.map(|u| self.snapshot().units[u].code.clone());
            let text = share::encode(self.snapshot(), &self.scenario);
            list.push((self.text().csv_working_scenario.to_owned(), unit.clone(), link_of(&text, unit)));
        }
        for s in &self.saved.list {
            list.push((s.name.clone(), s.unit.clone(), link_of(&s.text, s.unit.clone())));
        }
        crate::present::store::export(&self.data_title(), &self.data.identity, &list)
    }

    /// The link to what is shown: the unit, and the scenario with the data's identity and title.
    pub fn link(&self) -> Link {
        let snap = self.snapshot();
        let scenario = (!self.scenario.is_empty()).then(|| share::encode(snap, &self.scenario));
        self.link_to(self.selected.map(|u| snap.units[u].code.clone()), scenario)
    }

    /// A link to this data, a unit and a scenario text (which carries the data's identity and title).
    fn link_to(&self, unit: Option<String>, scenario: Option<String>) -> Link {
        Link {
            data: self.dataset.map(str::to_owned),
            unit,
            id: scenario.as_ref().map(|_| self.data.identity.clone()),
            title: scenario.as_ref().map(|_| self.data_title()),
            scenario,
        }
    }

    /// "Xã, phường (148)"; the parent's name is added when a level has several peer groups.
    pub fn peer_group_label(&self, g: usize) -> String {
        let data = &*self.data;
        let members = &data.peers.groups[g];
        let first = &data.snapshot.units[members[0]];
        let mut label = format!("{} ({})", self.text().level_plural(first.level), members.len());
        if data.groups_per_level.get(&first.level).is_some_and(|&n| n > 1) {
            if let Some(p) = first.parent {
                label.push_str(&format!(" — {}", data.snapshot.units[p].name));
            }
        }
        label
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::Level;

    fn state() -> State {
        State::new(Rc::new(crate::datasets::sample()))
    }

    #[test]
    fn opens_on_the_communes_ranked_best_first() {
        let s = state();
        let rows = s.visible_rows();
        assert_eq!(rows.len(), 148);
        assert_eq!(s.peer_group_label(s.peer_group), "Xã, phường (148)");
        let first = &s.snapshot().units[rows[0]];
        assert_eq!((first.code.as_str(), s.current.units[rows[0]].total.to_string()), ("H44.156", "68.45".into()));
        // Ties: two units share rank 2, the next is 4; rows come in rank order.
        let ranks: Vec<u32> = rows.iter().take(4).map(|&u| s.current.ranks[u].rank).collect();
        assert_eq!(ranks, [1, 2, 2, 4]);
        // Equal totals by name.
        let names: Vec<&str> = rows[1..3].iter().map(|&u| s.snapshot().units[u].name.as_str()).collect();
        assert!(search::fold(names[0]) <= search::fold(names[1]), "{names:?}");
    }

    #[test]
    fn selecting_a_unit_shows_its_peer_group() {
        let s = state().reduce(Action::Select(Some("H44.07".into())));
        assert_eq!(s.selected, s.snapshot().unit_index("H44.07"));
        assert_eq!(s.snapshot().units[s.visible_rows()[0]].level, Level::Department);
        assert_eq!(s.visible_rows().len(), 15);
        let s = s.reduce(Action::Select(Some("NOPE".into())));
        assert_eq!(s.selected, None);
    }

    #[test]
    fn search_ignores_diacritics_and_sorting_toggles() {
        let s = state().reduce(Action::Search("tam son".into()));
        let names: Vec<&str> = s.visible_rows().iter().map(|&u| s.snapshot().units[u].name.as_str()).collect();
        assert_eq!(names, ["UBND xã Tam Sơn - Tỉnh Phú Thọ"]);
        let s = state().reduce(Action::SortBy(SortColumn::Total));
        let worst_first = s.reduce(Action::SortBy(SortColumn::Total));
        let (a, b) = (s.visible_rows(), worst_first.visible_rows());
        assert_eq!(s.current.units[a[0]].total.to_string(), "68.45");
        assert_eq!(s.current.units[b[0]].total.to_string(), "50.23");
        let mdsh = s.snapshot().methodology.group_index("MDSH").unwrap();
        let by_mdsh = state().reduce(Action::SortBy(SortColumn::Group(mdsh)));
        let pts: Vec<u32> =
            by_mdsh.visible_rows().iter().map(|&u| by_mdsh.current.units[u].groups[mdsh].points.hundredths()).collect();
        assert!(pts.windows(2).all(|w| w[0] >= w[1]));
        let by_name = state().reduce(Action::SortBy(SortColumn::Name));
        let names: Vec<String> =
            by_name.visible_rows().iter().map(|&u| search::fold(&by_name.snapshot().units[u].name)).collect();
        assert!(names.windows(2).all(|w| w[0] <= w[1]));
    }

    #[test]
    fn lever_actions_rescore_and_reset() {
        let s = state().reduce(Action::Select(Some("H44.166".into())));
        let u = s.selected.unwrap();
        let m = s.snapshot().methodology.clone();
        let tttt = m.group_index("TTTT").unwrap();
        let lifted = s.reduce(Action::MoveGroup { unit: u, group: tttt, percent: 100 });
        assert_eq!(lifted.current.units[u].groups[tttt].points, m.groups[tttt].max);
        assert_eq!(lifted.scenario.group_level(lifted.snapshot(), u, tttt), Some(100));
        assert!(lifted.current.ranks[u].rank < s.current.ranks[u].rank);
        // The table follows the scenario: the unit has moved up in the rows.
        let pos = |st: &State| st.visible_rows().iter().position(|&r| r == u).unwrap();
        assert!(pos(&lifted) < pos(&s));
        // A refused lever says why and changes nothing.
        let k = m.metric_index("PUBLISH_ON_TIME").unwrap();
        let refused = lifted.reduce(Action::SetCount { unit: u, metric: k, num: 1 });
        assert!(matches!(refused.lever_error, Some(LeverError::Inherited { .. })));
        assert_eq!(refused.current, lifted.current);
        // Reset the unit: back to the baseline.
        let reset = refused.reduce(Action::ResetUnit(u));
        assert_eq!(*reset.current, *reset.baseline());
        assert!(reset.scenario.is_empty());
        let all = lifted.reduce(Action::ResetAll);
        assert!(Rc::ptr_eq(all.current.rc(), &all.data.baseline));
    }

    #[test]
    fn a_group_lever_shows_where_the_unit_stands_and_never_lowers_a_metric() {
        let s = state().reduce(Action::Select(Some("H44.166".into())));
        let u = s.selected.unwrap();
        let m = s.snapshot().methodology.clone();
        let mdsh = m.group_index("MDSH").unwrap();
        let k = m.metric_index("ORIGINAL_RESULT_AVAILABLE").unwrap();
        let (_, den) = scenario::lever(s.snapshot(), u, k).unwrap();
        let level = |st: &State| st.scenario.group_level(st.snapshot(), u, mdsh);
        let start = level(&s).unwrap();
        // A metric set high by hand stays when the lever moves below it, up or down.
        let hand = s.reduce(Action::SetCount { unit: u, metric: k, num: den * 95 / 100 });
        let up = hand.reduce(Action::MoveGroup { unit: u, group: mdsh, percent: 80 });
        assert_eq!(up.scenario.numerator(u, k), Some(den * 95 / 100));
        assert_eq!(level(&up), Some(80));
        let down = up.reduce(Action::MoveGroup { unit: u, group: mdsh, percent: 60 });
        assert_eq!(down.scenario.numerator(u, k), Some(den * 95 / 100));
        assert_eq!(level(&down), Some(60.max(start)));
        // A restored plan (a link, a reload) shows its level and is kept when a lever is touched.
        let restored = state().reduce(Action::SetScenario { scenario: (*up.scenario).clone(), unit: None });
        assert_eq!(level(&restored), Some(80));
        let touched = restored.reduce(Action::MoveGroup { unit: u, group: mdsh, percent: 85 });
        assert_eq!(touched.scenario.numerator(u, k), Some(den * 95 / 100));
        assert!(touched.scenario.len() >= up.scenario.len());
    }

    #[test]
    fn links_carry_the_scenario_and_refuse_other_data() {
        let s = state().reduce(Action::Select(Some("H44.166".into())));
        let u = s.selected.unwrap();
        let tttt = s.snapshot().methodology.group_index("TTTT").unwrap();
        let planned = s.reduce(Action::MoveGroup { unit: u, group: tttt, percent: 100 });
        let hash = planned.link().to_hash();
        assert!(hash.contains("t=UBND%20t"), "{hash}");
        // A fresh page opening the link shows the same unit and scenario.
        let opened = state().reduce(Action::OpenLink(hash.clone()));
        assert_eq!(opened.selected, Some(u));
        assert_eq!(*opened.scenario, *planned.scenario);
        assert_eq!(*opened.current, *planned.current);
        assert_eq!(opened.notice, None);
        // The same link on other data says which data it is for, and applies nothing.
        let other = hash.replace(planned.identity(), "0123456789abcdef");
        let refused = state().reduce(Action::OpenLink(other));
        assert!(refused.scenario.is_empty());
        let Some(Notice::OtherData { title, .. }) = &refused.notice else { panic!("{:?}", refused.notice) };
        assert_eq!(title.as_deref(), Some("UBND tỉnh Phú Thọ — Quý 3/2026"));
        // A tampered scenario is refused with its reason.
        let tampered = hash.replace("s=H44.166:", "s=H44.166:0=1,");
        let (words, _) = state().reduce(Action::OpenLink(tampered)).notice.unwrap().text(&crate::present::text::VI);
        assert!(words.contains("tính ở cấp tỉnh"), "{words}");
        // Loading the same data again keeps the scenario; other data drops it.
        let load = |s: &State, snapshot: Snapshot| {
            s.reduce(Action::Load { data: Shared::new(Loaded::new(Rc::new(snapshot))), kept: Kept::default() })
        };
        let same = load(&planned, crate::datasets::sample());
        assert_eq!(*same.scenario, *planned.scenario);
        let mut changed = crate::datasets::sample();
        changed.units.truncate(50);
        assert!(load(&planned, changed).scenario.is_empty());
    }

    #[test]
    fn data_loaded_in_steps_is_the_data_loaded_at_once() {
        let snapshot = Rc::new(crate::datasets::load("dak-lak-2026-year-20261010").unwrap());
        let whole = Loaded::new(Rc::clone(&snapshot));
        assert_eq!(whole.identity, share::identity(&snapshot));
        for size in [1, 13, 1_000] {
            let mut steps = LoadSteps::new(Rc::clone(&snapshot));
            let mut n = 0;
            while !steps.step(size) {
                n += 1;
            }
            assert!(n >= 4 * snapshot.units.len() / size, "{n} steps of {size}");
            let stepped = steps.finish();
            assert_eq!(stepped.identity, whole.identity);
            assert_eq!(*stepped.baseline, *whole.baseline);
            assert_eq!(stepped.peers, whole.peers);
            assert_eq!((&stepped.codes, &stepped.names), (&whole.codes, &whole.names));
            assert_eq!((&stepped.folded_names, &stepped.name_order), (&whole.folded_names, &whole.name_order));
        }
        // Finished early, the rest is done at once.
        let mut early = LoadSteps::new(Rc::clone(&snapshot));
        early.step(5);
        assert_eq!(*early.finish().baseline, *whole.baseline);
    }

    #[test]
    fn what_the_browser_kept_opens_or_says_why_not_and_exports_with_links() {
        let load = |kept: Kept| state().reduce(Action::Restore(kept));
        // A working scenario changed by hand (a lever the unit does not have): not opened, and said.
        let hostile = Kept { working: Some(("H44.166:0=1,999=5".into(), None)), ..Kept::default() };
        let opened = load(hostile);
        assert!(opened.scenario.is_empty());
        let Some(Notice::WorkingUnreadable(_)) = &opened.notice else { panic!("{:?}", opened.notice) };
        // A good one opens; a damaged store that could not be set aside is offered for download.
        let s = state();
        let (u, m) = (s.snapshot().unit_index("H44.166").unwrap(), &s.snapshot().methodology);
        let good = s.reduce(Action::MoveGroup { unit: u, group: m.group_index("TTTT").unwrap(), percent: 100 });
        assert!(!good.scenario.is_empty());
        let text = share::encode(good.snapshot(), &good.scenario);
        let damaged = Damaged { why: StoreError::NotJson, unsaved: Some(Rc::from("{x")) };
        let kept = Kept {
            working: Some((text, Some("H44.166".into()))),
            saved: Book::new(
                vec![Saved { id: "a".into(), name: "Xã A".into(), text: "H44.170:3=5".into(), unit: None, at: 1 }],
                vec![],
            ),
            damaged: Some(damaged),
        };
        let opened = load(kept);
        assert_eq!(*opened.scenario, *good.scenario);
        let (words, _) = opened.notice.clone().unwrap().text(&crate::present::text::VI);
        assert!(words.contains("không cất sang bên được"), "{words}");
        // Exported: the working scenario and the saved one, each with a link that reopens it.
        let file: serde_json::Value = serde_json::from_str(&opened.scenarios_file("http://127.0.0.1/")).unwrap();
        let list = file["scenarios"].as_array().unwrap();
        assert_eq!(list.len(), 2);
        assert_eq!(list[1]["name"], "Xã A");
        for item in list {
            let hash = item["link"].as_str().unwrap().strip_prefix("http://127.0.0.1/").unwrap();
            let reopened = state().reduce(Action::OpenLink(hash.to_owned()));
            assert_eq!(reopened.notice, None, "{hash}");
            assert!(!reopened.scenario.is_empty());
        }
    }

    #[test]
    fn every_link_that_cannot_be_applied_says_why() {
        let words = |hash: &str| {
            let s = state().reduce(Action::OpenLink(hash.into()));
            s.notice.map(|n| n.text(&crate::present::text::VI).0)
        };
        assert!(words("#unit=H99.999").unwrap().contains("«H99.999» không có trong dữ liệu"));
        assert!(words("#unit=H44&s=H44.166:3=5").unwrap().contains("thiếu mã dữ liệu"));
        assert!(words("#unit=H44&id=0123&s=H44.166:3=5").unwrap().contains("thiếu mã dữ liệu"));
        let s = state();
        let k = s.snapshot().methodology.metric_index("DOSSIER_ON_TIME").unwrap();
        let impossible = format!("#id={}&s=H44.166:{k}=99999999", s.identity());
        assert!(words(&impossible).unwrap().contains("vượt mẫu số"));
        assert!(words("#foo=bar").unwrap().contains("«foo=bar»"));
        assert_eq!(words("#unit=H44"), None);
        assert_eq!(words(""), None);
    }

    #[test]
    fn saved_scenarios_are_found_by_id_and_save_what_is_shown_now() {
        let s = state().reduce(Action::Select(Some("H44.166".into())));
        let u = s.selected.unwrap();
        let tttt = s.snapshot().methodology.group_index("TTTT").unwrap();
        // Save right after a lever move: the scenario saved is the one on screen.
        let moved = s.reduce(Action::MoveGroup { unit: u, group: tttt, percent: 100 });
        let saved = moved.reduce(Action::Save { id: "a".into(), name: " ".into(), at: 1 });
        assert_eq!(saved.saved.list[0].name, "Kịch bản 1");
        assert_eq!(saved.saved.list[0].text, share::encode(saved.snapshot(), &moved.scenario));
        let two = saved.reduce(Action::ResetAll).reduce(Action::Save { id: "b".into(), name: "Trống".into(), at: 2 });
        // Another tab deleted "a": renaming it says so, opening "b" works, deleting twice is harmless.
        let elsewhere = two.reduce(Action::SavedElsewhere(Book::default().without("a", 3)));
        assert_eq!(elsewhere.saved.list.len(), 1);
        assert_eq!(
            elsewhere.reduce(Action::Rename { id: "a".into(), name: "x".into(), at: 4 }).notice,
            Some(Notice::SavedGone)
        );
        assert_eq!(elsewhere.reduce(Action::OpenSaved { id: "a".into() }).notice, Some(Notice::SavedGone));
        let reopened = two.reduce(Action::OpenSaved { id: "a".into() });
        assert_eq!(*reopened.scenario, *moved.scenario);
        let deleted =
            two.reduce(Action::Delete { id: "a".into(), at: 5 }).reduce(Action::Delete { id: "a".into(), at: 6 });
        assert_eq!(deleted.saved.list.iter().map(|s| s.name.as_str()).collect::<Vec<_>>(), ["Trống"]);
        // A rename here and the store's older copy: the rename stays; the store's news come in.
        let renamed = two.reduce(Action::Rename { id: "b".into(), name: "Đổi".into(), at: 7 });
        let news = Book::new(
            vec![two.saved.list[1].clone(), Saved { id: "c".into(), at: 8, ..two.saved.list[0].clone() }],
            vec![],
        );
        let heard = renamed.reduce(Action::SavedElsewhere(news));
        let names: Vec<&str> = heard.saved.list.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["Kịch bản 1", "Đổi", "Kịch bản 1"]);
    }

    fn dak_lak() -> State {
        let list = Rc::new(crate::datasets::load("vietnam-34-provinces-2026-year-20261010").unwrap());
        State::new(Rc::new(crate::datasets::load("dak-lak-2026-year-20261010").unwrap()))
            .with_dataset("dak-lak-2026-year-20261010")
            .reduce(Action::SetNation(list))
    }

    #[test]
    fn the_province_among_the_provinces_and_its_plan() {
        let s = dak_lak();
        let root = s.province().unwrap();
        let n = s.nation.as_ref().expect("the list holds H15");
        assert!(n.disagreements.is_empty() && s.notice.is_none());
        assert_eq!(n.nation.standing(n.at, s.current.units[root].total).rank, 7);
        // Top 3 → a plan spread over units; applied, the province stands third or better.
        let planned = s.reduce(Action::ProvinceSeek(ProvinceGoal::NationalRank(3)));
        let p = planned.province_plan.as_ref().unwrap();
        assert!(p.plan.reached);
        let applied = planned.reduce(Action::ApplyProvincePlan);
        assert!(applied.province_plan.is_none());
        assert_eq!(applied.current.units[root].total, p.plan.total);
        assert!(n.nation.standing(n.at, applied.current.units[root].total).rank <= 3);
        // The link names the data; a link naming other built-in data is left to the page to open.
        assert!(applied.link().to_hash().starts_with("#data=dak-lak-2026-year-20261010&id="));
        let other = applied.reduce(Action::OpenLink("#data=phu-tho-2026-q3&unit=H44.166".into()));
        assert_eq!((other.selected, other.notice.clone()), (applied.selected, None));
        let unknown = applied.reduce(Action::OpenLink("#data=ha-noi&unit=H15.120".into()));
        assert_eq!(unknown.notice, Some(Notice::UnknownData("ha-noi".into())));
        assert_eq!(unknown.selected, unknown.snapshot().unit_index("H15.120"));
        // A national list that does not hold the province is not used; one that disagrees says so.
        let phu_tho = state().reduce(Action::SetNation(Rc::new(
            crate::datasets::load("vietnam-34-provinces-2026-year-20261010").unwrap(),
        )));
        assert!(phu_tho.nation.is_some(), "H44 is in the list");
        assert_eq!(phu_tho.notice, Some(Notice::NationDisagrees), "Q3 of one province, the year of the nation");
        // A commune's plan moves the province (roll-up).
        let u = s.snapshot().unit_index("H15.120").unwrap();
        let k = s.snapshot().methodology.metric_index("DOSSIER_ON_TIME").unwrap();
        let (num, den) = crate::engine::scenario::lever(s.snapshot(), u, k).unwrap();
        let moved = s.reduce(Action::SetCount { unit: u, metric: k, num: den });
        assert!(den > num && moved.current.units[root].total > s.current.units[root].total);
    }
}
