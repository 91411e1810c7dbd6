//! A province among the provinces of a national list: its rank under a scenario with the others held
//! as published (as the World Bank's ranking simulators do: one economy moves, the rest stand), the
//! total a rank asks for, the provinces it passes, and whether the list and the province's own data
//! agree about it.

use super::points::Points;
use super::scoring::Scores;
use super::snapshot::{Level, Snapshot};

/// A national list (the provinces of one period, each a unit without parent) and its scores.
#[derive(Clone, Debug, PartialEq)]
pub struct Nation {
    pub list: Snapshot,
    /// The engine's scores of the list.
    pub scores: Scores,
    /// Each province's total as the portal published it (the sum of its published group scores), or
    /// the engine's where the list does not say: the others are held at these.
    pub totals: Vec<Points>,
}

/// Where the province stands among the provinces.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Standing {
    /// 1 = best; equal totals share a rank (1, 2, 2, 4).
    pub rank: u32,
    /// How many provinces, this one included.
    pub of: u32,
}

/// How the province's row of the national list differs from the province's own data (its root).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Disagreement {
    /// A group index, or `None` for the total.
    pub group: Option<usize>,
    pub national: Points,
    pub province: Points,
}

impl Nation {
    /// A national list: every unit a province at the top, two at least. `None` for any other snapshot.
    pub fn new(list: Snapshot) -> Option<Nation> {
        let is_list =
            list.units.len() >= 2 && list.units.iter().all(|u| u.level == Level::Province && u.parent.is_none());
        is_list.then(|| {
            let scores = super::scoring::score(&list);
            let totals = list
                .units
                .iter()
                .enumerate()
                .map(|(i, u)| u.published_total().unwrap_or(scores.units[i].total))
                .collect();
            Nation { list, scores, totals }
        })
    }

    /// The list's row for a province code.
    pub fn find(&self, code: &str) -> Option<usize> {
        self.list.unit_index(code)
    }

    /// The published totals of the other provinces, best first.
    fn others(&self, at: usize) -> Vec<Points> {
        let mut t: Vec<Points> = (0..self.list.units.len()).filter(|&i| i != at).map(|i| self.totals[i]).collect();
        super::sorting::sort_by(&mut t, |a, b| b.cmp(a));
        t
    }

    /// The rank of province `at` with `total`, the others as published.
    pub fn standing(&self, at: usize, total: Points) -> Standing {
        let ahead = (0..self.list.units.len()).filter(|&i| i != at && self.totals[i] > total).count();
        Standing { rank: ahead as u32 + 1, of: self.list.units.len() as u32 }
    }

    /// The least total that gives province `at` rank `rank` or better: the `rank`-th best total of the
    /// others (a tie shares the rank). `None` when the rank asks for nothing (it is past the others).
    pub fn total_for_rank(&self, at: usize, rank: u32) -> Option<Points> {
        self.others(at).get(rank.max(1) as usize - 1).copied()
    }

    /// The provinces that `at` passes going from `before` to `after`: ahead of it or level before,
    /// strictly behind after. Best first.
    pub fn passed(&self, at: usize, before: Points, after: Points) -> Vec<usize> {
        let mut p: Vec<usize> = (0..self.list.units.len())
            .filter(|&i| i != at)
            .filter(|&i| self.totals[i] >= before && self.totals[i] < after)
            .collect();
        super::sorting::sort_by(&mut p, |&a, &b| self.totals[b].cmp(&self.totals[a]).then(a.cmp(&b)));
        p
    }

    /// Where the list's row `at` and the province's own root scores differ (groups, then the total).
    pub fn disagreements(
        &self,
        at: usize,
        province: &Snapshot,
        province_scores: &Scores,
        root: usize,
    ) -> Vec<Disagreement> {
        let (n, p) = (&self.scores.units[at], &province_scores.units[root]);
        let mut out: Vec<Disagreement> = Vec::new();
        if !std::sync::Arc::ptr_eq(&self.list.methodology, &province.methodology)
            && self.list.methodology.id != province.methodology.id
        {
            out.push(Disagreement { group: None, national: n.total, province: p.total });
            return out;
        }
        for (g, (a, b)) in n.groups.iter().zip(&p.groups).enumerate() {
            if a.points != b.points {
                out.push(Disagreement { group: Some(g), national: a.points, province: b.points });
            }
        }
        if n.total != p.total {
            out.push(Disagreement { group: None, national: n.total, province: p.total });
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::methodology::Methodology;
    use crate::engine::snapshot::{Builder, UnitDraft};
    use crate::engine::{Meta, Place};

    /// Provinces with these totals (all in the CLGQ score they are given; the other groups 0).
    fn list(totals: &[u32]) -> Nation {
        let m = Methodology::default_version();
        let clgq = m.group_index("CLGQ").unwrap();
        let mut b = Builder::new(m.clone());
        for (i, &t) in totals.iter().enumerate() {
            let code = format!("P{i}");
            let mut d = UnitDraft::new(&m, &code, &code, Level::Province, Place::default());
            d.given_groups = vec![Some(Points::ZERO); m.groups.len()];
            d.given_groups[clgq] = Some(Points(t));
            b.add(d);
        }
        Nation::new(b.finish(Meta::default()).unwrap()).unwrap()
    }

    #[test]
    fn rank_among_the_others_as_published() {
        // Totals 9, 8, 8, 5, 3 (hundredths); province P3 (5) moves.
        let n = list(&[900, 800, 800, 500, 300]);
        assert_eq!(n.standing(3, Points(500)), Standing { rank: 4, of: 5 });
        assert_eq!(n.standing(3, Points(800)), Standing { rank: 2, of: 5 }, "level with two: shares their rank");
        assert_eq!(n.standing(3, Points(801)), Standing { rank: 2, of: 5 });
        assert_eq!(n.standing(3, Points(901)), Standing { rank: 1, of: 5 });
        assert_eq!(n.standing(3, Points(0)), Standing { rank: 5, of: 5 });
        // Top 2 asks for 8 (level with the two at 8); top 1 for 9; top 3 also 8.
        assert_eq!(n.total_for_rank(3, 1), Some(Points(900)));
        assert_eq!(n.total_for_rank(3, 2), Some(Points(800)));
        assert_eq!(n.total_for_rank(3, 3), Some(Points(800)));
        assert_eq!(n.total_for_rank(3, 4), Some(Points(300)));
        assert_eq!(n.total_for_rank(3, 5), None);
        for r in 1..=4 {
            let t = n.total_for_rank(3, r).unwrap();
            assert!(n.standing(3, t).rank <= r, "reaching the total gives the rank");
            assert!(n.standing(3, Points(t.0 - 1)).rank > r, "and one hundredth less does not");
        }
        assert_eq!(n.passed(3, Points(500), Points(850)), vec![1, 2]);
        assert_eq!(n.passed(3, Points(500), Points(500)), Vec::<usize>::new());
    }

    #[test]
    fn only_a_list_of_provinces_is_a_nation() {
        let s = crate::datasets::sample();
        assert!(Nation::new(s).is_none());
    }
}
