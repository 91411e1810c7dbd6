//! A snapshot as compact bytes, to hand a checked snapshot from the import worker to the page: decoding
//! is a few milliseconds where re-reading JSON would freeze the page again. Only this program writes it;
//! the decoder still puts it through every check a file gets.

use std::sync::Arc;

use super::methodology::{Methodology, Rule};
use super::points::Points;
use super::problem::{Place, Problem, ProblemKind, Row};
use super::snapshot::{
    counts_input, score_input, Builder, Level, Meta, MetricInput, Period, PeriodKind, Snapshot, UnitDraft,
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
    read(bytes).unwrap_or_else(|| Err(vec![Problem::new(Place::default(), ProblemKind::Corrupt)]))
}

fn read(bytes: &[u8]) -> Option<Result<Snapshot, Vec<Problem>>> {
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
    let n = r.u32()? as usize;
    // Units as drafts (parents by index, kept until every code is known), then the builder's checks.
    let mut drafts = Vec::with_capacity(n.min(r.0.len() / 8));
    let mut parents = Vec::with_capacity(drafts.capacity());
    let mut problems = Vec::new();
    for i in 0..n {
        let (code, name) = (r.text()?, r.text()?);
        let level = Level::from_code(&r.text()?)?;
        let place = Place::default().with_row(Row::Unit(i + 1)).with_unit(&code);
        let mut draft = UnitDraft::new(&methodology, &code, &name, level, place.clone());
        parents.push(match r.u32()? {
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
                    problems.push(p);
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
        let n = r.u32()? as usize;
        if n != 0 && n != methodology.groups.len() {
            return None;
        }
        draft.published =
            (0..n).map(|_| r.u32().map(|v| (v != NONE).then_some(Points(v)))).collect::<Option<Vec<_>>>()?;
        drafts.push(draft);
    }
    if !r.0.is_empty() {
        return None;
    }
    for (i, p) in parents.iter().enumerate() {
        drafts[i].parent = p.map(|p| drafts[p].code.clone());
    }
    let mut b = Builder::new(methodology);
    b.problems = problems;
    for d in drafts {
        b.add(d);
    }
    Some(b.finish(Meta { title, source, captured, period }))
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
