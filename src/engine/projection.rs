//! Plans for the time that is left: a snapshot of "year 2026, captured 10/10" covers part of its
//! period, and what is already handled cannot be changed. A projection carries the snapshot to a later
//! date: the counts that accrue over the period (the methodology's `flows`: dossiers, petitions) go on
//! at the pace so far — so many more received per day, handled at the same rates — unless the user
//! types how many will come. The planner then moves only what is still to come: its bounds are the new
//! items ([`Projection::upper`]). The result at the deadline is scored like any snapshot.

use std::collections::BTreeMap;

use super::points::div_round_half_up;
use super::snapshot::{is_iso_date, MetricInput, Snapshot};

/// Days from the civil date 1970-01-01 (proleptic Gregorian), for a valid YYYY-MM-DD.
fn day_number(iso: &str) -> Option<i64> {
    if !is_iso_date(iso) {
        return None;
    }
    let (y, m, d): (i64, i64, i64) = (iso[0..4].parse().ok()?, iso[5..7].parse().ok()?, iso[8..10].parse().ok()?);
    // Howard Hinnant's days_from_civil.
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

/// Days from `from` to `to` (negative if `to` is earlier).
pub fn days_between(from: &str, to: &str) -> Option<i64> {
    Some(day_number(to)? - day_number(from)?)
}

/// Why a snapshot cannot be carried to a date.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ProjectionError {
    /// The snapshot does not say its period and capture date: its pace is unknown.
    NoDates,
    /// The deadline is not after the capture date.
    NotAfter,
    /// The deadline is past the end of the snapshot's period (another period, not more of this one).
    PastPeriod {
        end: String,
    },
    BadDate,
}

impl std::fmt::Display for ProjectionError {
    // Words for people are in `present::text`; this is for logs.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{self:?}")
    }
}

/// A snapshot carried to a deadline.
#[derive(Clone, Debug, PartialEq)]
pub struct Projection {
    pub to: String,
    /// Days observed (the period's start to the capture date, both counted) and days still to come.
    pub elapsed: i64,
    pub remaining: i64,
    /// The snapshot at the deadline, the new items handled at the rates so far.
    pub snapshot: Snapshot,
    /// Per (unit, metric) of a flow: the items still to come, and how many of them are handled well at
    /// the pace so far.
    pub added: BTreeMap<(usize, usize), (u64, u64)>,
}

impl Projection {
    /// The highest numerator a plan may reach at the deadline for a metric of a unit: what was already
    /// counted plus every item still to come (`None` for a metric that is not a flow: as in the snapshot).
    pub fn upper(&self, unit: usize, metric: usize, original: &Snapshot) -> Option<u64> {
        let (den_added, _) = self.added.get(&(unit, metric))?;
        match original.units.get(unit)?.metrics.get(metric)? {
            MetricInput::Counts { num, .. } => Some(num + den_added),
            _ => None,
        }
    }
}

/// Carries a snapshot to `to`. `typed` gives, per (unit, metric), how many items will still come where
/// the user knows better than the pace.
pub fn project(
    snapshot: &Snapshot,
    to: &str,
    typed: &BTreeMap<(usize, usize), u64>,
) -> Result<Projection, ProjectionError> {
    let (Some(period), Some(captured)) = (&snapshot.meta.period, &snapshot.meta.captured) else {
        return Err(ProjectionError::NoDates);
    };
    let elapsed = days_between(&period.from, captured).ok_or(ProjectionError::NoDates)? + 1;
    let remaining = days_between(captured, to).ok_or(ProjectionError::BadDate)?;
    if remaining <= 0 || elapsed <= 0 {
        return Err(ProjectionError::NotAfter);
    }
    if days_between(&period.to, to).ok_or(ProjectionError::BadDate)? > 0 {
        return Err(ProjectionError::PastPeriod { end: period.to.clone() });
    }
    let m = &snapshot.methodology;
    let mut out = snapshot.clone();
    let mut added = BTreeMap::new();
    let scale = |n: u64| div_round_half_up(u128::from(n) * remaining as u128, elapsed as u128) as u64;
    for (u, unit) in out.units.iter_mut().enumerate() {
        for (k, def) in m.metrics.iter().enumerate() {
            if !m.flows.contains(&def.counts) {
                continue;
            }
            let MetricInput::Counts { num, den } = unit.metrics[k] else { continue };
            let den_added = typed.get(&(u, k)).copied().unwrap_or_else(|| scale(den));
            // Handled at the rate so far.
            let num_added = if den == 0 {
                0
            } else {
                div_round_half_up(u128::from(num) * u128::from(den_added), u128::from(den)) as u64
            };
            unit.metrics[k] = MetricInput::Counts { num: num + num_added, den: den + den_added };
            added.insert((u, k), (den_added, num_added));
        }
    }
    out.meta.captured = Some(to.to_owned());
    Ok(Projection { to: to.to_owned(), elapsed, remaining, snapshot: out, added })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_between_civil_dates() {
        assert_eq!(days_between("2026-01-01", "2026-10-10"), Some(282));
        assert_eq!(days_between("2026-10-10", "2026-12-31"), Some(82));
        assert_eq!(days_between("2024-02-28", "2024-03-01"), Some(2));
        assert_eq!(days_between("2026-12-31", "2026-01-01"), Some(-364));
        assert_eq!(days_between("2026-02-30", "2026-03-01"), None);
    }
}
