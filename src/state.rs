//! The app's one state and its reducer (pure: tested natively; `ui` makes it a yew `Reducible`).

use std::rc::Rc;

use crate::engine::{scoring, Peers, Scores, Snapshot};
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
}

#[derive(Clone, Debug, PartialEq)]
pub struct State {
    pub snapshot: Rc<Snapshot>,
    pub scores: Rc<Scores>,
    pub peers: Rc<Peers>,
    pub peer_group: usize,
    pub selected: Option<usize>,
    pub sort: Sort,
    pub query: String,
}

impl State {
    pub fn new(snapshot: Rc<Snapshot>) -> State {
        let scores = scoring::score(&snapshot);
        let peers = Peers::of(&snapshot);
        // The largest peer group first: the communes of a province, the provinces of the country.
        let peer_group = (0..peers.groups.len()).max_by_key(|&g| (peers.groups[g].len(), usize::MAX - g)).unwrap_or(0);
        State {
            snapshot,
            scores: Rc::new(scores),
            peers: Rc::new(peers),
            peer_group,
            selected: None,
            sort: Sort { column: SortColumn::Rank, natural: true },
            query: String::new(),
        }
    }

    pub fn reduce(&self, action: Action) -> State {
        let mut next = self.clone();
        match action {
            Action::ShowPeerGroup(g) if g < self.peers.groups.len() => next.peer_group = g,
            Action::ShowPeerGroup(_) => {}
            Action::Select(code) => {
                next.selected = code.and_then(|c| self.snapshot.unit_index(&c));
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
        }
        next
    }

    /// The rows of the shown peer group that match the search, in the chosen order.
    pub fn visible_rows(&self) -> Vec<usize> {
        let q = search::fold(self.query.trim());
        let units = &self.snapshot.units;
        let mut rows: Vec<usize> = self.peers.groups.get(self.peer_group).map_or(&[][..], Vec::as_slice)
            .iter()
            .copied()
            .filter(|&u| search::matches(&q, &units[u].name, &units[u].code))
            .collect();
        let s = &self.scores;
        let by_rank = |a: &usize, b: &usize| s.ranks[*a].rank.cmp(&s.ranks[*b].rank).then_with(|| units[*a].name.cmp(&units[*b].name));
        rows.sort_by(|a, b| {
            let natural = match self.sort.column {
                SortColumn::Rank | SortColumn::Total => by_rank(a, b),
                SortColumn::Name => search::fold(&units[*a].name).cmp(&search::fold(&units[*b].name)),
                SortColumn::Group(g) => {
                    let points = |u: usize| s.units[u].groups.get(g).map_or(0, |p| p.points.hundredths());
                    points(*b).cmp(&points(*a)).then_with(|| by_rank(a, b))
                }
            };
            if self.sort.natural { natural } else { natural.reverse() }
        });
        rows
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
        assert_eq!((first.code.as_str(), s.scores.units[rows[0]].total.to_string()), ("H44.156", "68.45".into()));
        // Ties: two units share rank 2, the next is 4; rows come in rank order.
        let ranks: Vec<u32> = rows.iter().take(4).map(|&u| s.scores.ranks[u].rank).collect();
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
        assert_eq!(s.scores.units[a[0]].total.to_string(), "68.45");
        assert_eq!(s.scores.units[b[0]].total.to_string(), "50.23");
        let mdsh = s.snapshot.methodology.group_index("MDSH").unwrap();
        let by_mdsh = state().reduce(Action::SortBy(SortColumn::Group(mdsh)));
        let pts: Vec<u32> = by_mdsh.visible_rows().iter().map(|&u| by_mdsh.scores.units[u].groups[mdsh].points.hundredths()).collect();
        assert!(pts.windows(2).all(|w| w[0] >= w[1]));
        let by_name = state().reduce(Action::SortBy(SortColumn::Name));
        let names: Vec<String> = by_name.visible_rows().iter().map(|&u| search::fold(&by_name.snapshot.units[u].name)).collect();
        assert!(names.windows(2).all(|w| w[0] <= w[1]));
    }
}
