//! Ranking among peers (units of the same level under the same parent) by total, descending, with
//! standard competition ranking as the portal uses: equal totals share a rank and the next rank
//! skips (1, 2, 2, 4).

use std::collections::BTreeMap;

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
        Peers { groups, group_of }
    }
}

/// Ranks of one peer group's totals (same order as given).
pub fn competition_ranks(totals: &[Points]) -> Vec<u32> {
    let mut sorted: Vec<Points> = totals.to_vec();
    sorted.sort_unstable_by(|a, b| b.cmp(a));
    // rank = 1 + number of peers with a strictly higher total
    totals.iter().map(|t| 1 + sorted.partition_point(|s| s > t) as u32).collect()
}

/// The rank of every unit among its peers.
pub fn rank(peers: &Peers, totals: &[Points]) -> Vec<Rank> {
    let mut ranks = vec![Rank { rank: 1, of: 1 }; totals.len()];
    for members in &peers.groups {
        let group_totals: Vec<Points> = members.iter().map(|&i| totals[i]).collect();
        let of = members.len() as u32;
        for (&i, r) in members.iter().zip(competition_ranks(&group_totals)) {
            ranks[i] = Rank { rank: r, of };
        }
    }
    ranks
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
}
