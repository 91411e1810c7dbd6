//! Ranking among peers (units of the same level under the same parent) by total, descending, with
//! standard competition ranking as the portal uses: equal totals share a rank and the next rank
//! skips (1, 2, 2, 4).
//!
//! Each peer group keeps its units in order (best total first, then snapshot order), so that a change
//! to one unit moves it within that order and re-ranks only the peers between its old and new total,
//! instead of sorting and ranking the group again.

use std::cmp::Reverse;
use std::collections::BTreeMap;
use std::rc::Rc;

use super::chunked::Chunked;
use super::points::Points;
use super::snapshot::{Level, Snapshot};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rank {
    /// 1 = best.
    pub rank: u32,
    /// How many peers, the unit included.
    pub of: u32,
}

/// The peer groups of a snapshot.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Peers {
    /// Units of each peer group, in snapshot order; groups ordered by (level, parent).
    pub groups: Vec<Vec<usize>>,
    /// The peer group of each unit.
    pub group_of: Vec<usize>,
    /// Per unit, where it goes among peers of an equal total (they share a rank either way): snapshot
    /// order by default; the app orders them by name.
    pub tiebreak: Vec<u32>,
}

impl Peers {
    pub fn of(snapshot: &Snapshot) -> Peers {
        let mut by_key: BTreeMap<(Level, Option<usize>), Vec<usize>> = BTreeMap::new();
        for (i, u) in snapshot.units.iter().enumerate() {
            by_key.entry((u.level, u.parent)).or_default().push(i);
        }
        let groups: Vec<Vec<usize>> = by_key.into_values().collect();
        let mut group_of = vec![0; snapshot.units.len()];
        for (g, members) in groups.iter().enumerate() {
            for &i in members {
                group_of[i] = g;
            }
        }
        Peers { groups, group_of, tiebreak: (0..snapshot.units.len() as u32).collect() }
    }

    /// The same groups, equal totals ordered by `tiebreak` (one distinct number per unit).
    pub fn with_tiebreak(mut self, tiebreak: Vec<u32>) -> Peers {
        if tiebreak.len() == self.group_of.len() {
            self.tiebreak = tiebreak;
        }
        self
    }
}

/// Ranks of one peer group's totals (same order as given).
pub fn competition_ranks(totals: &[Points]) -> Vec<u32> {
    let mut sorted: Vec<Points> = totals.to_vec();
    super::sorting::sort_by(&mut sorted, |a, b| b.cmp(a));
    // rank = 1 + number of peers with a strictly higher total
    totals.iter().map(|t| 1 + sorted.partition_point(|s| s > t) as u32).collect()
}

/// Ranks every unit among its peers: the rank of each unit, and each peer group's units by total,
/// best first (equal totals in the peers' tiebreak order).
pub fn rank(peers: &Peers, totals: &[Points]) -> (Chunked<Rank>, Vec<Rc<Vec<usize>>>) {
    let mut ranks: Chunked<Rank> = std::iter::repeat_n(Rank { rank: 1, of: 1 }, totals.len()).collect();
    let total = |v: usize| totals[v];
    let mut order: Vec<Rc<Vec<usize>>> = peers.groups.iter().map(|g| Rc::new(g.clone())).collect();
    for group in &mut order {
        sort_group(&mut ranks, Rc::make_mut(group).as_mut_slice(), &peers.tiebreak, &total);
    }
    (ranks, order)
}

/// Sorts one peer group's order again and ranks all of it (several of its units changed).
pub fn sort_group(ranks: &mut Chunked<Rank>, order: &mut [usize], tie: &[u32], total: &impl Fn(usize) -> Points) {
    super::sorting::sort_by_key(order, |&v| (Reverse(total(v)), tie[v]));
    rank_positions(ranks, order, 0, order.len(), total);
}

/// One unit's total changed from `before` (the others as they were): it moves within its group's
/// order, and only the peers whose total lies between `before` and its new total are ranked again.
pub fn move_unit(
    ranks: &mut Chunked<Rank>,
    order: &mut Vec<usize>,
    tie: &[u32],
    unit: usize,
    before: Points,
    total: &impl Fn(usize) -> Points,
) {
    let after = total(unit);
    if before == after {
        return;
    }
    let key = |v: usize| (Reverse(total(v)), tie[v]);
    // Where the unit was: a binary search on the order as it was (which holds for every other unit).
    let old_key = (Reverse(before), tie[unit]);
    let Ok(from) = order.binary_search_by_key(&old_key, |&v| if v == unit { old_key } else { key(v) }) else {
        // Not this group's order as it was: rank the group from scratch.
        return sort_group(ranks, order, tie, total);
    };
    order.remove(from);
    let to = order.partition_point(|&v| key(v) < key(unit));
    order.insert(to, unit);
    // Ranks change only for units whose total is within [low, high]: a contiguous run of the order.
    let (low, high) = (before.min(after), before.max(after));
    let start = order.partition_point(|&v| total(v) > high);
    let end = order.partition_point(|&v| total(v) >= low);
    rank_positions(ranks, order, start, end, total);
}

/// Ranks the units at positions `start..end` of a group's order. Every unit before `start` has a
/// strictly higher total than the unit at `start`.
fn rank_positions(
    ranks: &mut Chunked<Rank>,
    order: &[usize],
    start: usize,
    end: usize,
    total: &impl Fn(usize) -> Points,
) {
    let of = order.len() as u32;
    let mut rank = start as u32 + 1;
    for i in start..end {
        if i > start && total(order[i]) != total(order[i - 1]) {
            rank = i as u32 + 1;
        }
        let r = Rank { rank, of };
        if ranks[order[i]] != r {
            *ranks.make_mut(order[i]) = r;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ties_share_a_rank_and_the_next_skips() {
        let t = [Points(6000), Points(6500), Points(6000), Points(7000), Points(5000)];
        assert_eq!(competition_ranks(&t), vec![3, 2, 3, 1, 5]);
        assert_eq!(competition_ranks(&[Points(1), Points(1)]), vec![1, 1]);
        assert_eq!(competition_ranks(&[]), Vec::<u32>::new());
    }

    #[test]
    fn moving_one_unit_equals_ranking_from_scratch() {
        // Brute force: random moves of one unit at a time (ties included, small totals), each checked
        // against sorting and ranking the whole group.
        let n = 40;
        let peers =
            Peers { groups: vec![(0..n).collect()], group_of: vec![0; n], tiebreak: (0..n as u32).rev().collect() };
        let mut rng = crate::engine::synthetic::SplitMix(7);
        let mut totals: Vec<Points> = (0..n).map(|_| Points(rng.upto(12) as u32)).collect();
        let (mut ranks, mut order) = rank(&peers, &totals);
        for step in 0..5_000 {
            let u = rng.upto(n as u64 - 1) as usize;
            let before = totals[u];
            totals[u] = Points(rng.upto(12) as u32);
            move_unit(&mut ranks, Rc::make_mut(&mut order[0]), &peers.tiebreak, u, before, &|v| totals[v]);
            assert_eq!((&ranks, &order), (&rank(&peers, &totals).0, &rank(&peers, &totals).1), "step {step}");
            let direct: Vec<u32> = competition_ranks(&totals);
            assert!(ranks.iter().zip(&direct).all(|(r, d)| r.rank == *d), "step {step}");
        }
    }
}
