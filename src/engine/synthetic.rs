//! Synthetic snapshots of any size, for benchmarks and stress tests (deterministic for a seed).

use std::sync::Arc;

use super::methodology::{Inherit, Methodology, Rule};
use super::points::Points;
use super::snapshot::{Level, Meta, MetricInput, Snapshot, Unit};

/// A small fast PRNG (splitmix64): no dependency needed for test data.
pub struct SplitMix(pub u64);

impl SplitMix {
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..=n`.
    pub fn upto(&mut self, n: u64) -> u64 {
        self.next_u64() % (n + 1)
    }
}

/// One province with `units - 1` children (1 in 100 a department, the rest communes), every metric
/// with counts, CLGQ given as a score on children as the portal does.
pub fn province(methodology: Arc<Methodology>, units: usize, seed: u64) -> Snapshot {
    let m = methodology;
    let mut rng = SplitMix(seed);
    let clgq = m.group_index("CLGQ");
    let mut out = Vec::with_capacity(units);
    for i in 0..units.max(1) {
        let (code, level, parent) = match i {
            0 => ("S00".to_owned(), Level::Province, None),
            i if i % 100 == 1 => (format!("S00.D{i:05}"), Level::Department, Some(0)),
            i => (format!("S00.C{i:05}"), Level::Commune, Some(0)),
        };
        let mut metrics = vec![MetricInput::Missing; m.metrics.len()];
        let mut given_groups = vec![None; m.groups.len()];
        for (k, metric) in m.metrics.iter().enumerate() {
            if (metric.inherit == Inherit::Root && parent.is_some()) || (Some(metric.group) == clgq && parent.is_some())
            {
                continue;
            }
            metrics[k] = match metric.rule {
                Rule::Given => MetricInput::Score(metric.max),
                _ => {
                    let den = rng.upto(5_000);
                    let num = rng.upto(den);
                    // Most units do well on most metrics, as in the real data.
                    let num = if rng.upto(3) > 0 { den - (den - num) / 4 } else { num };
                    MetricInput::Counts { num, den }
                }
            };
        }
        if let (Some(g), Some(_)) = (clgq, parent) {
            given_groups[g] = Some(Points(rng.upto(m.groups[g].max.hundredths().into()) as u32));
        }
        out.push(Unit {
            code,
            name: format!("Đơn vị thử {i}"),
            level,
            parent,
            metrics,
            given_groups,
            published: Vec::new(),
        });
    }
    // Synthetic data reads like the real thing (Vietnamese names): it is data, not display text.
    let meta =
        Meta {
            title: format!("Dữ liệu tổng hợp {units} đơn vị"), source: "chiso synthetic".into(), ..Meta::default()
        };
    Snapshot::new(meta, m, out)
}
