//! A snapshot as compact bytes, to hand a checked snapshot from the import worker to the page: decoding
//! is a few milliseconds where re-reading JSON would freeze the page again. Only this program writes it;
//! the decoder still puts it through every check a file gets.

use std::sync::Arc;

use super::methodology::{Methodology, Rule};
use super::points::Points;
use super::problem::{Place, Problem, ProblemKind, Row};
use super::snapshot::{
    counts_input, score_input, Builder, Finishing, Level, Meta, MetricInput, Period, PeriodKind, Snapshot, UnitDraft,
};

const MAGIC: &[u8; 4] = b"CHW1";
const NONE: u32 = u32::MAX;

struct W(Vec<u8>);

impl W {
    fn u32(&mut self, v: u32) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    fn u64(&mut self, v: u64) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    fn text(&mut self, t: &str) {
        self.u32(t.len() as u32);
        self.0.extend_from_slice(t.as_bytes());
    }
    fn opt_text(&mut self, t: Option<&str>) {
        match t {
            Some(t) => {
                self.0.push(1);
                self.text(t);
            }
            None => self.0.push(0),
        }
    }
}

pub fn encode(s: &Snapshot) -> Vec<u8> {
    let mut w = W(Vec::with_capacity(64 + s.units.len() * 256));
    w.0.extend_from_slice(MAGIC);
    w.text(&s.methodology.id);
    w.text(&s.meta.title);
    w.text(&s.meta.source);
    w.opt_text(s.meta.captured.as_deref());
    match &s.meta.period {
        Some(p) => {
            w.0.push(1);
            w.text(p.kind.code());
            w.text(&p.from);
            w.text(&p.to);
        }
        None => w.0.push(0),
    }
    w.u32(s.units.len() as u32);
    for u in &s.units {
        w.text(&u.code);
        w.text(&u.name);
        w.text(u.level.code());
        w.u32(u.parent.map_or(NONE, |p| p as u32));
        w.u32(u.metrics.len() as u32);
        for m in &u.metrics {
            match *m {
                MetricInput::Missing => w.0.push(0),
                MetricInput::Counts { num, den } => {
                    w.0.push(1);
                    w.u64(num);
                    w.u64(den);
                }
                MetricInput::Score(p) => {
                    w.0.push(2);
                    w.u32(p.hundredths());
                }
            }
        }
        for list in [&u.given_groups, &u.published] {
            w.u32(list.len() as u32);
            for g in list {
                w.u32(g.map_or(NONE, |p| p.hundredths()));
            }
        }
    }
    w.0
}

struct R<'a>(&'a [u8]);

impl R<'_> {
    fn take(&mut self, n: usize) -> Option<&[u8]> {
        (self.0.len() >= n).then(|| {
            let (a, b) = self.0.split_at(n);
            self.0 = b;
            a
        })
    }
    fn u8(&mut self) -> Option<u8> {
        self.take(1).map(|b| b[0])
    }
    fn u32(&mut self) -> Option<u32> {
        self.take(4).map(|b| u32::from_le_bytes(b.try_into().unwrap_or_default()))
    }
    fn u64(&mut self) -> Option<u64> {
        self.take(8).map(|b| u64::from_le_bytes(b.try_into().unwrap_or_default()))
    }
    fn text(&mut self) -> Option<String> {
        let n = self.u32()? as usize;
        String::from_utf8(self.take(n)?.to_vec()).ok()
    }
    fn opt_text(&mut self) -> Option<Option<String>> {
        match self.u8()? {
            0 => Some(None),
            1 => Some(Some(self.text()?)),
            _ => None,
        }
    }
}

/// Reads bytes `encode` wrote, through the same checks as every reader (`Builder`: parents, cycles,
/// numerators within their denominators, scores within their maxima, dates): the worker is trusted no
/// more than a file. Bytes this program did not write give `Corrupt`.
pub fn decode(bytes: &[u8]) -> Result<Snapshot, Vec<Problem>> {
    let mut d = Decoder::new(bytes)?;
    while !d.step(usize::MAX)? {}
    d.finish()
}

fn corrupt() -> Vec<Problem> {
    vec![Problem::new(Place::default(), ProblemKind::Corrupt)]
}

/// `decode` in steps of a few thousand units, so that the page can paint between them: a large
/// snapshot never holds the page's thread for long. The result is `decode`'s.
pub struct Decoder<'a> {
    r: R<'a>,
    methodology: Arc<Methodology>,
    meta: Meta,
    units: usize,
    /// Units as drafts (parents by index, kept until every code is known), then the builder's checks.
    drafts: Vec<UnitDraft>,
    parents: Vec<Option<usize>>,
    problems: Vec<Problem>,
    /// Once every unit is read: the builder, and the drafts it has not taken yet.
    builder: Option<(Builder, std::vec::IntoIter<UnitDraft>)>,
    /// Once the builder has every unit: its whole-set checks, in steps.
    finishing: Option<Finishing>,
}

impl<'a> Decoder<'a> {
    pub fn new(bytes: &'a [u8]) -> Result<Decoder<'a>, Vec<Problem>> {
        Decoder::header(bytes).ok_or_else(corrupt)
    }

    fn header(bytes: &'a [u8]) -> Option<Decoder<'a>> {
        let mut r = R(bytes);
        if r.take(4)? != MAGIC {
            return None;
        }
        let methodology: Arc<Methodology> = Methodology::builtin(&r.text()?)?;
        let (title, source, captured) = (r.text()?, r.text()?, r.opt_text()?);
        let period = match r.u8()? {
            0 => None,
            1 => Some(Period { kind: PeriodKind::from_code(&r.text()?)?, from: r.text()?, to: r.text()? }),
            _ => return None,
        };
        let units = r.u32()? as usize;
        let capacity = units.min(r.0.len() / 8);
        Some(Decoder {
            r,
            methodology,
            meta: Meta { title, source, captured, period },
            units,
            drafts: Vec::with_capacity(capacity),
            parents: Vec::with_capacity(capacity),
            problems: Vec::new(),
            builder: None,
            finishing: None,
        })
    }

    /// Reads, then checks, up to `units` more units; true once every unit is read and checked.
    pub fn step(&mut self, units: usize) -> Result<bool, Vec<Problem>> {
        if let Some(f) = &mut self.finishing {
            return Ok(f.step(units));
        }
        if let Some((b, rest)) = &mut self.builder {
            for d in rest.by_ref().take(units) {
                b.add(d);
            }
            if rest.len() == 0 {
                let (b, _) = self.builder.take().expect("the builder is there");
                self.finishing = Some(b.finishing(std::mem::take(&mut self.meta)));
            }
            return Ok(false);
        }
        let end = self.units.min(self.drafts.len().saturating_add(units));
        while self.drafts.len() < end {
            self.unit().ok_or_else(corrupt)?;
        }
        if self.drafts.len() < self.units {
            return Ok(false);
        }
        if !self.r.0.is_empty() {
            return Err(corrupt());
        }
        let mut drafts = std::mem::take(&mut self.drafts);
        for (i, p) in self.parents.iter().enumerate() {
            drafts[i].parent = p.map(|p| drafts[p].code.clone());
        }
        let mut b = Builder::new(Arc::clone(&self.methodology));
        b.problems = std::mem::take(&mut self.problems);
        self.builder = Some((b, drafts.into_iter()));
        Ok(false)
    }

    /// The snapshot, once `step` said every unit is read and checked.
    pub fn finish(self) -> Result<Snapshot, Vec<Problem>> {
        match self.finishing {
            Some(f) => f.done(),
            None => Err(corrupt()),
        }
    }

    /// Reads one unit.
    fn unit(&mut self) -> Option<()> {
        let (methodology, r, n, i) = (&self.methodology, &mut self.r, self.units, self.drafts.len());
        let (code, name) = (r.text()?, r.text()?);
        let level = Level::from_code(&r.text()?)?;
        let place = Place::default().with_row(Row::Unit(i + 1)).with_unit(&code);
        let mut draft = UnitDraft::new(methodology, &code, &name, level, place.clone());
        self.parents.push(match r.u32()? {
            NONE => None,
            p if (p as usize) < n => Some(p as usize),
            _ => return None,
        });
        if r.u32()? as usize != methodology.metrics.len() {
            return None;
        }
        for (k, metric) in methodology.metrics.iter().enumerate() {
            let at = || place.clone().with_field(metric.code.clone());
            let input = match r.u8()? {
                0 => Ok(MetricInput::Missing),
                1 => {
                    let (num, den) = (r.u64()?, r.u64()?);
                    if metric.rule == Rule::Given {
                        Err(Problem::new(at(), ProblemKind::GivenOnly))
                    } else {
                        counts_input(Some(num), Some(den), at)
                    }
                }
                2 => score_input(metric, Points(r.u32()?), at),
                _ => return None,
            };
            match input {
                Ok(input) => draft.metrics[k] = input,
                Err(p) => {
                    self.problems.push(p);
                    draft.refused = true;
                }
            }
        }
        if r.u32()? as usize != methodology.groups.len() {
            return None;
        }
        for g in 0..methodology.groups.len() {
            draft.given_groups[g] = match r.u32()? {
                NONE => None,
                v => Some(Points(v)),
            };
        }
        // Published scores: none, or one per group.
        let published = r.u32()? as usize;
        if published != 0 && published != methodology.groups.len() {
            return None;
        }
        draft.published =
            (0..published).map(|_| r.u32().map(|v| (v != NONE).then_some(Points(v)))).collect::<Option<Vec<_>>>()?;
        self.drafts.push(draft);
        Some(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_refusal() {
        let s = crate::datasets::sample();
        let bytes = encode(&s);
        assert_eq!(decode(&bytes), Ok(s.clone()));
        assert!(bytes.len() < 120_000, "{} bytes", bytes.len());
        for cut in [0, 3, 10, bytes.len() / 2, bytes.len() - 1] {
            assert!(decode(&bytes[..cut]).is_err());
        }
        let mut bad = bytes.clone();
        bad.push(0);
        assert!(decode(&bad).is_err());
        let mut rng = crate::engine::synthetic::SplitMix(1);
        for _ in 0..2000 {
            let mut b = bytes.clone();
            let i = (rng.next_u64() % b.len() as u64) as usize;
            b[i] ^= 1 << (rng.next_u64() % 8);
            let _ = decode(&b); // never panics
        }
    }

    #[test]
    fn in_steps_of_any_size_the_same_snapshot_and_the_same_problems() {
        let s = crate::datasets::sample();
        let bytes = encode(&s);
        for size in [1, 7, 50, 1_000] {
            let mut d = Decoder::new(&bytes).unwrap();
            let mut steps = 0;
            while !d.step(size).unwrap() {
                steps += 1;
            }
            assert!(steps + 1 >= 2 * s.units.len() / size, "{steps} steps of {size}");
            assert_eq!(d.finish(), Ok(s.clone()));
        }
        let mut bad = s.clone();
        let k = bad.methodology.metric_index("ONLINE_PAYMENT_DOSSIER").unwrap();
        bad.units[9].metrics[k] = MetricInput::Counts { num: 11, den: 10 };
        let bytes = encode(&bad);
        let mut d = Decoder::new(&bytes).unwrap();
        while !d.step(3).unwrap() {}
        assert_eq!(d.finish(), decode(&bytes));
        assert!(decode(&bytes).is_err());
        assert!(Decoder::new(&bytes).unwrap().finish().is_err(), "unfinished is not a snapshot");
    }

    #[test]
    fn worker_bytes_get_the_checks_a_file_gets() {
        let mut s = crate::datasets::sample();
        let k = s.methodology.metric_index("ONLINE_PAYMENT_DOSSIER").unwrap();
        s.units[5].metrics[k] = MetricInput::Counts { num: 11, den: 10 };
        let (a, b) = (s.unit_index("H44.100").unwrap(), s.unit_index("H44.101").unwrap());
        s.units[a].parent = Some(b);
        s.units[b].parent = Some(a);
        let problems = decode(&encode(&s)).unwrap_err();
        let kinds: Vec<&ProblemKind> = problems.iter().map(|p| &p.kind).collect();
        assert!(kinds.contains(&&ProblemKind::NumeratorAboveDenominator { num: 11, den: 10 }), "{kinds:?}");
        assert_eq!(kinds.iter().filter(|k| ***k == ProblemKind::ParentCycle).count(), 2, "{kinds:?}");
        assert_eq!(problems[0].place.unit.as_deref(), Some(s.units[5].code.as_str()));
    }
}
