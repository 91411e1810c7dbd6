//! What-if scenarios: overrides on a snapshot (per unit and metric, a new numerator over the same
//! denominator), never mutating it. Evaluating a scenario rescores only the units whose inputs changed
//! and reranks their peer groups.

use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;

use super::methodology::{Inherit, Rule};
use super::points::Decimal;
use super::ranking::{self, Peers};
use super::scoring::{score_unit_with, Scores};
use super::snapshot::{MetricInput, Snapshot};

/// Why a lever cannot be moved that way (its words: `present::text`).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum LeverError {
    /// A given score or a monitoring metric: nothing to count.
    NotMovable(String),
    /// A province-level metric, moved at the root only.
    Inherited {
        metric: String,
        root: String,
    },
    AboveDenominator {
        num: u64,
        den: u64,
    },
    BadRate,
    Unknown,
}

/// The baseline counts of a metric a scenario can move for a unit: `(numerator, denominator)`.
/// Given scores and monitoring metrics are not levers; an inherited metric is a lever of the root only.
pub fn lever(snapshot: &Snapshot, unit: usize, metric: usize) -> Result<(u64, u64), LeverError> {
    let m = &snapshot.methodology;
    let (Some(u), Some(def)) = (snapshot.units.get(unit), m.metrics.get(metric)) else {
        return Err(LeverError::Unknown);
    };
    if matches!(def.rule, Rule::Given | Rule::Monitor) {
        return Err(LeverError::NotMovable(def.code.clone()));
    }
    if def.inherit == Inherit::Root && u.parent.is_some() {
        let root = snapshot.root_of(unit);
        return Err(LeverError::Inherited { metric: def.code.clone(), root: snapshot.units[root].code.clone() });
    }
    match u.metrics.get(metric) {
        Some(MetricInput::Counts { num, den }) => Ok((*num, *den)),
        _ => Err(LeverError::NotMovable(def.code.clone())),
    }
}

/// The metrics of a group a unit can move, with a denominator: (metric, baseline numerator, denominator).
fn group_levers(snapshot: &Snapshot, unit: usize, group: usize) -> Result<Vec<(usize, u64, u64)>, LeverError> {
    let range = snapshot.methodology.groups.get(group).ok_or(LeverError::Unknown)?.metrics.clone();
    Ok(range
        .filter_map(|k| lever(snapshot, unit, k).ok().filter(|&(_, den)| den > 0).map(|(b, d)| (k, b, d)))
        .collect())
}

/// The smallest numerator over `den` whose rate is at least `rate` (a whole number of dossiers).
pub fn count_for_rate(rate: Decimal, den: u64) -> Result<u64, LeverError> {
    let (n, d) = rate.as_fraction();
    if n > d {
        return Err(LeverError::BadRate);
    }
    Ok((u128::from(den) * u128::from(n)).div_ceil(u128::from(d)) as u64)
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Scenario {
    /// (unit, metric) → new numerator. Only values different from the snapshot are kept.
    overrides: BTreeMap<(usize, usize), u64>,
}

impl Scenario {
    pub fn new() -> Scenario {
        Scenario::default()
    }

    pub fn is_empty(&self) -> bool {
        self.overrides.is_empty()
    }

    pub fn len(&self) -> usize {
        self.overrides.len()
    }

    /// Every override: ((unit, metric), numerator).
    pub fn overrides(&self) -> impl Iterator<Item = ((usize, usize), u64)> + '_ {
        self.overrides.iter().map(|(&k, &v)| (k, v))
    }

    pub fn numerator(&self, unit: usize, metric: usize) -> Option<u64> {
        self.overrides.get(&(unit, metric)).copied()
    }

    /// Units that carry an override.
    pub fn units(&self) -> BTreeSet<usize> {
        self.overrides.keys().map(|&(u, _)| u).collect()
    }

    pub fn has_unit(&self, unit: usize) -> bool {
        self.overrides.range((unit, 0)..(unit + 1, 0)).next().is_some()
    }

    /// Sets a metric's numerator for a unit (the baseline value removes the override).
    pub fn set(&mut self, snapshot: &Snapshot, unit: usize, metric: usize, num: u64) -> Result<(), LeverError> {
        let (base, den) = lever(snapshot, unit, metric)?;
        if num > den {
            return Err(LeverError::AboveDenominator { num, den });
        }
        if num == base {
            self.overrides.remove(&(unit, metric));
        } else {
            self.overrides.insert((unit, metric), num);
        }
        Ok(())
    }

    /// How much a scenario moves the metric `metric` follows for a unit (0 for one that follows none):
    /// the followed count's change moves this one's numerator by as many.
    fn linked_change(&self, snapshot: &Snapshot, unit: usize, metric: usize) -> i64 {
        let Some(j) = snapshot.methodology.metrics.get(metric).and_then(|m| m.follows) else { return 0 };
        match (snapshot.units.get(unit).and_then(|u| u.metrics.get(j)), self.overrides.get(&(unit, j))) {
            (Some(MetricInput::Counts { num, .. }), Some(&moved)) => moved as i64 - *num as i64,
            _ => 0,
        }
    }

    /// How much a scenario moves a root's count of a metric that rolls up (`rolls_up` in the
    /// methodology: the province's dossiers are its units' dossiers) through the units under it: the sum of
    /// their changes, each as scored (their own and the count they follow). 0 for any other unit or metric.
    fn rolled_up(&self, snapshot: &Snapshot, unit: usize, metric: usize) -> i64 {
        let Some(def) = snapshot.methodology.metrics.get(metric) else { return 0 };
        if !def.rolls_up || snapshot.units.get(unit).is_none_or(|u| u.parent.is_some()) {
            return 0;
        }
        // The units under this root whose count of `metric` a scenario moves: an override on it or on
        // the metric it follows. (Over the overrides, not the units: a step costs what the plan holds.)
        let moved: BTreeSet<usize> = self
            .overrides
            .keys()
            .filter(|&&(v, k)| v != unit && (k == metric || Some(k) == def.follows) && snapshot.root_of(v) == unit)
            .map(|&(v, _)| v)
            .collect();
        moved
            .into_iter()
            .filter_map(|v| Some(self.shown(snapshot, v, metric)? as i64 - lever(snapshot, v, metric).ok()?.0 as i64))
            .sum()
    }

    /// What the rest of a scenario adds to a unit's own count of a metric: the count it follows, and for
    /// a root the changes of its units that roll up into it.
    fn carried(&self, snapshot: &Snapshot, unit: usize, metric: usize) -> i64 {
        self.linked_change(snapshot, unit, metric) + self.rolled_up(snapshot, unit, metric)
    }

    /// The numerator a metric is scored with for a unit under this scenario (its own count, moved with
    /// the count it follows and, for a province, with its units' counts, within its denominator); `None`
    /// for a metric the unit cannot move.
    pub fn shown(&self, snapshot: &Snapshot, unit: usize, metric: usize) -> Option<u64> {
        let (base, den) = lever(snapshot, unit, metric).ok()?;
        let own = self.numerator(unit, metric).unwrap_or(base);
        Some((own as i64 + self.carried(snapshot, unit, metric)).clamp(0, den as i64) as u64)
    }

    /// Sets the numerator a metric is scored with (what a slider shows): for a metric that follows
    /// another, its own count is what remains once the followed count's change is taken off.
    pub fn set_shown(&mut self, snapshot: &Snapshot, unit: usize, metric: usize, shown: u64) -> Result<(), LeverError> {
        let (_, den) = lever(snapshot, unit, metric)?;
        if shown > den {
            return Err(LeverError::AboveDenominator { num: shown, den });
        }
        let own = (shown as i64 - self.carried(snapshot, unit, metric)).clamp(0, den as i64) as u64;
        self.set(snapshot, unit, metric, own)
    }

    /// Sets a metric to a rate, as the smallest whole count that reaches it.
    pub fn set_rate(
        &mut self,
        snapshot: &Snapshot,
        unit: usize,
        metric: usize,
        rate: Decimal,
    ) -> Result<(), LeverError> {
        let (_, den) = lever(snapshot, unit, metric)?;
        self.set_shown(snapshot, unit, metric, count_for_rate(rate, den)?)
    }

    /// Lifts every movable metric of a group to at least `rate`: a metric already above (in the
    /// snapshot or by this scenario) is never lowered; at 100% every metric with counts earns its
    /// maximum.
    pub fn lift_group(
        &mut self,
        snapshot: &Snapshot,
        unit: usize,
        group: usize,
        rate: Decimal,
    ) -> Result<(), LeverError> {
        for (k, base, den) in group_levers(snapshot, unit, group)? {
            let now = self.shown(snapshot, unit, k).unwrap_or(base);
            self.set_shown(snapshot, unit, k, now.max(count_for_rate(rate, den)?))?;
        }
        Ok(())
    }

    /// Where a group lever stands for a unit under this scenario: the lowest rate among the group's
    /// metrics the unit can move, in whole percent rounded down; `None` if it can move none.
    pub fn group_level(&self, snapshot: &Snapshot, unit: usize, group: usize) -> Option<u64> {
        let levers = group_levers(snapshot, unit, group).ok()?;
        levers
            .into_iter()
            .map(|(k, base, den)| u128::from(self.shown(snapshot, unit, k).unwrap_or(base)) * 100 / u128::from(den))
            .min()
            .map(|p| p as u64)
    }

    /// Moves a group lever from where it stands ([`Scenario::group_level`]) to `percent`. Up: every
    /// metric below rises to it, none is lowered. Down: the metrics the lever had raised (exactly at its
    /// old level) come down to the new level or their baseline; a metric set higher by hand stays.
    pub fn move_group(
        &mut self,
        snapshot: &Snapshot,
        unit: usize,
        group: usize,
        percent: u64,
    ) -> Result<(), LeverError> {
        let percent = percent.min(100);
        let rate = |p: u64| Decimal { digits: p, scale: 2 };
        let Some(old) = self.group_level(snapshot, unit, group) else { return Ok(()) };
        if percent >= old {
            return self.lift_group(snapshot, unit, group, rate(percent));
        }
        for (k, base, den) in group_levers(snapshot, unit, group)? {
            let now = self.shown(snapshot, unit, k).unwrap_or(base);
            if now > base && now == count_for_rate(rate(old), den)? {
                self.set_shown(snapshot, unit, k, base.max(count_for_rate(rate(percent), den)?))?;
            }
        }
        Ok(())
    }

    pub fn clear_metric(&mut self, unit: usize, metric: usize) {
        self.overrides.remove(&(unit, metric));
    }

    pub fn clear_unit(&mut self, unit: usize) {
        self.overrides.retain(|&(u, _), _| u != unit);
    }

    pub fn clear(&mut self) {
        self.overrides.clear();
    }

    /// The input a metric is scored with under this scenario (inherited metrics from the root).
    pub fn input(&self, snapshot: &Snapshot, unit: usize, metric: usize) -> MetricInput {
        let owner = match snapshot.methodology.metrics.get(metric).map(|m| m.inherit) {
            Some(Inherit::Root) => snapshot.root_of(unit),
            _ => unit,
        };
        match snapshot.units[owner].metrics.get(metric) {
            Some(&MetricInput::Counts { num, den }) => {
                let own = self.overrides.get(&(owner, metric)).copied().unwrap_or(num);
                let moved = own as i64 + self.carried(snapshot, owner, metric);
                MetricInput::Counts { num: moved.clamp(0, den as i64) as u64, den }
            }
            Some(input) => *input,
            None => MetricInput::Missing,
        }
    }
}

/// The scores of a snapshot under a scenario, from the scores under a previous scenario: only the
/// units in `changed` (with, for a unit under a root, the root its counts roll up into; and for a root
/// that changed itself, every unit under it, which inherits its metrics) are rescored, and only their
/// peer groups reranked.
pub fn rescore(
    snapshot: &Snapshot,
    peers: &Peers,
    scenario: &Scenario,
    previous: &Scores,
    changed: impl IntoIterator<Item = usize>,
) -> Scores {
    let m = &snapshot.methodology;
    let has_inherited = m.metrics.iter().any(|x| x.inherit == Inherit::Root);
    let rolls_up = m.metrics.iter().any(|x| x.rolls_up);
    let mut units: BTreeSet<usize> = BTreeSet::new();
    for u in changed {
        if u >= snapshot.units.len() {
            continue;
        }
        units.insert(u);
        if snapshot.units[u].parent.is_none() {
            if has_inherited {
                units.extend((0..snapshot.units.len()).filter(|&v| snapshot.root_of(v) == u));
            }
        } else if rolls_up {
            // The root's rolled-up counts moved, not its inherited ones: the root alone is rescored.
            units.insert(snapshot.root_of(u));
        }
    }
    let mut next = previous.clone();
    // Changed units per peer group.
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for &u in &units {
        *next.units.make_mut(u) = Rc::new(score_unit_with(snapshot, u, |v, k| scenario.input(snapshot, v, k)));
        groups.entry(peers.group_of[u]).or_default().push(u);
    }
    let Scores { units: scores, ranks, order } = &mut next;
    let total = |v: usize| scores[v].total;
    let tie = &peers.tiebreak;
    for (g, changed) in groups {
        match changed[..] {
            // One unit moved (a slider step): it moves within its group's order, and only the peers
            // between its old and new total are ranked again. No sort.
            [u] if previous.units[u].total == scores[u].total => {}
            [u] => ranking::move_unit(ranks, Rc::make_mut(&mut order[g]), tie, u, previous.units[u].total, &total),
            _ => ranking::sort_group(ranks, Rc::make_mut(&mut order[g]).as_mut_slice(), tie, &total),
        }
    }
    next
}

/// The scores of a snapshot under a scenario, from scratch.
pub fn evaluate(snapshot: &Snapshot, peers: &Peers, scenario: &Scenario) -> Scores {
    evaluate_from(snapshot, peers, scenario, &super::scoring::score_among(snapshot, peers))
}

/// The scores of a snapshot under a scenario, from the snapshot's own scores.
pub fn evaluate_from(snapshot: &Snapshot, peers: &Peers, scenario: &Scenario, baseline: &Scores) -> Scores {
    rescore(snapshot, peers, scenario, baseline, scenario.units())
}

/// The peers a unit passes under a scenario: ahead of it or level with it before, strictly behind it
/// after. Best first (by their baseline rank).
pub fn passed(peers: &Peers, baseline: &Scores, current: &Scores, unit: usize) -> Vec<usize> {
    let (mine_before, mine_after) = (baseline.units[unit].total, current.units[unit].total);
    // The peers ahead or level before are the head of the baseline's order, best first.
    baseline.order[peers.group_of[unit]]
        .iter()
        .copied()
        .take_while(|&o| baseline.units[o].total >= mine_before)
        .filter(|&o| o != unit && current.units[o].total < mine_after)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_for_rates_round_up_to_whole_dossiers() {
        let r = |s: &str| Decimal::parse(s).unwrap();
        assert_eq!(count_for_rate(r("0.8"), 311), Ok(249)); // 248.8 → 249
        assert_eq!(count_for_rate(r("0.8"), 10), Ok(8));
        assert_eq!(count_for_rate(r("1"), 464_494), Ok(464_494));
        assert_eq!(count_for_rate(r("0"), 5), Ok(0));
        assert_eq!(count_for_rate(r("1.5"), 5), Err(LeverError::BadRate));
    }
}
