//! The app's one state and its reducer (pure: tested natively; `ui` makes it a yew `Reducible`).

use std::collections::BTreeMap;
use std::rc::Rc;

use crate::engine::points::Decimal;
use crate::engine::scenario::{self, LeverError, Scenario};
use crate::engine::share;
use crate::engine::{scoring, Peers, Scores, Snapshot};
use crate::present::hash::Link;
use crate::present::{labels, search};

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

#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Show a peer group's ranking.
    ShowPeerGroup(usize),
    /// Select a unit by code (from a row or the URL hash); an unknown code clears the selection.
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
    /// What-if: every metric of a group at least at this rate (from the baseline).
    LiftGroup {
        unit: usize,
        group: usize,
        rate: Decimal,
    },
    ResetMetric {
        unit: usize,
        metric: usize,
    },
    ResetUnit(usize),
    ResetAll,
    /// Open other data (an imported file). The scenario is kept if the data is the same (same
    /// identity), dropped otherwise: a scenario is never applied to the wrong data.
    Load(Rc<Snapshot>),
    /// Replace the scenario (from a shared link or a saved scenario), with the unit to show.
    SetScenario {
        scenario: Scenario,
        unit: Option<String>,
    },
    /// Say something to the user (a link for other data, a damaged store), or clear it.
    Notice(Option<String>),
    /// Open what a link's hash names: the unit, and its scenario if the link is for this data.
    OpenLink(String),
}

#[derive(Clone, Debug)]
pub struct State {
    pub snapshot: Rc<Snapshot>,
    pub peers: Rc<Peers>,
    /// The snapshot's own scores.
    pub baseline: Rc<Scores>,
    pub scenario: Rc<Scenario>,
    /// Scores under the scenario (the baseline's when it is empty).
    pub current: Rc<Scores>,
    /// Where each group lever was last put, per (unit, group), for its slider.
    pub group_levers: Rc<BTreeMap<(usize, usize), Decimal>>,
    /// The last lever refused, with why (shown beside the levers).
    pub lever_error: Option<String>,
    /// The identity of the snapshot's content (`share::identity`): links and saved scenarios carry it.
    pub identity: Rc<str>,
    /// A message for the user about links, storage or loading.
    pub notice: Option<String>,
    pub peer_group: usize,
    pub selected: Option<usize>,
    pub sort: Sort,
    pub query: String,
    /// Unit names folded for search, computed once.
    folded_names: Rc<Vec<String>>,
    /// Each unit's position in alphabetical order of folded names: sorting compares integers, not
    /// strings (a slider step re-sorts the peer group, which can be thousands of units).
    name_order: Rc<Vec<u32>>,
}

/// Every large part of the state is immutable behind an `Rc` and replaced, never mutated, so pointer
/// identity is value identity. yew compares props (the state, for every component) on every render:
/// a derived, deep comparison walked all 10,000 units of a large snapshot each time (22 ms a slider step).
impl PartialEq for State {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.snapshot, &other.snapshot)
            && Rc::ptr_eq(&self.current, &other.current)
            && Rc::ptr_eq(&self.scenario, &other.scenario)
            && Rc::ptr_eq(&self.group_levers, &other.group_levers)
            && self.lever_error == other.lever_error
            && self.notice == other.notice
            && self.peer_group == other.peer_group
            && self.selected == other.selected
            && self.sort == other.sort
            && self.query == other.query
    }
}

impl State {
    pub fn new(snapshot: Rc<Snapshot>) -> State {
        let baseline = Rc::new(scoring::score(&snapshot));
        let peers = Peers::of(&snapshot);
        // The largest peer group first: the communes of a province, the provinces of the country.
        let peer_group = (0..peers.groups.len()).max_by_key(|&g| (peers.groups[g].len(), usize::MAX - g)).unwrap_or(0);
        let folded_names: Vec<String> = snapshot.units.iter().map(|u| search::fold(&u.name)).collect();
        let mut by_name: Vec<usize> = (0..folded_names.len()).collect();
        by_name.sort_unstable_by(|&a, &b| folded_names[a].cmp(&folded_names[b]).then(a.cmp(&b)));
        let mut name_order = vec![0u32; by_name.len()];
        for (position, &u) in by_name.iter().enumerate() {
            name_order[u] = position as u32;
        }
        State {
            identity: share::identity(&snapshot).into(),
            notice: None,
            peers: Rc::new(peers),
            current: Rc::clone(&baseline),
            baseline,
            scenario: Rc::new(Scenario::new()),
            group_levers: Rc::new(BTreeMap::new()),
            lever_error: None,
            snapshot,
            peer_group,
            selected: None,
            sort: Sort { column: SortColumn::Rank, natural: true },
            query: String::new(),
            folded_names: Rc::new(folded_names),
            name_order: Rc::new(name_order),
        }
    }

    pub fn reduce(&self, action: Action) -> State {
        let mut next = self.clone();
        let snap = &*self.snapshot;
        let lever = |next: &mut State, unit: usize, change: &dyn Fn(&mut Scenario) -> Result<(), LeverError>| {
            let mut scenario = (*next.scenario).clone();
            match change(&mut scenario) {
                Ok(()) => {
                    next.current = Rc::new(scenario::rescore(snap, &next.peers, &scenario, &next.current, [unit]));
                    next.scenario = Rc::new(scenario);
                    next.lever_error = None;
                }
                Err(e) => next.lever_error = Some(e.to_string()),
            }
        };
        match action {
            Action::ShowPeerGroup(g) if g < self.peers.groups.len() => next.peer_group = g,
            Action::ShowPeerGroup(_) => {}
            Action::Select(code) => {
                next.selected = code.and_then(|c| snap.unit_index(&c));
                next.lever_error = None;
                if let Some(u) = next.selected {
                    next.peer_group = self.peers.group_of[u];
                }
            }
            Action::SortBy(column) => {
                next.sort = if self.sort.column == column {
                    Sort { column, natural: !self.sort.natural }
                } else {
                    Sort { column, natural: true }
                };
            }
            Action::Search(q) => next.query = q,
            Action::SetCount { unit, metric, num } => lever(&mut next, unit, &|s| s.set(snap, unit, metric, num)),
            Action::SetRate { unit, metric, rate } => lever(&mut next, unit, &|s| s.set_rate(snap, unit, metric, rate)),
            Action::LiftGroup { unit, group, rate } => {
                lever(&mut next, unit, &|s| s.lift_group(snap, unit, group, rate));
                if next.lever_error.is_none() {
                    Rc::make_mut(&mut next.group_levers).insert((unit, group), rate);
                }
            }
            Action::ResetMetric { unit, metric } => {
                lever(&mut next, unit, &|s| {
                    s.clear_metric(unit, metric);
                    Ok(())
                });
                if let Some(group) = snap.methodology.metrics.get(metric).map(|m| m.group) {
                    Rc::make_mut(&mut next.group_levers).remove(&(unit, group));
                }
            }
            Action::ResetUnit(unit) => {
                lever(&mut next, unit, &|s| {
                    s.clear_unit(unit);
                    Ok(())
                });
                Rc::make_mut(&mut next.group_levers).retain(|&(u, _), _| u != unit);
            }
            Action::ResetAll => {
                next.scenario = Rc::new(Scenario::new());
                next.current = Rc::clone(&self.baseline);
                next.group_levers = Rc::new(BTreeMap::new());
                next.lever_error = None;
            }
            Action::Load(snapshot) => {
                let mut loaded = State::new(snapshot);
                if loaded.identity == self.identity {
                    loaded = loaded.reduce(Action::SetScenario { scenario: (*self.scenario).clone(), unit: None });
                }
                loaded.selected = self.selected.and_then(|u| loaded.snapshot.unit_index(&snap.units[u].code));
                if let Some(u) = loaded.selected {
                    loaded.peer_group = loaded.peers.group_of[u];
                }
                return loaded;
            }
            Action::SetScenario { scenario, unit } => {
                next.current = Rc::new(scenario::evaluate_from(snap, &self.peers, &scenario, &self.baseline));
                next.scenario = Rc::new(scenario);
                next.group_levers = Rc::new(BTreeMap::new());
                next.lever_error = None;
                if let Some(u) = unit.and_then(|c| snap.unit_index(&c)) {
                    next.selected = Some(u);
                    next.peer_group = self.peers.group_of[u];
                }
            }
            Action::Notice(text) => next.notice = text,
            Action::OpenLink(hash) => {
                let link = Link::parse(&hash);
                // A link without a unit (or with a unit unknown here) leaves the selection as it is.
                if link.unit.as_deref().and_then(|c| snap.unit_index(c)).is_some() {
                    next = next.reduce(Action::Select(link.unit.clone()));
                }
                match (link.id, link.scenario) {
                    (Some(id), Some(text)) if *id == *self.identity => match share::decode(snap, &text) {
                        Ok(scenario) => next = next.reduce(Action::SetScenario { scenario, unit: link.unit }),
                        Err(e) => next.notice = Some(format!("{}: {e}.", labels::BAD_LINK)),
                    },
                    (Some(id), Some(_)) => {
                        let which = link.title.map_or(format!("mã {id}"), |t| format!("«{t}» (mã {id})"));
                        next.notice = Some(format!("{} {which}. {}", labels::LINK_OTHER_DATA, labels::OPEN_THAT_FILE));
                    }
                    _ => {}
                }
            }
        }
        next
    }

    /// The rows of the shown peer group that match the search, in the chosen order (scenario ranks).
    pub fn visible_rows(&self) -> Vec<usize> {
        let q = search::fold(self.query.trim());
        let units = &self.snapshot.units;
        let members = self.peers.groups.get(self.peer_group).map_or(&[][..], Vec::as_slice);
        let rows: Vec<usize> = if q.is_empty() {
            members.to_vec()
        } else {
            members
                .iter()
                .copied()
                .filter(|&u| search::matches_folded(&q, &self.folded_names[u], &units[u].code))
                .collect()
        };
        let s = &self.current;
        let name = &self.name_order;
        // One integer key per row, best first: (group points descending,) rank, then name.
        let key = |u: usize| -> (u32, u32, u32) {
            let rank = s.ranks[u].rank;
            match self.sort.column {
                SortColumn::Rank | SortColumn::Total => (0, rank, name[u]),
                SortColumn::Name => (0, 0, name[u]),
                SortColumn::Group(g) => {
                    (u32::MAX - s.units[u].groups.get(g).map_or(0, |p| p.points.hundredths()), rank, name[u])
                }
            }
        };
        // Keys computed once into a flat vector: the sort then compares plain integers in order.
        let mut keyed: Vec<((u32, u32, u32), u32)> = rows.iter().map(|&u| (key(u), u as u32)).collect();
        if self.sort.natural {
            keyed.sort_unstable();
        } else {
            keyed.sort_unstable_by(|a, b| b.cmp(a));
        }
        keyed.into_iter().map(|(_, u)| u as usize).collect()
    }

    /// The link to what is shown: the unit, and the scenario with the data's identity and title.
    pub fn link(&self) -> Link {
        let scenario = (!self.scenario.is_empty()).then(|| share::encode(&self.snapshot, &self.scenario));
        let meta = &self.snapshot.meta;
        let title = match &meta.period {
            Some(p) => format!("{} — {}", meta.title, p.label_vi()),
            None => meta.title.clone(),
        };
        Link {
            unit: self.selected.map(|u| self.snapshot.units[u].code.clone()),
            id: scenario.as_ref().map(|_| self.identity.to_string()),
            title: scenario.as_ref().map(|_| title),
            scenario,
        }
    }

    /// "Xã, phường (148)"; the parent's name is added when a level has several peer groups.
    pub fn peer_group_label(&self, g: usize) -> String {
        let members = &self.peers.groups[g];
        let first = &self.snapshot.units[members[0]];
        let same_level = self.peers.groups.iter().filter(|m| self.snapshot.units[m[0]].level == first.level).count();
        let mut label = format!("{} ({})", labels::level_plural(first.level), members.len());
        if same_level > 1 {
            if let Some(p) = first.parent {
                label.push_str(&format!(" — {}", self.snapshot.units[p].name));
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
        State::new(Rc::new(crate::default_snapshot::load()))
    }

    #[test]
    fn opens_on_the_communes_ranked_best_first() {
        let s = state();
        let rows = s.visible_rows();
        assert_eq!(rows.len(), 148);
        assert_eq!(s.peer_group_label(s.peer_group), "Xã, phường (148)");
        let first = &s.snapshot.units[rows[0]];
        assert_eq!((first.code.as_str(), s.current.units[rows[0]].total.to_string()), ("H44.156", "68.45".into()));
        // Ties: two units share rank 2, the next is 4; rows come in rank order.
        let ranks: Vec<u32> = rows.iter().take(4).map(|&u| s.current.ranks[u].rank).collect();
        assert_eq!(ranks, [1, 2, 2, 4]);
    }

    #[test]
    fn selecting_a_unit_shows_its_peer_group() {
        let s = state().reduce(Action::Select(Some("H44.07".into())));
        assert_eq!(s.selected, s.snapshot.unit_index("H44.07"));
        assert_eq!(s.snapshot.units[s.visible_rows()[0]].level, Level::Department);
        assert_eq!(s.visible_rows().len(), 15);
        let s = s.reduce(Action::Select(Some("NOPE".into())));
        assert_eq!(s.selected, None);
    }

    #[test]
    fn search_ignores_diacritics_and_sorting_toggles() {
        let s = state().reduce(Action::Search("tam son".into()));
        let names: Vec<&str> = s.visible_rows().iter().map(|&u| s.snapshot.units[u].name.as_str()).collect();
        assert_eq!(names, ["UBND xã Tam Sơn - Tỉnh Phú Thọ"]);
        let s = state().reduce(Action::SortBy(SortColumn::Total));
        let worst_first = s.reduce(Action::SortBy(SortColumn::Total));
        let (a, b) = (s.visible_rows(), worst_first.visible_rows());
        assert_eq!(s.current.units[a[0]].total.to_string(), "68.45");
        assert_eq!(s.current.units[b[0]].total.to_string(), "50.23");
        let mdsh = s.snapshot.methodology.group_index("MDSH").unwrap();
        let by_mdsh = state().reduce(Action::SortBy(SortColumn::Group(mdsh)));
        let pts: Vec<u32> =
            by_mdsh.visible_rows().iter().map(|&u| by_mdsh.current.units[u].groups[mdsh].points.hundredths()).collect();
        assert!(pts.windows(2).all(|w| w[0] >= w[1]));
        let by_name = state().reduce(Action::SortBy(SortColumn::Name));
        let names: Vec<String> =
            by_name.visible_rows().iter().map(|&u| search::fold(&by_name.snapshot.units[u].name)).collect();
        assert!(names.windows(2).all(|w| w[0] <= w[1]));
    }

    #[test]
    fn lever_actions_rescore_and_reset() {
        let s = state().reduce(Action::Select(Some("H44.166".into())));
        let u = s.selected.unwrap();
        let m = s.snapshot.methodology.clone();
        let tttt = m.group_index("TTTT").unwrap();
        let one = Decimal::parse("1").unwrap();
        let lifted = s.reduce(Action::LiftGroup { unit: u, group: tttt, rate: one });
        assert_eq!(lifted.current.units[u].groups[tttt].points, m.groups[tttt].max);
        assert_eq!(lifted.group_levers.get(&(u, tttt)), Some(&one));
        assert!(lifted.current.ranks[u].rank < s.current.ranks[u].rank);
        // The table follows the scenario: the unit has moved up in the rows.
        let pos = |st: &State| st.visible_rows().iter().position(|&r| r == u).unwrap();
        assert!(pos(&lifted) < pos(&s));
        // A refused lever says why and changes nothing.
        let k = m.metric_index("PUBLISH_ON_TIME").unwrap();
        let refused = lifted.reduce(Action::SetCount { unit: u, metric: k, num: 1 });
        assert!(refused.lever_error.as_deref().unwrap().contains("H44"));
        assert_eq!(refused.current, lifted.current);
        // Reset the unit: back to the baseline, lever positions forgotten.
        let reset = refused.reduce(Action::ResetUnit(u));
        assert_eq!(*reset.current, *reset.baseline);
        assert!(reset.group_levers.is_empty() && reset.scenario.is_empty());
        let all = lifted.reduce(Action::ResetAll);
        assert!(Rc::ptr_eq(&all.current, &all.baseline));
    }

    #[test]
    fn links_carry_the_scenario_and_refuse_other_data() {
        let s = state().reduce(Action::Select(Some("H44.166".into())));
        let u = s.selected.unwrap();
        let tttt = s.snapshot.methodology.group_index("TTTT").unwrap();
        let planned = s.reduce(Action::LiftGroup { unit: u, group: tttt, rate: Decimal::parse("1").unwrap() });
        let hash = planned.link().to_hash();
        assert!(hash.contains("t=UBND%20t"), "{hash}");
        // A fresh page opening the link shows the same unit and scenario.
        let opened = state().reduce(Action::OpenLink(hash.clone()));
        assert_eq!(opened.selected, Some(u));
        assert_eq!(opened.scenario, planned.scenario);
        assert_eq!(opened.current, planned.current);
        assert_eq!(opened.notice, None);
        // The same link on other data says which data it is for, and applies nothing.
        let other = hash.replace(&*planned.identity, "0123456789abcdef");
        let refused = state().reduce(Action::OpenLink(other));
        assert!(refused.scenario.is_empty());
        assert!(
            refused.notice.as_deref().unwrap().contains("«UBND tỉnh Phú Thọ — Quý 3/2026»"),
            "{:?}",
            refused.notice
        );
        // A tampered scenario is refused with its reason.
        let tampered = hash.replace("s=H44.166:", "s=H44.166:0=1,");
        assert!(state().reduce(Action::OpenLink(tampered)).notice.unwrap().contains("tính ở cấp tỉnh"));
        // Loading the same data again keeps the scenario; other data drops it.
        let same = planned.reduce(Action::Load(Rc::new(crate::default_snapshot::load())));
        assert_eq!(same.scenario, planned.scenario);
        let mut changed = crate::default_snapshot::load();
        changed.units.truncate(50);
        assert!(planned.reduce(Action::Load(Rc::new(changed))).scenario.is_empty());
    }
}
