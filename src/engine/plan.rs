//! Planning toward a target: where a unit's points are lost and what recovering them takes, and the
//! plan of least effort that reaches a target total or a rank among its peers.
//!
//! Effort is explicit ([`Effort`]): what one more counted item costs, by kind (a dossier, a procedure,
//! an online service, a petition), a ceiling per metric (the highest rate the unit believes it can
//! reach) and metrics the user locks. A metric's points are a step function of its numerator (capped,
//! rounded to hundredths; the online-payment group's percent-first rule included), so choosing by
//! points per effort is not always optimal: [`seek`] solves the choice exactly, by dynamic programming
//! over hundredths of a point (tested against brute force).

use std::collections::{BTreeMap, BTreeSet};

use super::methodology::{Inherit, Methodology, Rule};
use super::points::{Decimal, Points};
use super::ranking::{Peers, Rank};
use super::scenario::{self, count_for_rate, lever, LeverError, Scenario};
use super::scoring::{metric_points, Scores};
use super::snapshot::{MetricInput, Snapshot};

/// What a plan may spend, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Effort {
    /// Effort of one more counted item, by what a metric counts ("dossiers", "procedures"…).
    pub per_item: BTreeMap<String, u64>,
    /// The highest rate a unit believes it can reach, by metric (index); 100% where not said.
    pub ceilings: BTreeMap<usize, Decimal>,
    /// Metrics the plan must not move.
    pub locked: BTreeSet<usize>,
    /// The highest numerator a metric may reach, whatever its ceiling (a plan to a deadline moves only
    /// the items still to come: `engine::projection`).
    pub upper: BTreeMap<usize, u64>,
}

/// The stated defaults: a dossier is one unit of effort; a petition handled is ten (each is a case);
/// a procedure or an online service is fifty (a procedure to publish, integrate or connect is an
/// administrative change, not one more case handled); anything else ten.
pub const DEFAULT_PER_ITEM: [(&str, u64); 5] =
    [("dossiers", 1), ("petitions", 10), ("procedures", 50), ("services", 50), ("communes", 50)];
/// Effort of one item of a kind not in the table.
pub const DEFAULT_OTHER: u64 = 10;

impl Default for Effort {
    fn default() -> Self {
        Effort {
            per_item: DEFAULT_PER_ITEM.iter().map(|&(k, v)| (k.to_owned(), v)).collect(),
            ceilings: BTreeMap::new(),
            locked: BTreeSet::new(),
            upper: BTreeMap::new(),
        }
    }
}

impl Effort {
    pub fn price(&self, m: &Methodology, metric: usize) -> u64 {
        self.per_item.get(&m.metrics[metric].counts).copied().unwrap_or(DEFAULT_OTHER).max(1)
    }

    pub fn ceiling(&self, metric: usize) -> Decimal {
        self.ceilings.get(&metric).copied().unwrap_or(Decimal { digits: 1, scale: 0 })
    }
}

/// Why a metric is not in the unit's hands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Fixed {
    /// Computed for the province and copied to the unit: moved at the root.
    Inherited { root: String },
    /// A score the portal gives, without counts.
    Given,
    /// No counts to move (nothing counted in the period, or no data).
    NoCounts,
    /// Locked by the user.
    Locked,
}

/// One scored metric of a unit: its points and what recovering what is lost takes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Lost {
    pub metric: usize,
    pub points: Option<Points>,
    pub max: Points,
    pub lost: Points,
    pub how: Recovery,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Recovery {
    /// The unit can move it: from `now` to `to` (the smallest count that earns all it can within the
    /// ceiling) over `den`, recovering `points` for `effort`.
    Movable { now: u64, to: u64, den: u64, points: Points, effort: u64 },
    /// Not in the unit's hands.
    Fixed(Fixed),
}

impl Lost {
    /// Effort per hundredth of a point recovered, for ordering cheapest first (`None`: nothing to get).
    pub fn effort_per_point(&self) -> Option<(u64, u64)> {
        match self.how {
            Recovery::Movable { points, effort, .. } if points > Points::ZERO => Some((effort, u64::from(points.0))),
            _ => None,
        }
    }
}

/// Points of a metric at a numerator over its denominator.
pub(crate) fn points_at(m: &Methodology, metric: usize, num: u64, den: u64) -> Points {
    metric_points(&m.metrics[metric], MetricInput::Counts { num, den }).unwrap_or_default()
}

/// The smallest numerator in `lo..=hi` whose points reach `want` (points are non-decreasing in the
/// numerator), or `None`.
fn count_for_points(m: &Methodology, metric: usize, den: u64, lo: u64, hi: u64, want: Points) -> Option<u64> {
    if hi < lo || points_at(m, metric, hi, den) < want {
        return None;
    }
    let (mut a, mut b) = (lo, hi);
    while a < b {
        let mid = a + (b - a) / 2;
        if points_at(m, metric, mid, den) >= want {
            b = mid;
        } else {
            a = mid + 1;
        }
    }
    Some(a)
}

/// Why a metric is fixed for a unit (before looking at its counts), if it is.
fn fixed(snapshot: &Snapshot, unit: usize, metric: usize, effort: &Effort) -> Option<Fixed> {
    let def = &snapshot.methodology.metrics[metric];
    // A group the portal publishes only as a score for this unit (CLGQ for communes).
    let given_group = snapshot.units[unit].given_groups.get(def.group).is_some_and(|g| g.is_some());
    match lever(snapshot, unit, metric) {
        _ if def.rule == Rule::Given => Some(Fixed::Given),
        Err(LeverError::NotMovable(_)) if given_group => Some(Fixed::Given),
        Err(LeverError::Inherited { root, .. }) => Some(Fixed::Inherited { root }),
        Err(_) => Some(Fixed::NoCounts),
        Ok((_, 0)) => Some(Fixed::NoCounts),
        Ok(_) if effort.locked.contains(&metric) => Some(Fixed::Locked),
        Ok(_) => None,
    }
}

/// The highest numerator the plan may reach: the ceiling's count (and the metric's upper bound, if
/// any), never below where it is now.
pub(crate) fn ceiling_count(effort: &Effort, metric: usize, now: u64, den: u64) -> u64 {
    let ceiling = count_for_rate(effort.ceiling(metric), den).map_or(den, |c| c.min(den));
    effort.upper.get(&metric).map_or(ceiling, |&u| ceiling.min(u)).max(now)
}

/// Every scored metric of a unit under a scenario, with what is lost and what recovering it takes:
/// movable metrics cheapest first (effort per point recovered), then those not in the unit's hands.
pub fn points_lost(
    snapshot: &Snapshot,
    scenario: &Scenario,
    current: &Scores,
    unit: usize,
    effort: &Effort,
) -> Vec<Lost> {
    let m = &snapshot.methodology;
    let score = &current.units[unit];
    let mut rows: Vec<Lost> = Vec::new();
    for (k, def) in m.metrics.iter().enumerate() {
        if def.rule == Rule::Monitor || score.groups[def.group].given {
            continue;
        }
        let points = score.metrics[k];
        let lost = Points(def.max.0.saturating_sub(points.unwrap_or_default().0));
        let how = match (fixed(snapshot, unit, k, effort), scenario.shown(snapshot, unit, k), lever(snapshot, unit, k))
        {
            (Some(why), ..) => Recovery::Fixed(why),
            (None, Some(now), Ok((_, den))) => {
                let hi = ceiling_count(effort, k, now, den);
                let best = points_at(m, k, hi, den);
                let to = count_for_points(m, k, den, now, hi, best).unwrap_or(now);
                let gained = Points(best.0.saturating_sub(points.unwrap_or_default().0));
                Recovery::Movable { now, to, den, points: gained, effort: (to - now) * effort.price(m, k) }
            }
            _ => Recovery::Fixed(Fixed::NoCounts),
        };
        rows.push(Lost { metric: k, points, max: def.max, lost, how });
    }
    // Cheapest first: effort per point ascending (compared as fractions); nothing to get, then fixed, last.
    super::sorting::sort_by(&mut rows, |a, b| {
        let key = |r: &Lost| match (&r.how, r.effort_per_point()) {
            (_, Some(_)) => 0,
            (Recovery::Movable { .. }, None) => 1,
            (Recovery::Fixed(_), _) => 2,
        };
        key(a)
            .cmp(&key(b))
            .then_with(|| match (a.effort_per_point(), b.effort_per_point()) {
                (Some((ea, pa)), Some((eb, pb))) => {
                    (u128::from(ea) * u128::from(pb)).cmp(&(u128::from(eb) * u128::from(pa)))
                }
                _ => std::cmp::Ordering::Equal,
            })
            .then(b.lost.cmp(&a.lost))
            .then(a.metric.cmp(&b.metric))
    });
    rows
}

/// What a plan aims at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Goal {
    /// A total of at least this.
    Total(Points),
    /// A rank among the unit's peers of this or better (1 = first).
    Rank(u32),
}

/// One metric the plan moves.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Step {
    pub metric: usize,
    /// The numerator scored now and in the plan, over `den`.
    pub from: u64,
    pub to: u64,
    pub den: u64,
    pub points_from: Points,
    pub points_to: Points,
    pub effort: u64,
}

/// The plan of least effort toward a goal, and what it gives.
#[derive(Clone, Debug, PartialEq)]
pub struct Plan {
    pub unit: usize,
    /// The total the goal asks for (for a rank: the total of the peer to catch).
    pub needed: Points,
    pub steps: Vec<Step>,
    pub effort: u64,
    /// The scenario with the plan in it, and the unit's total and rank under it (scored by the engine).
    pub scenario: Scenario,
    pub total: Points,
    pub rank: Rank,
    /// The goal is met. When it cannot be (ceilings, locks), the plan is the cheapest one to the best
    /// total reachable.
    pub reached: bool,
}

/// One choice for a group of metrics moved together: hundredths gained, effort, new numerators.
#[derive(Clone, Debug)]
struct Option_ {
    gain: u32,
    cost: u64,
    counts: Vec<(usize, u64)>,
}

/// What a unit can move, as independent items: a metric, or a metric and the one following it (their
/// points depend on each other's counts).
fn items(snapshot: &Snapshot, scenario: &Scenario, unit: usize, effort: &Effort) -> Vec<Vec<Option_>> {
    let m = &snapshot.methodology;
    let movable: Vec<usize> = (0..m.metrics.len())
        .filter(|&k| m.metrics[k].rule != Rule::Monitor && fixed(snapshot, unit, k, effort).is_none())
        .collect();
    // A follower moves with its metric even when locked (then with no counts of its own).
    let follower_of = |j: usize| {
        (0..m.metrics.len()).find(|&k| {
            m.metrics[k].follows == Some(j) && matches!(fixed(snapshot, unit, k, effort), None | Some(Fixed::Locked))
        })
    };
    let mut out = Vec::new();
    for &k in &movable {
        if m.metrics[k].follows.is_some_and(|j| movable.contains(&j)) {
            continue; // planned with the metric it follows
        }
        let Some(now) = scenario.shown(snapshot, unit, k) else { continue };
        let Ok((_, den)) = lever(snapshot, unit, k) else { continue };
        let price = effort.price(m, k);
        let hi = ceiling_count(effort, k, now, den);
        let p0 = points_at(m, k, now, den);
        // The smallest count for each level of points the metric can reach.
        let levels = levels(m, k, den, now, hi);
        match follower_of(k) {
            None => out.push(
                levels
                    .iter()
                    .map(|&(x, p)| Option_ { gain: p.0 - p0.0, cost: (x - now) * price, counts: vec![(k, x)] })
                    .collect(),
            ),
            Some(f) => out.push(linked(snapshot, scenario, unit, effort, (k, now, hi, price, &levels, p0), f)),
        }
    }
    out
}

/// The smallest count for each level of points a metric reaches from `from` up to `hi`.
fn levels(m: &Methodology, metric: usize, den: u64, from: u64, hi: u64) -> Vec<(u64, Points)> {
    let mut out = Vec::new();
    let mut x = from;
    while x <= hi {
        let p = points_at(m, metric, x, den);
        out.push((x, p));
        match count_for_points(m, metric, den, x + 1, hi, Points(p.0 + 1)) {
            Some(next) => x = next,
            None => break,
        }
    }
    out
}

/// The choices for a metric `k` and its follower `f`, exactly: for each level of `k` and each level of
/// the follower, the cheapest counts that reach both. Within one level of `k` its count may go higher
/// (up to the next level) to carry the follower; the follower may also gain counts of its own. For a
/// fixed pair of levels the effort is convex in `k`'s count, so its least is at the level's first count
/// or where `k`'s change alone carries the follower to its level.
fn linked(
    snapshot: &Snapshot,
    scenario: &Scenario,
    unit: usize,
    effort: &Effort,
    (k, now_k, hi_k, price_k, levels_k, p0_k): (usize, u64, u64, u64, &[(u64, Points)], Points),
    f: usize,
) -> Vec<Option_> {
    let m = &snapshot.methodology;
    let (Some(shown_f), Ok((_, den_f))) = (scenario.shown(snapshot, unit, f), lever(snapshot, unit, f)) else {
        return Vec::new();
    };
    let price_f = effort.price(m, f);
    let hi_f = if effort.locked.contains(&f) { shown_f } else { ceiling_count(effort, f, shown_f, den_f) };
    let p0_f = points_at(m, f, shown_f, den_f);
    let levels_f = levels(m, f, den_f, shown_f, den_f);
    let carried = |x_k: u64| (shown_f + (x_k - now_k)).min(den_f);
    // The cheapest option for each gain (gains are at most the two maxima, in hundredths).
    let mut best: Vec<Option<Option_>> = vec![None; (m.metrics[k].max.0 + m.metrics[f].max.0 + 1) as usize];
    let mut offer = |x_k: u64, y: u64, p_k: Points| {
        let y = y.max(carried(x_k));
        let gain = (p_k.0 - p0_k.0) + points_at(m, f, y, den_f).0.saturating_sub(p0_f.0);
        let cost = (x_k - now_k) * price_k + (y - carried(x_k)) * price_f;
        let slot = &mut best[gain as usize];
        if slot.as_ref().is_none_or(|b| cost < b.cost) {
            *slot = Some(Option_ { gain, cost, counts: vec![(k, x_k), (f, y)] });
        }
    };
    for (i, &(x_lo, p_k)) in levels_k.iter().enumerate() {
        let x_hi = levels_k.get(i + 1).map_or(hi_k, |&(next, _)| next - 1);
        offer(x_lo, 0, p_k);
        offer(x_hi, 0, p_k);
        let start = levels_f.partition_point(|&(y, _)| y <= carried(x_lo));
        for &(y, _) in levels_f[start..].iter().take_while(|&&(y, _)| y <= hi_f) {
            offer(x_lo, y, p_k);
            let kink = (y - shown_f + now_k).clamp(x_lo, x_hi);
            offer(kink, y, p_k);
        }
    }
    best.into_iter().flatten().collect()
}

/// The scenario with a unit's counts set to `counts` (numerators as scored).
fn with_counts(snapshot: &Snapshot, scenario: &Scenario, unit: usize, counts: &[(usize, u64)]) -> Scenario {
    let mut s = scenario.clone();
    // Followed metrics first: a follower's own count depends on them.
    let mut ordered = counts.to_vec();
    super::sorting::sort_by_key(&mut ordered, |&(k, _)| snapshot.methodology.metrics[k].follows.is_some());
    for (k, x) in ordered {
        let _ = s.set_shown(snapshot, unit, k, x);
    }
    s
}

/// The total a unit needs for a rank among its peers under the current scores: the R-th best total of
/// the others (equal totals share a rank, so reaching it is enough); `None` if the rank asks for nothing.
fn total_for_rank(peers: &Peers, current: &Scores, unit: usize, rank: u32) -> Option<Points> {
    let g = peers.group_of[unit];
    let others: Vec<Points> =
        current.order[g].iter().filter(|&&v| v != unit).map(|&v| current.units[v].total).collect();
    let r = rank.max(1) as usize;
    (r <= others.len()).then(|| others[r - 1])
}

/// The plan of least effort that takes a unit to a goal, from the scenario as it stands.
pub fn seek(
    snapshot: &Snapshot,
    peers: &Peers,
    scenario: &Scenario,
    current: &Scores,
    unit: usize,
    goal: Goal,
    effort: &Effort,
) -> Plan {
    let now = current.units[unit].total;
    let needed = match goal {
        Goal::Total(t) => t,
        Goal::Rank(r) => total_for_rank(peers, current, unit, r).unwrap_or(Points::ZERO),
    };
    let items = items(snapshot, scenario, unit, effort);
    let reachable: u32 = items.iter().map(|opts| opts.iter().map(|o| o.gain).max().unwrap_or(0)).sum();
    let want = needed.0.saturating_sub(now.0);
    let target = want.min(reachable) as usize;
    // dp[j]: least effort to gain at least j hundredths with the items seen so far; choice[i][j]: the
    // option of item i on that best way.
    const NONE: u64 = u64::MAX;
    let mut dp = vec![NONE; target + 1];
    dp[0] = 0;
    let mut choice: Vec<Vec<u32>> = Vec::with_capacity(items.len());
    for opts in &items {
        let mut next = vec![NONE; target + 1];
        let mut pick = vec![0u32; target + 1];
        for (o, opt) in opts.iter().enumerate() {
            let g = opt.gain as usize;
            for j in 0..=target {
                let from = dp[j.saturating_sub(g)];
                if from == NONE {
                    continue;
                }
                let c = from + opt.cost;
                if c < next[j] {
                    next[j] = c;
                    pick[j] = o as u32;
                }
            }
        }
        dp = next;
        choice.push(pick);
    }
    // Walk back the choices.
    let mut counts: Vec<(usize, u64)> = Vec::new();
    let mut j = target;
    for (i, opts) in items.iter().enumerate().rev() {
        let opt = &opts[choice[i][j] as usize];
        counts.extend(opt.counts.iter().copied());
        j = j.saturating_sub(opt.gain as usize);
    }
    let planned = with_counts(snapshot, scenario, unit, &counts);
    let scores = scenario::rescore(snapshot, peers, &planned, current, [unit]);
    let m = &snapshot.methodology;
    let mut steps: Vec<Step> = Vec::new();
    let mut total_effort = 0;
    for k in 0..m.metrics.len() {
        let (Some(from), Some(to)) = (scenario.shown(snapshot, unit, k), planned.shown(snapshot, unit, k)) else {
            continue;
        };
        if from == to {
            continue;
        }
        let Ok((_, den)) = lever(snapshot, unit, k) else { continue };
        // Effort of the counts the plan adds of this metric's own (a follower moved by its metric costs
        // nothing more).
        let own =
            |s: &Scenario| s.numerator(unit, k).or_else(|| lever(snapshot, unit, k).ok().map(|(b, _)| b)).unwrap_or(0);
        let e = own(&planned).saturating_sub(own(scenario)) * effort.price(m, k);
        total_effort += e;
        steps.push(Step {
            metric: k,
            from,
            to,
            den,
            points_from: current.units[unit].metrics[k].unwrap_or_default(),
            points_to: scores.units[unit].metrics[k].unwrap_or_default(),
            effort: e,
        });
    }
    let total = scores.units[unit].total;
    let rank = scores.ranks[unit];
    let reached = match goal {
        Goal::Total(t) => total >= t,
        Goal::Rank(r) => rank.rank <= r.max(1),
    };
    Plan { unit, needed, steps, effort: total_effort, scenario: planned, total, rank, reached }
}

/// An assigned target set (`chỉ tiêu giao`): a minimum rate per metric.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TargetSet {
    pub name: String,
    pub minimum: Vec<(usize, Decimal)>,
}

/// The commune plan the provinces assign: 100% synced, on time, with electronic results, digitized,
/// petitions on time and satisfied, dossiers without complaint; at least 90% filed online and 70% paid
/// online.
pub const COMMUNE_PRESET: [(&str, &str); 9] = [
    ("DOSSIER_SYNC", "1"),
    ("DOSSIER_ON_TIME", "1"),
    ("ONLINE_DOSSIER_FILED", "0.9"),
    ("ONLINE_PAYMENT_DOSSIER", "0.7"),
    ("ORIGINAL_RESULT_AVAILABLE", "1"),
    ("SO_HOA_GIAY_TO_GIAI_QUYET", "1"),
    ("PETITION_PROCESSING_ON_TIME", "1"),
    ("PETITION_HANDLING_SATISFACTION", "1"),
    ("DOSSIER_RECEIVING_SATISFACTION", "1"),
];

impl TargetSet {
    /// The commune preset for a methodology (metrics it does not have are left out).
    pub fn commune_preset(m: &Methodology, name: &str) -> TargetSet {
        let minimum = COMMUNE_PRESET
            .iter()
            .filter_map(|(code, rate)| Some((m.metric_index(code)?, Decimal::parse(rate)?)))
            .collect();
        TargetSet { name: name.to_owned(), minimum }
    }
}

/// What a target set does to one metric of a unit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TargetLine {
    /// Raised from `from` to `to` over `den`, the smallest whole count that reaches the rate.
    Raised { metric: usize, from: u64, to: u64, den: u64 },
    /// Already at or above its target.
    Met { metric: usize },
    /// The unit cannot move it.
    NotApplicable { metric: usize, why: Fixed },
}

/// Applies a target set to a unit: each metric below its target rises to the smallest count that reaches
/// it; none is lowered. The lines say what happened to each metric of the set.
pub fn apply_targets(snapshot: &Snapshot, scenario: &mut Scenario, unit: usize, set: &TargetSet) -> Vec<TargetLine> {
    let none = Effort::default();
    let mut ordered = set.minimum.clone();
    // Followed metrics first: their change moves their followers.
    super::sorting::sort_by_key(&mut ordered, |&(k, _)| {
        snapshot.methodology.metrics.get(k).is_some_and(|m| m.follows.is_some())
    });
    let mut lines = Vec::new();
    for (k, rate) in ordered {
        if k >= snapshot.methodology.metrics.len() {
            continue;
        }
        if let Some(why) = fixed(snapshot, unit, k, &none) {
            // An inherited metric is the province's target, not the unit's.
            let why = match (why, snapshot.methodology.metrics[k].inherit) {
                (Fixed::NoCounts, Inherit::Root) if snapshot.units[unit].parent.is_some() => {
                    Fixed::Inherited { root: snapshot.units[snapshot.root_of(unit)].code.clone() }
                }
                (why, _) => why,
            };
            lines.push(TargetLine::NotApplicable { metric: k, why });
            continue;
        }
        let (Some(from), Ok((_, den))) = (scenario.shown(snapshot, unit, k), lever(snapshot, unit, k)) else {
            continue;
        };
        let to = count_for_rate(rate, den).unwrap_or(den);
        if to <= from {
            lines.push(TargetLine::Met { metric: k });
        } else if scenario.set_shown(snapshot, unit, k, to).is_ok() {
            lines.push(TargetLine::Raised { metric: k, from, to, den });
        }
    }
    lines
}
