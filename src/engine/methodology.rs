//! The index's rules as versioned data: groups, metrics (portal codes), maxima, rule kinds, thresholds,
//! zero-denominator policies, inheritance and the portal's CSV columns. A version is a JSON file in
//! `methodology/`; see `docs/methodology-format.md`.

use std::ops::Range;
use std::sync::{Arc, OnceLock};

use serde::Deserialize;

use super::points::{Decimal, Points};

mod builtin {
    include!(concat!(env!("OUT_DIR"), "/methodologies.rs"));
}

/// The version the embedded Phú Thọ data follows; new snapshots default to it.
pub const DEFAULT_ID: &str = "766-portal-2026";

#[derive(Clone, Debug, PartialEq)]
pub struct Methodology {
    pub id: String,
    pub name: String,
    pub description: String,
    pub total_max: Points,
    pub groups: Vec<Group>,
    /// Every metric, group after group, in the order of the methodology file.
    pub metrics: Vec<Metric>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Group {
    /// CKMB, TDGQ, CLGQ, TTTT, MDSH, MDHL.
    pub code: String,
    pub name: String,
    pub name_en: String,
    pub max: Points,
    /// The portal export's file for this group (folder import).
    pub portal_file: Option<String>,
    /// Indices of this group's metrics in `Methodology::metrics`.
    pub metrics: Range<usize>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Metric {
    /// The portal's metric code (PUBLISH_ON_TIME, ORIGINAL_RESULT_AVAILABLE…).
    pub code: String,
    pub name: String,
    /// Index of the group in `Methodology::groups`.
    pub group: usize,
    pub max: Points,
    pub rule: Rule,
    pub zero_denominator: ZeroDenominator,
    pub inherit: Inherit,
    /// What the numerator and denominator count: "dossiers", "procedures", "petitions"…
    pub counts: String,
    pub portal: Option<PortalColumns>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rule {
    /// `max × num / den`.
    Linear,
    /// `min(max, max × (num / den) / threshold)`: full points from the threshold on.
    Target(Decimal),
    /// The portal publishes only a score; the snapshot carries it.
    Given,
    /// Counted for monitoring, worth no points.
    Monitor,
}

/// What a metric scores when its denominator is zero (nothing to count).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ZeroDenominator {
    /// 0 points.
    Zero,
    /// Full points (no petitions means none handled badly).
    Full,
    /// The portal shows no score (null); the group counts it as 0.
    Null,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Inherit {
    /// Each unit's own counts.
    #[default]
    None,
    /// Computed once for the top unit of the tree (the province) and copied to every unit under it.
    Root,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct PortalColumns {
    /// Columns summed into the numerator.
    pub num: Vec<String>,
    /// Columns summed into the denominator.
    pub den: Vec<String>,
    /// The portal's own score for the metric, where it publishes one.
    #[serde(default)]
    pub score: Option<String>,
}

/// Why a methodology file is not usable.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum MethodologyError {
    #[error("tệp phương pháp không đọc được: {0}")]
    Json(String),
    #[error("phương pháp «{id}»: {what}")]
    Invalid { id: String, what: String },
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileV {
    id: String,
    name: String,
    #[serde(default)]
    description: String,
    total_max: serde_json::Number,
    groups: Vec<FileGroup>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileGroup {
    code: String,
    name: String,
    #[serde(default)]
    name_en: String,
    max: serde_json::Number,
    #[serde(default)]
    portal_file: Option<String>,
    metrics: Vec<FileMetric>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileMetric {
    code: String,
    name: String,
    max: serde_json::Number,
    rule: FileRule,
    zero_denominator: ZeroDenominator,
    #[serde(default)]
    inherit: Inherit,
    counts: String,
    #[serde(default)]
    portal: Option<PortalColumns>,
}

#[derive(Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
enum FileRule {
    Linear,
    Target { threshold: serde_json::Number },
    Given,
    Monitor,
}

impl Methodology {
    /// Reads and checks a methodology version from its JSON text.
    pub fn from_json(text: &str) -> Result<Methodology, MethodologyError> {
        let file: FileV = serde_json::from_str(text).map_err(|e| MethodologyError::Json(e.to_string()))?;
        let id = file.id.clone();
        let bad = |what: String| MethodologyError::Invalid { id: id.clone(), what };
        let points = |n: &serde_json::Number, what: &str| {
            Points::parse(&n.to_string()).ok_or_else(|| bad(format!("{what}: điểm «{n}» không hợp lệ")))
        };
        let mut groups = Vec::new();
        let mut metrics: Vec<Metric> = Vec::new();
        for (gi, g) in file.groups.iter().enumerate() {
            if groups.iter().any(|x: &Group| x.code == g.code) {
                return Err(bad(format!("nhóm {} lặp lại", g.code)));
            }
            let start = metrics.len();
            for m in &g.metrics {
                if metrics.iter().any(|x| x.code == m.code) {
                    return Err(bad(format!("chỉ tiêu {} lặp lại", m.code)));
                }
                let rule = match &m.rule {
                    FileRule::Linear => Rule::Linear,
                    FileRule::Given => Rule::Given,
                    FileRule::Monitor => Rule::Monitor,
                    FileRule::Target { threshold } => {
                        let t = Decimal::parse(&threshold.to_string())
                            .filter(|d| d.digits > 0 && d.digits <= 10u64.pow(d.scale))
                            .ok_or_else(|| bad(format!("{}: ngưỡng «{threshold}» phải trong (0; 1]", m.code)))?;
                        Rule::Target(t)
                    }
                };
                let max = points(&m.max, &m.code)?;
                if (rule == Rule::Monitor) != (max == Points::ZERO) {
                    return Err(bad(format!("{}: chỉ tiêu theo dõi có điểm tối đa 0, và chỉ nó", m.code)));
                }
                metrics.push(Metric {
                    code: m.code.clone(),
                    name: m.name.clone(),
                    group: gi,
                    max,
                    rule,
                    zero_denominator: m.zero_denominator,
                    inherit: m.inherit,
                    counts: m.counts.clone(),
                    portal: m.portal.clone(),
                });
            }
            let max = points(&g.max, &g.code)?;
            let sum: Points = metrics[start..].iter().map(|m| m.max).sum();
            if sum != max {
                return Err(bad(format!("nhóm {}: tổng điểm chỉ tiêu {sum} khác điểm nhóm {max}", g.code)));
            }
            groups.push(Group {
                code: g.code.clone(),
                name: g.name.clone(),
                name_en: g.name_en.clone(),
                max,
                portal_file: g.portal_file.clone(),
                metrics: start..metrics.len(),
            });
        }
        let total_max = points(&file.total_max, "total_max")?;
        let sum: Points = groups.iter().map(|g| g.max).sum();
        if sum != total_max {
            return Err(bad(format!("tổng điểm nhóm {sum} khác tổng tối đa {total_max}")));
        }
        Ok(Methodology { id: file.id, name: file.name, description: file.description, total_max, groups, metrics })
    }

    /// Every version shipped with the program (parsed once).
    pub fn builtin_all() -> &'static [Arc<Methodology>] {
        static ALL: OnceLock<Vec<Arc<Methodology>>> = OnceLock::new();
        ALL.get_or_init(|| {
            builtin::BUILTIN
                .iter()
                // A shipped file that does not parse is caught by the `every_builtin_version_is_valid` test.
                .filter_map(|(_, text)| Methodology::from_json(text).ok().map(Arc::new))
                .collect()
        })
    }

    /// A shipped version by its id.
    pub fn builtin(id: &str) -> Option<Arc<Methodology>> {
        Self::builtin_all().iter().find(|m| m.id == id).cloned()
    }

    /// The version the embedded data follows.
    pub fn default_version() -> Arc<Methodology> {
        Self::builtin(DEFAULT_ID).expect("the default methodology is shipped and valid (tested)")
    }

    pub fn metric_index(&self, code: &str) -> Option<usize> {
        self.metrics.iter().position(|m| m.code == code)
    }

    pub fn group_index(&self, code: &str) -> Option<usize> {
        self.groups.iter().position(|g| g.code == code)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_builtin_version_is_valid() {
        assert!(!builtin::BUILTIN.is_empty());
        for (file, text) in builtin::BUILTIN {
            let m = Methodology::from_json(text).unwrap_or_else(|e| panic!("{file}: {e}"));
            assert_eq!(format!("{}.json", m.id), *file, "a version's file is named after its id");
        }
        assert_eq!(Methodology::builtin_all().len(), builtin::BUILTIN.len());
    }

    #[test]
    fn default_version_has_the_portal_groups() {
        let m = Methodology::default_version();
        let codes: Vec<_> = m.groups.iter().map(|g| g.code.as_str()).collect();
        assert_eq!(codes, ["CKMB", "TDGQ", "CLGQ", "TTTT", "MDSH", "MDHL"]);
        let maxima: Vec<_> = m.groups.iter().map(|g| g.max.hundredths() / 100).collect();
        assert_eq!(maxima, [18, 20, 12, 10, 22, 18]);
        assert_eq!(m.total_max, Points(10000));
    }

    #[test]
    fn inconsistent_maxima_are_refused() {
        let text = include_str!("../../methodology/766-portal-2026.json").replacen("\"max\": 18", "\"max\": 17", 1);
        let err = Methodology::from_json(&text).unwrap_err();
        assert!(err.to_string().contains("CKMB"), "{err}");
    }
}
