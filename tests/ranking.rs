//! Ranking with ties among peers; peers kept apart.

mod common;

use chiso::engine::{scoring, Level};
use common::{parse, set_counts, snapshot_json, unit};

#[test]
fn ties_share_a_rank_and_groups_of_peers_stay_apart() {
    let mut doc = snapshot_json(vec![
        unit("P", "province", None),
        unit("P.A", "commune", Some("P")),
        unit("P.B", "commune", Some("P")),
        unit("P.C", "commune", Some("P")),
        unit("P.D", "commune", Some("P")),
        unit("P.X", "department", Some("P")),
        unit("P.Y", "department", Some("P")),
    ]);
    // TDGQ is 20 × on-time rate: totals 100, 99, 99, 98 for the communes.
    set_counts(&mut doc, 2, "DOSSIER_ON_TIME", 19, 20);
    set_counts(&mut doc, 3, "DOSSIER_ON_TIME", 95, 100);
    set_counts(&mut doc, 4, "DOSSIER_ON_TIME", 18, 20);
    // Departments: 99.5 and 90 — one between commune totals, to show it does not count among them.
    set_counts(&mut doc, 5, "DOSSIER_ON_TIME", 195, 200);
    set_counts(&mut doc, 6, "DOSSIER_ON_TIME", 10, 20);
    let s = parse(&doc);
    let scores = scoring::score(&s);
    let ranks: Vec<(u32, u32)> = scores.ranks.iter().map(|r| (r.rank, r.of)).collect();
    assert_eq!(ranks, [(1, 1), (1, 4), (2, 4), (2, 4), (4, 4), (1, 2), (2, 2)]);
    let totals: Vec<String> = scores.units.iter().map(|u| u.total.to_string()).collect();
    assert_eq!(totals, ["100.00", "100.00", "99.00", "99.00", "98.00", "99.50", "90.00"]);
}

#[test]
fn communes_under_different_provinces_are_not_peers() {
    let s = parse(&snapshot_json(vec![
        unit("P", "province", None),
        unit("Q", "province", None),
        unit("P.1", "commune", Some("P")),
        unit("Q.1", "commune", Some("Q")),
    ]));
    let scores = scoring::score(&s);
    let ranks: Vec<(u32, u32)> = scores.ranks.iter().map(|r| (r.rank, r.of)).collect();
    // Two provinces tie among themselves; each commune is alone under its province.
    assert_eq!(ranks, [(1, 2), (1, 2), (1, 1), (1, 1)]);
}

#[test]
fn ranks_of_the_real_data_agree_with_counting_better_peers() {
    let s = common::phu_tho();
    let scores = scoring::score(&s);
    let mut ties = 0;
    for (i, u) in s.units.iter().enumerate() {
        let peers: Vec<usize> =
            (0..s.units.len()).filter(|&j| s.units[j].level == u.level && s.units[j].parent == u.parent).collect();
        let better = peers.iter().filter(|&&j| scores.units[j].total > scores.units[i].total).count();
        assert_eq!(scores.ranks[i].rank as usize, better + 1, "{}", u.code);
        assert_eq!(scores.ranks[i].of as usize, peers.len());
        ties += usize::from(peers.iter().any(|&j| j != i && scores.units[j].total == scores.units[i].total));
    }
    let count = |level| s.units.iter().filter(|u| u.level == level).count();
    assert_eq!((count(Level::Province), count(Level::Department), count(Level::Commune)), (1, 15, 148));
    assert!(ties > 0, "the real data has tied totals, so ties are exercised");
}
