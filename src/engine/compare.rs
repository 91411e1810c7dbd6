//! Two periods of the same units side by side, as the portal's monthly notices compare them: for every
//! unit found in both (by code), the change in points — total and each group — and in rank among its
//! peers; the units found in one period only, apart.

use std::collections::HashMap;

use super::points::Points;
use super::ranking::Peers;
use super::scoring::{self, Scores};
use super::snapshot::Snapshot;

/// The other period, scored among its own peers, and how its units match the open data's.
#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    pub other: Snapshot,
    pub scores: Scores,
    /// For each unit of the open data, its index in the other period (same code), if it is there.
    pub matched: Vec<Option<usize>>,
    /// Units of the other period the open data does not have.
    pub only_there: Vec<usize>,
}

/// A unit's change from the other period to the open data's (under its scenario).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Change {
    /// Positive: higher now.
    pub total: i64,
    /// Positive: better now (a smaller rank number), as ▲.
    pub rank: i64,
    pub rank_then: u32,
    pub total_then: Points,
}

impl Comparison {
    /// Matches `other` against `open` by unit code.
    pub fn new(open: &Snapshot, other: Snapshot) -> Comparison {
        let scores = scoring::score_among(&other, &Peers::of(&other));
        let index: HashMap<&str, usize> = other.units.iter().enumerate().map(|(i, u)| (u.code.as_str(), i)).collect();
        let matched: Vec<Option<usize>> = open.units.iter().map(|u| index.get(u.code.as_str()).copied()).collect();
        let mut seen = vec![false; other.units.len()];
        for &i in matched.iter().flatten() {
            seen[i] = true;
        }
        let only_there = (0..other.units.len()).filter(|&i| !seen[i]).collect();
        Comparison { other, scores, matched, only_there }
    }

    /// The units of the open data the other period does not have.
    pub fn only_here(&self) -> Vec<usize> {
        (0..self.matched.len()).filter(|&u| self.matched[u].is_none()).collect()
    }

    /// Unit `u`'s change, with its scores now (`current`); `None` if it is in the open data only.
    pub fn change(&self, current: &Scores, u: usize) -> Option<Change> {
        let then = self.matched.get(u).copied().flatten()?;
        let (now_total, then_total) = (current.units[u].total, self.scores.units[then].total);
        let (now_rank, then_rank) = (current.ranks[u].rank, self.scores.ranks[then].rank);
        Some(Change {
            total: i64::from(now_total.0) - i64::from(then_total.0),
            rank: i64::from(then_rank) - i64::from(now_rank),
            rank_then: then_rank,
            total_then: then_total,
        })
    }

    /// Unit `u`'s group scores in the other period.
    pub fn groups_then(&self, u: usize) -> Option<Vec<Points>> {
        let then = self.matched.get(u).copied().flatten()?;
        Some(self.scores.units[then].groups.iter().map(|g| g.points).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phu_tho_q3_against_august() {
        let q3 = crate::datasets::load("phu-tho-2026-q3").unwrap();
        let aug = crate::datasets::load("phu-tho-2026-08").unwrap();
        let c = Comparison::new(&q3, aug);
        assert!(c.only_here().is_empty() && c.only_there.is_empty(), "the same 164 units");
        let now = scoring::score_among(&q3, &Peers::of(&q3));
        let root = q3.unit_index("H44").unwrap();
        // The province: 61,39 in Q3 against 59,92 in August.
        let ch = c.change(&now, root).unwrap();
        assert_eq!((ch.total, ch.total_then), (6139 - 5992, Points(5992)));
        // Every unit: the change is the difference of the two periods' own scores and ranks.
        for u in 0..q3.units.len() {
            let then = c.matched[u].unwrap();
            let ch = c.change(&now, u).unwrap();
            assert_eq!(ch.total, i64::from(now.units[u].total.0) - i64::from(c.scores.units[then].total.0));
            assert_eq!(ch.rank, i64::from(c.scores.ranks[then].rank) - i64::from(now.ranks[u].rank));
        }
        // A unit in one period only is listed as such.
        let mut fewer = q3.clone();
        let gone = fewer.units.iter().position(|u| u.code == "H44.166").unwrap();
        fewer.units[gone].code = "H44.999".into();
        let c = Comparison::new(&fewer, crate::datasets::load("phu-tho-2026-08").unwrap());
        assert_eq!(c.only_here(), vec![gone]);
        assert_eq!(c.only_there.len(), 1);
        assert_eq!(c.other.units[c.only_there[0]].code, "H44.166");
    }
}
