//! The index's rules as versioned data: groups, metrics (portal codes), maxima, rule kinds, thresholds,
//! zero-denominator policies, inheritance and the portal's CSV columns. A version is a JSON file in
//! `methodology/`; see `docs/methodology-format.md`.

use std::ops::Range;
use std::sync::{Arc, OnceLock};

use serde_json::Value;

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
    /// What the counts of which kinds accrue over a period ("dossiers", "petitions"): a plan to a later
    /// date projects them at the pace so far (`engine::projection`); other counts (procedures) are stocks.
    pub flows: Vec<String>,
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
    /// The name in English (empty: the English table shows `name`).
    pub name_en: String,
    /// Index of the group in `Methodology::groups`.
    pub group: usize,
    pub max: Points,
    pub rule: Rule,
    pub arithmetic: Arithmetic,
    pub zero_denominator: ZeroDenominator,
    pub inherit: Inherit,
    /// What the numerator and denominator count: "dossiers", "procedures", "petitions"…
    pub counts: String,
    pub portal: Option<PortalColumns>,
    /// A metric whose numerator also counts in this one (by index): on the portal a dossier handled on
    /// time is also one received without delay, so DOSSIER_RECEIVING_SATISFACTION follows
    /// DOSSIER_ON_TIME. A scenario that moves the followed count moves this one by as many (within its
    /// denominator).
    pub follows: Option<usize>,
    /// The counts of a province's units add up into the province's own (dossiers; a unit's petitions are
    /// part of the province's): a scenario that moves a unit's numerator moves its root's by as many.
    /// Not for distinct counts (procedures) nor the province's own metrics.
    pub rolls_up: bool,
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

/// How a metric's points are computed from its rule.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Arithmetic {
    /// On the exact fraction, rounded once, half-up, to hundredths (every group but TTTT).
    #[default]
    Exact,
    /// As the portal computes the online-payment group: the rate in percent rounded half-up to two
    /// decimals, in binary floating point, then the rule on that percentage, the result rounded half-up
    /// from its exact binary value (a product landing on 5,595 is 5,59499… and gives 5,59).
    PercentF64,
}

/// What a metric scores when its denominator is zero (nothing to count).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ZeroDenominator {
    /// 0 points.
    Zero,
    /// Full points (no petitions means none handled badly).
    Full,
    /// The portal shows no score (null); the group counts it as 0.
    Null,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Inherit {
    /// Each unit's own counts.
    #[default]
    None,
    /// Computed once for the top unit of the tree (the province) and copied to every unit under it.
    Root,
}

#[derive(Clone, Debug, PartialEq)]
pub struct PortalColumns {
    /// Columns summed into the numerator.
    pub num: Vec<String>,
    /// Columns summed into the denominator.
    pub den: Vec<String>,
    /// The portal's own score for the metric, where it publishes one.
    pub score: Option<String>,
}

/// Why a methodology file is not usable. Methodology files are the developers' data, shipped in the
/// program and checked by its tests: these are diagnostics in English, not text for users.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum MethodologyError {
    #[error("methodology file: JSON syntax error at line {line}, column {column}")]
    Json { line: usize, column: usize },
    #[error("methodology `{id}`: {what}")]
    Invalid { id: String, what: String },
}

/// Reads a methodology file by walking `serde_json::Value`, as the snapshot reader does: one JSON
/// code path in the program (serde's derives for these few structs cost ~25 KB of wasm).
struct Reader<'a> {
    id: &'a str,
}

type Obj = serde_json::Map<String, Value>;

impl Reader<'_> {
    fn bad(&self, what: String) -> MethodologyError {
        MethodologyError::Invalid { id: self.id.to_owned(), what }
    }

    fn object<'v>(&self, v: &'v Value, what: &str, fields: &[&str]) -> Result<&'v Obj, MethodologyError> {
        let o = v.as_object().ok_or_else(|| self.bad(format!("{what}: must be an object")))?;
        if let Some(k) = o.keys().find(|k| !fields.contains(&k.as_str())) {
            return Err(self.bad(format!("{what}: unsupported field `{k}`")));
        }
        Ok(o)
    }

    fn text(&self, o: &Obj, key: &str, what: &str) -> Result<String, MethodologyError> {
        o.get(key)
            .and_then(Value::as_str)
            .map(str::to_owned)
            .ok_or_else(|| self.bad(format!("{what}: missing field `{key}`")))
    }

    fn points(&self, o: &Obj, key: &str, what: &str) -> Result<Points, MethodologyError> {
        o.get(key)
            .filter(|v| v.is_number())
            .and_then(|v| Points::parse(&v.to_string()))
            .ok_or_else(|| self.bad(format!("{what}: `{key}` must be non-negative points")))
    }

    fn columns(&self, o: &Obj, key: &str, what: &str) -> Result<Vec<String>, MethodologyError> {
        let list = o
            .get(key)
            .and_then(Value::as_array)
            .ok_or_else(|| self.bad(format!("{what}: portal.{key} must be a list of columns")))?;
        list.iter()
            .map(|c| {
                c.as_str().map(str::to_owned).ok_or_else(|| self.bad(format!("{what}: a column name must be a string")))
            })
            .collect()
    }

    fn metric(&self, v: &Value, group: usize) -> Result<Metric, MethodologyError> {
        let fields = [
            "code",
            "name",
            "name_en",
            "max",
            "rule",
            "zero_denominator",
            "inherit",
            "counts",
            "portal",
            "follows",
            "rolls_up",
        ];
        let o = self.object(v, "metric", &fields)?;
        let code = self.text(o, "code", "metric")?;
        let what = code.as_str();
        let rule_obj = self.object(
            o.get("rule").unwrap_or(&Value::Null),
            &format!("{what}.rule"),
            &["kind", "threshold", "arithmetic"],
        )?;
        let arithmetic = match rule_obj.get("arithmetic").map(Value::as_str) {
            None | Some(Some("exact")) => Arithmetic::Exact,
            Some(Some("percent_f64")) => Arithmetic::PercentF64,
            _ => return Err(self.bad(format!("{what}: rule.arithmetic must be exact or percent_f64"))),
        };
        let rule = match (rule_obj.get("kind").and_then(Value::as_str), rule_obj.get("threshold")) {
            (Some("linear"), None) => Rule::Linear,
            (Some("given"), None) => Rule::Given,
            (Some("monitor"), None) => Rule::Monitor,
            (Some("target"), Some(t)) => Rule::Target(
                Some(t)
                    .filter(|t| t.is_number())
                    .and_then(|t| Decimal::parse(&t.to_string()))
                    .filter(|d| d.digits > 0 && d.digits <= 10u64.pow(d.scale))
                    .ok_or_else(|| self.bad(format!("{what}: threshold `{t}` must be in (0, 1]")))?,
            ),
            _ => {
                return Err(
                    self.bad(format!("{what}: rule must be linear, target (with a threshold), given or monitor"))
                )
            }
        };
        let zero_denominator = match o.get("zero_denominator").and_then(Value::as_str) {
            Some("zero") => ZeroDenominator::Zero,
            Some("full") => ZeroDenominator::Full,
            Some("null") => ZeroDenominator::Null,
            _ => return Err(self.bad(format!("{what}: zero_denominator must be zero, full or null"))),
        };
        let inherit = match o.get("inherit").map(|v| v.as_str()) {
            None | Some(Some("none")) => Inherit::None,
            Some(Some("root")) => Inherit::Root,
            _ => return Err(self.bad(format!("{what}: inherit must be none or root"))),
        };
        let portal = match o.get("portal") {
            None => None,
            Some(p) => {
                let p = self.object(p, &format!("{what}.portal"), &["num", "den", "score"])?;
                Some(PortalColumns {
                    num: self.columns(p, "num", what)?,
                    den: self.columns(p, "den", what)?,
                    score: p.get("score").and_then(Value::as_str).map(str::to_owned),
                })
            }
        };
        let rolls_up = match o.get("rolls_up") {
            None => false,
            Some(Value::Bool(b))
                if !*b || (inherit == Inherit::None && !matches!(rule, Rule::Given | Rule::Monitor)) =>
            {
                *b
            }
            Some(_) => {
                return Err(self.bad(format!("{what}: rolls_up is true or false, for a unit's own counted metric")))
            }
        };
        Ok(Metric {
            name: self.text(o, "name", what)?,
            name_en: o.get("name_en").and_then(Value::as_str).unwrap_or_default().to_owned(),
            max: self.points(o, "max", what)?,
            counts: self.text(o, "counts", what)?,
            code,
            group,
            rule,
            zero_denominator,
            inherit,
            portal,
            follows: None,
            arithmetic,
            rolls_up,
        })
    }
}

impl Methodology {
    /// Reads and checks a methodology version from its JSON text.
    pub fn from_json(text: &str) -> Result<Methodology, MethodologyError> {
        let v: Value =
            serde_json::from_str(text).map_err(|e| MethodologyError::Json { line: e.line(), column: e.column() })?;
        let id = v.get("id").and_then(Value::as_str).unwrap_or("?").to_owned();
        let r = Reader { id: &id };
        let top = r.object(&v, "methodology", &["id", "name", "description", "total_max", "flows", "groups"])?;
        let group_values =
            top.get("groups").and_then(Value::as_array).ok_or_else(|| r.bad("missing the list of groups".into()))?;
        let mut groups: Vec<Group> = Vec::new();
        let mut metrics: Vec<Metric> = Vec::new();
        for (gi, gv) in group_values.iter().enumerate() {
            let g = r.object(gv, "group", &["code", "name", "name_en", "max", "portal_file", "metrics"])?;
            let code = r.text(g, "code", "group")?;
            if groups.iter().any(|x| x.code == code) {
                return Err(r.bad(format!("group {code} appears twice")));
            }
            let start = metrics.len();
            let list = g
                .get("metrics")
                .and_then(Value::as_array)
                .ok_or_else(|| r.bad(format!("group {code}: missing its metrics")))?;
            for mv in list {
                let metric = r.metric(mv, gi)?;
                if metrics.iter().any(|x| x.code == metric.code) {
                    return Err(r.bad(format!("metric {} appears twice", metric.code)));
                }
                if (metric.rule == Rule::Monitor) != (metric.max == Points::ZERO) {
                    return Err(r.bad(format!("{}: monitoring metrics, and only they, are worth 0", metric.code)));
                }
                metrics.push(metric);
            }
            let max = r.points(g, "max", &code)?;
            let sum: Points = metrics[start..].iter().map(|m| m.max).sum();
            if sum != max {
                return Err(r.bad(format!("group {code}: its metrics sum to {sum}, not its max {max}")));
            }
            groups.push(Group {
                name: r.text(g, "name", &code)?,
                name_en: g.get("name_en").and_then(Value::as_str).unwrap_or_default().to_owned(),
                max,
                portal_file: g.get("portal_file").and_then(Value::as_str).map(str::to_owned),
                metrics: start..metrics.len(),
                code,
            });
        }
        // Links between metrics, resolved once every code is known.
        for (gi, gv) in group_values.iter().enumerate() {
            let list = gv.get("metrics").and_then(Value::as_array).map(Vec::as_slice).unwrap_or_default();
            for mv in list {
                let Some(followed) = mv.get("follows") else { continue };
                let code = mv.get("code").and_then(Value::as_str).unwrap_or_default();
                let k = metrics.iter().position(|x| x.code == code).unwrap_or(usize::MAX);
                let j = followed.as_str().and_then(|c| metrics.iter().position(|x| x.code == c));
                match j {
                    Some(j)
                        if j != k
                            && metrics[j].counts == metrics[k].counts
                            && metrics[j].inherit == metrics[k].inherit
                            && !matches!(metrics[j].rule, Rule::Given | Rule::Monitor) =>
                    {
                        metrics[k].follows = Some(j)
                    }
                    _ => {
                        return Err(r.bad(format!(
                        "group {}: {code} follows `{followed}`, which must be another counted metric of the same kind",
                        groups.get(gi).map_or("?", |g| g.code.as_str())
                    )))
                    }
                }
            }
        }
        // One step only: a followed metric follows none (whatever the order they were read in).
        if let Some(m) = metrics.iter().find(|m| m.follows.is_some_and(|j| metrics[j].follows.is_some())) {
            return Err(r.bad(format!("{} follows a metric that itself follows another", m.code)));
        }
        let total_max = r.points(top, "total_max", "methodology")?;
        let sum: Points = groups.iter().map(|g| g.max).sum();
        if sum != total_max {
            return Err(r.bad(format!("the groups sum to {sum}, not total_max {total_max}")));
        }
        Ok(Methodology {
            name: r.text(top, "name", "methodology")?,
            description: top.get("description").and_then(Value::as_str).unwrap_or_default().to_owned(),
            flows: match top.get("flows") {
                None => Vec::new(),
                Some(list) => list
                    .as_array()
                    .and_then(|l| l.iter().map(|k| k.as_str().map(str::to_owned)).collect::<Option<Vec<_>>>())
                    .ok_or_else(|| r.bad("flows must be a list of what metrics count (\"dossiers\"…)".into()))?,
            },
            id,
            total_max,
            groups,
            metrics,
        })
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
