//! A scenario as text, for the URL hash and for saved scenarios: compact enough to paste in a chat, and
//! read back with every problem named (a link can come from anyone).
//!
//! Form: `H44.166:13=1900,14=240;H44.170:3=5` — unit code, then metric index = numerator. Metric
//! indices belong to the snapshot's methodology; a link carries the snapshot's identity too, so they
//! are never applied to other data.

use super::scenario::{LeverError, Scenario};
use super::snapshot::{MetricInput, Snapshot};

/// Longest scenario text accepted.
pub const MAX_LEN: usize = 8_000;
/// Most overrides accepted in one scenario.
pub const MAX_OVERRIDES: usize = 1_000;

/// The identity of a snapshot's content (methodology, units, counts; not its title or source):
/// FNV-1a (64 bits) over its fields, as 16 hex digits. The same data read from a JSON file, the
/// portal's CSV files or the one-table template has the same identity. Hashed field by field, not
/// through a serialisation: a 20 MB snapshot is hashed in milliseconds.
pub fn identity(snapshot: &Snapshot) -> String {
    let mut id = Identity::new(snapshot);
    id.units(snapshot, 0..snapshot.units.len());
    id.finish()
}

/// `identity` in steps: the units a range at a time, in order (the page hashes a large snapshot
/// between frames). FNV-1a over every field, as `identity` has always hashed them.
pub struct Identity(u64);

impl Identity {
    fn bytes(&mut self, b: &[u8]) {
        for &x in b {
            self.0 ^= u64::from(x);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    fn text(&mut self, t: &str) {
        self.bytes(&(t.len() as u64).to_le_bytes());
        self.bytes(t.as_bytes());
    }
    fn num(&mut self, n: u64) {
        self.bytes(&n.to_le_bytes());
    }

    pub fn new(snapshot: &Snapshot) -> Identity {
        let mut h = Identity(0xcbf2_9ce4_8422_2325);
        h.text(&snapshot.methodology.id);
        h
    }

    /// Hashes these units (the next ones in order).
    pub fn units(&mut self, snapshot: &Snapshot, range: std::ops::Range<usize>) {
        for u in &snapshot.units[range] {
            self.text(&u.code);
            self.text(&u.name);
            self.text(u.level.code());
            self.num(u.parent.map_or(u64::MAX, |p| p as u64));
            for input in &u.metrics {
                match *input {
                    MetricInput::Missing => self.num(0),
                    MetricInput::Counts { num, den } => {
                        self.num(1);
                        self.num(num);
                        self.num(den);
                    }
                    MetricInput::Score(p) => {
                        self.num(2);
                        self.num(u64::from(p.hundredths()));
                    }
                }
            }
            for g in &u.given_groups {
                self.num(g.map_or(u64::MAX, |p| u64::from(p.hundredths())));
            }
        }
    }

    pub fn finish(self) -> String {
        format!("{:016x}", self.0)
    }
}

/// Writes a scenario: units in snapshot order, metrics in methodology order.
pub fn encode(snapshot: &Snapshot, scenario: &Scenario) -> String {
    let mut out = String::new();
    let mut last_unit = None;
    for ((u, k), num) in scenario.overrides() {
        if last_unit == Some(u) {
            out.push(',');
        } else {
            if last_unit.is_some() {
                out.push(';');
            }
            out.push_str(&snapshot.units[u].code);
            out.push(':');
            last_unit = Some(u);
        }
        out.push_str(&format!("{k}={num}"));
    }
    out
}

/// Why a scenario text cannot be used (its words: `present::text`).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ShareError {
    TooLong {
        len: usize,
        max: usize,
    },
    TooMany {
        max: usize,
    },
    /// The part that does not read (an excerpt).
    Syntax(String),
    UnknownUnit(String),
    UnknownMetric(usize),
    Lever {
        unit: String,
        error: LeverError,
    },
}

/// Reads a scenario text against a snapshot; every override is checked as a lever move.
pub fn decode(snapshot: &Snapshot, text: &str) -> Result<Scenario, ShareError> {
    if text.len() > MAX_LEN {
        return Err(ShareError::TooLong { len: text.len(), max: MAX_LEN });
    }
    let mut scenario = Scenario::new();
    let mut count = 0;
    for part in text.split(';').filter(|p| !p.is_empty()) {
        let short = super::problem::excerpt;
        let (code, list) = part.split_once(':').ok_or_else(|| ShareError::Syntax(short(part)))?;
        let unit = snapshot.unit_index(code).ok_or_else(|| ShareError::UnknownUnit(short(code)))?;
        for pair in list.split(',') {
            count += 1;
            if count > MAX_OVERRIDES {
                return Err(ShareError::TooMany { max: MAX_OVERRIDES });
            }
            let (k, n) = pair.split_once('=').ok_or_else(|| ShareError::Syntax(short(pair)))?;
            let digits = |s: &str| !s.is_empty() && s.len() <= 19 && s.bytes().all(|b| b.is_ascii_digit());
            if !digits(k) || !digits(n) {
                return Err(ShareError::Syntax(short(pair)));
            }
            let (k, n): (usize, u64) = (
                k.parse().map_err(|_| ShareError::Syntax(short(pair)))?,
                n.parse().map_err(|_| ShareError::Syntax(short(pair)))?,
            );
            if k >= snapshot.methodology.metrics.len() {
                return Err(ShareError::UnknownMetric(k));
            }
            scenario.set(snapshot, unit, k, n).map_err(|error| ShareError::Lever { unit: code.to_owned(), error })?;
        }
    }
    Ok(scenario)
}
