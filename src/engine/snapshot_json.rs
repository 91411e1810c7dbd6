//! Snapshot file format v1 (`docs/snapshot-format.md`): reading with every problem named, writing
//! one unit per line so that files diff well.

use std::collections::HashMap;
use std::sync::Arc;

use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;
use serde_json::Value;

use super::methodology::{Methodology, Rule};
use super::points::Points;
use super::problem::{excerpt, parse_count, Expected, Place, Problem, ProblemKind, Row};
use super::snapshot::{
    counts_input, is_iso_date, score_cell, Builder, Level, Meta, MetricInput, Period, PeriodKind, Snapshot, UnitDraft,
};

pub const FORMAT: &str = "chiso.snapshot";
pub const VERSION: u64 = 1;

const TOP_FIELDS: [&str; 8] = ["format", "version", "title", "source", "captured", "period", "methodology", "units"];
const UNIT_FIELDS: [&str; 7] = ["code", "name", "level", "parent", "metrics", "given_groups", "published"];

/// Reads a snapshot file whose methodology is one of the shipped versions. `file` names it in messages.
pub fn parse(text: &str, file: &str) -> Result<Snapshot, Vec<Problem>> {
    parse_with(text, file, Methodology::builtin)
}

/// A JSON syntax error, placed at its line and column.
pub fn json_problem(file: &str, e: &serde_json::Error) -> Problem {
    let message = e.to_string();
    let what = match e.classify() {
        serde_json::error::Category::Eof => ProblemKind::TruncatedJson,
        serde_json::error::Category::Data if message.starts_with(super::json::DUPLICATE) => {
            let key = &message[super::json::DUPLICATE.len()..];
            ProblemKind::DuplicateKey(key.rsplit_once(" at line ").map_or(key, |(k, _)| k).to_owned())
        }
        _ => ProblemKind::BadJson { column: e.column() as u64 },
    };
    Problem::new(Place::file(file).with_row(Row::Line(e.line() as u64)), what)
}

/// Reads a snapshot file, finding its methodology version with `resolve` (by id).
pub fn parse_with(
    text: &str,
    file: &str,
    resolve: impl Fn(&str) -> Option<Arc<Methodology>>,
) -> Result<Snapshot, Vec<Problem>> {
    let here = Place::file(file);
    let root: Value = super::json::from_str(text.strip_prefix('\u{feff}').unwrap_or(text))
        .map_err(|e| vec![json_problem(file, &e)])?;
    let Some(obj) = root.as_object() else {
        return Err(vec![Problem::new(here, ProblemKind::WrongType(Expected::Document))]);
    };
    let mut problems = Vec::new();
    let field = |name: &str| here.clone().with_field(name);
    let format_ok = obj.get("format").and_then(Value::as_str) == Some(FORMAT)
        && obj.get("version").and_then(Value::as_u64) == Some(VERSION);
    if !format_ok {
        let seen = format!(
            "{} {}",
            obj.get("format").map_or("—".to_owned(), |v| excerpt(&v.to_string())),
            obj.get("version").map_or(String::new(), |v| excerpt(&v.to_string()))
        );
        return Err(vec![Problem::new(field("format"), ProblemKind::UnsupportedFormat(seen.trim().to_owned()))]);
    }
    for key in obj.keys().filter(|k| !TOP_FIELDS.contains(&k.as_str())) {
        problems.push(Problem::new(field(key), ProblemKind::UnknownField));
    }
    let text_field = |name: &str, required: bool, problems: &mut Vec<Problem>| match obj.get(name) {
        Some(Value::String(s)) => Some(s.clone()),
        None | Some(Value::Null) if !required => None,
        None => {
            problems.push(Problem::new(field(name), ProblemKind::MissingField));
            None
        }
        Some(_) => {
            problems.push(Problem::new(field(name), ProblemKind::WrongType(Expected::Text)));
            None
        }
    };
    let title = text_field("title", true, &mut problems).unwrap_or_default();
    let source = text_field("source", false, &mut problems).unwrap_or_default();
    // Its date is checked with the rest of the snapshot, by the builder.
    let captured = text_field("captured", false, &mut problems);
    let period = match obj.get("period") {
        None | Some(Value::Null) => None,
        Some(v) => read_period(v, &field("period"), &mut problems),
    };
    let methodology_id = text_field("methodology", true, &mut problems);
    let methodology = match methodology_id.as_deref().map(|id| (id, resolve(id))) {
        Some((_, Some(m))) => m,
        Some((id, None)) => {
            problems.push(Problem::new(field("methodology"), ProblemKind::UnknownMethodology(id.to_owned())));
            return Err(problems);
        }
        None => return Err(problems),
    };
    let units = match obj.get("units") {
        Some(Value::Array(units)) => units,
        Some(_) => {
            problems.push(Problem::new(field("units"), ProblemKind::WrongType(Expected::List)));
            return Err(problems);
        }
        None => {
            problems.push(Problem::new(field("units"), ProblemKind::MissingField));
            return Err(problems);
        }
    };
    let index: HashMap<&str, usize> =
        methodology.metrics.iter().enumerate().map(|(k, m)| (m.code.as_str(), k)).collect();
    let mut builder = Builder::new(Arc::clone(&methodology)).in_file(file);
    builder.problems = problems;
    for (i, unit) in units.iter().enumerate() {
        let place = here.clone().with_row(Row::Unit(i + 1));
        read_unit(unit, place, &index, &mut builder);
    }
    builder.finish(Meta { title, source, captured, period })
}

fn read_period(v: &Value, place: &Place, problems: &mut Vec<Problem>) -> Option<Period> {
    let bad = |problems: &mut Vec<Problem>| {
        problems.push(Problem::new(place.clone(), ProblemKind::BadPeriod(excerpt(&v.to_string()))));
        None
    };
    let Some(o) = v.as_object() else { return bad(problems) };
    let (Some(kind), Some(from), Some(to)) = (
        o.get("kind").and_then(Value::as_str).and_then(PeriodKind::from_code),
        o.get("from").and_then(Value::as_str).filter(|d| is_iso_date(d)),
        o.get("to").and_then(Value::as_str).filter(|d| is_iso_date(d)),
    ) else {
        return bad(problems);
    };
    if from > to || o.len() != 3 {
        return bad(problems);
    }
    Some(Period { kind, from: from.to_owned(), to: to.to_owned() })
}

fn read_unit(v: &Value, place: Place, index: &HashMap<&str, usize>, b: &mut Builder) {
    let Some(o) = v.as_object() else {
        b.problem(place, ProblemKind::WrongType(Expected::Object));
        return;
    };
    let code = o.get("code").and_then(Value::as_str).unwrap_or("").trim().to_owned();
    let place = place.with_unit(&code);
    let f = |name: &str| place.clone().with_field(name);
    for key in o.keys().filter(|k| !UNIT_FIELDS.contains(&k.as_str())) {
        b.problem(f(key), ProblemKind::UnknownField);
    }
    let name = match o.get("name") {
        Some(Value::String(s)) => s.clone(),
        None => {
            b.problem(f("name"), ProblemKind::MissingField);
            String::new()
        }
        Some(_) => {
            b.problem(f("name"), ProblemKind::WrongType(Expected::Text));
            String::new()
        }
    };
    let level = match o.get("level") {
        Some(Value::String(s)) => Level::from_code(s).or_else(|| {
            b.problem(f("level"), ProblemKind::UnknownLevel(excerpt(s)));
            None
        }),
        None => {
            b.problem(f("level"), ProblemKind::MissingField);
            None
        }
        Some(other) => {
            b.problem(f("level"), ProblemKind::UnknownLevel(excerpt(&other.to_string())));
            None
        }
    };
    let parent = match o.get("parent") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => Some(s.clone()),
        Some(_) => {
            b.problem(f("parent"), ProblemKind::WrongType(Expected::UnitCodeOrNull));
            None
        }
    };
    if o.get("code").is_some_and(|c| !c.is_string()) {
        b.problem(f("code"), ProblemKind::WrongType(Expected::Text));
        return;
    }
    let Some(level) = level else { return };
    let m = Arc::clone(b.methodology());
    let mut draft = UnitDraft::new(&m, &code, &name, level, place.clone());
    draft.parent = parent;
    let mut ok = true;
    match o.get("metrics") {
        None => {}
        Some(Value::Object(metrics)) => {
            for (key, value) in metrics {
                match read_metric(&m, index, key, value, &place) {
                    Ok((k, input)) => draft.metrics[k] = input,
                    Err(p) => {
                        b.problems.push(p);
                        ok = false;
                    }
                }
            }
        }
        Some(_) => {
            b.problem(f("metrics"), ProblemKind::WrongType(Expected::MetricMap));
            ok = false;
        }
    }
    for (key, published) in [("given_groups", false), ("published", true)] {
        match read_group_map(b, &m, o.get(key), key, &f) {
            Ok(None) => {}
            Ok(Some(scores)) if published => draft.published = scores,
            Ok(Some(scores)) => draft.given_groups = scores,
            Err(()) => ok = false,
        }
    }
    if ok {
        b.add(draft);
    } else if !code.is_empty() && b.index_of(&code).is_none() {
        // Keep the code known so that its children are not also reported with an unknown parent.
        draft.refused = true;
        b.add(draft);
    }
}

fn read_score(v: &Value) -> Option<Points> {
    match v {
        Value::Number(n) => Points::parse(&n.to_string()),
        _ => None,
    }
}

// The readers below take the place of a problem as a function: it is built only when a problem is
// found (building it for every metric of every unit was two thirds of the time on a 20 MB file).

fn read_count(v: Option<&Value>, at: impl Fn() -> Place) -> Result<Option<u64>, Problem> {
    match v {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Number(n)) => n.as_u64().map(Some).ok_or_else(|| {
            let text = excerpt(&n.to_string());
            let kind = if text.starts_with('-') { ProblemKind::Negative(text) } else { ProblemKind::BadNumber(text) };
            Problem::new(at(), kind)
        }),
        // Counts typed as text in a hand-made file: the same rules as in CSV.
        Some(Value::String(s)) => parse_count(s).map(Some).map_err(|k| Problem::new(at(), k)),
        Some(other) => Err(Problem::new(at(), ProblemKind::BadNumber(excerpt(&other.to_string())))),
    }
}

/// A map of group scores (`{"CKMB": 7.96, …}`), one per group index; `None` when absent. Problems are
/// reported to the builder (`Err` once any was).
fn read_group_map(
    b: &mut Builder,
    m: &Methodology,
    value: Option<&Value>,
    key: &str,
    f: &dyn Fn(&str) -> Place,
) -> Result<Option<Vec<Option<Points>>>, ()> {
    let Some(value) = value else { return Ok(None) };
    let Value::Object(groups) = value else {
        b.problem(f(key), ProblemKind::WrongType(Expected::GroupMap));
        return Err(());
    };
    let mut scores = vec![None; m.groups.len()];
    let mut ok = true;
    for (code, value) in groups {
        let fp = f(&format!("{key}.{code}"));
        let Some(gi) = m.group_index(code) else {
            b.problem(fp, ProblemKind::UnknownGroup(m.id.clone()));
            ok = false;
            continue;
        };
        match read_score(value) {
            Some(p) => scores[gi] = Some(p),
            None => {
                b.problem(fp, ProblemKind::BadScore(excerpt(&value.to_string())));
                ok = false;
            }
        }
    }
    if ok {
        Ok(Some(scores))
    } else {
        Err(())
    }
}

fn read_metric(
    m: &Methodology,
    index: &HashMap<&str, usize>,
    code: &str,
    v: &Value,
    unit: &Place,
) -> Result<(usize, MetricInput), Problem> {
    let at = |suffix: &str| unit.clone().with_field(format!("metrics.{code}{suffix}"));
    let k = *index.get(code).ok_or_else(|| Problem::new(at(""), ProblemKind::UnknownMetric(m.id.clone())))?;
    let metric = &m.metrics[k];
    let o = v.as_object().ok_or_else(|| Problem::new(at(""), ProblemKind::WrongType(Expected::MetricInput)))?;
    if let Some(key) = o.keys().find(|key| !["num", "den", "score"].contains(&key.as_str())) {
        return Err(Problem::new(at(&format!(".{key}")), ProblemKind::UnknownField));
    }
    if let Some(score) = o.get("score") {
        if !score.is_number() {
            return Err(Problem::new(at(""), ProblemKind::BadScore(excerpt(&score.to_string()))));
        }
        return score_cell(metric, &score.to_string(), &at("")).map(|input| (k, input));
    }
    if metric.rule == Rule::Given {
        return Err(Problem::new(at(""), ProblemKind::GivenOnly));
    }
    let num = read_count(o.get("num"), || at(".num"))?;
    let den = read_count(o.get("den"), || at(".den"))?;
    counts_input(num, den, || at("")).map(|input| (k, input))
}

/// Writes a snapshot in format v1: fields in the documented order, one unit per line.
pub fn to_string(snapshot: &Snapshot) -> String {
    let m = &snapshot.methodology;
    let meta = &snapshot.meta;
    let period = meta.period.as_ref().map(|p| PeriodOut { kind: p.kind.code(), from: &p.from, to: &p.to });
    let head: [(&str, String); 7] = [
        ("format", json(&FORMAT)),
        ("version", json(&VERSION)),
        ("title", json(&meta.title)),
        ("source", json(&meta.source)),
        ("captured", json(&meta.captured)),
        ("period", json(&period)),
        ("methodology", json(&m.id)),
    ];
    let mut out = String::from("{\n");
    for (key, value) in &head {
        out.push_str(&format!("  \"{key}\": {value},\n"));
    }
    out.push_str("  \"units\": [\n");
    for i in 0..snapshot.units.len() {
        // Serialising plain values into a String cannot fail; not formatting an impossible error keeps
        // std::io's error texts out of the web build.
        let line = serde_json::to_string(&UnitOut { snapshot, unit: i }).unwrap_or_default();
        out.push_str("    ");
        out.push_str(&line);
        out.push_str(if i + 1 < snapshot.units.len() { ",\n" } else { "\n" });
    }
    out.push_str("  ]\n}\n");
    out
}

fn json<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

#[derive(Serialize)]
struct PeriodOut<'a> {
    kind: &'a str,
    from: &'a str,
    to: &'a str,
}

#[derive(Serialize)]
#[serde(untagged)]
enum InputOut {
    Counts { num: u64, den: u64 },
    Score { score: f64 },
}

struct UnitOut<'a> {
    snapshot: &'a Snapshot,
    unit: usize,
}

impl Serialize for UnitOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let snap = self.snapshot;
        let u = &snap.units[self.unit];
        let m = &snap.methodology;
        let mut map = s.serialize_map(None)?;
        map.serialize_entry("code", &u.code)?;
        map.serialize_entry("name", &u.name)?;
        map.serialize_entry("level", u.level.code())?;
        map.serialize_entry("parent", &u.parent.map(|p| snap.units[p].code.as_str()))?;
        let metrics: Vec<(&str, InputOut)> = u
            .metrics
            .iter()
            .enumerate()
            .filter_map(|(k, input)| {
                let out = match *input {
                    MetricInput::Missing => return None,
                    MetricInput::Counts { num, den } => InputOut::Counts { num, den },
                    MetricInput::Score(p) => InputOut::Score { score: p.as_f64() },
                };
                Some((m.metrics[k].code.as_str(), out))
            })
            .collect();
        map.serialize_entry("metrics", &Ordered(&metrics))?;
        let given: Vec<(&str, f64)> = u
            .given_groups
            .iter()
            .enumerate()
            .filter_map(|(g, p)| p.map(|p| (m.groups[g].code.as_str(), p.as_f64())))
            .collect();
        if !given.is_empty() {
            map.serialize_entry("given_groups", &Ordered(&given))?;
        }
        let published: Vec<(&str, f64)> = u
            .published
            .iter()
            .enumerate()
            .filter_map(|(g, p)| p.map(|p| (m.groups[g].code.as_str(), p.as_f64())))
            .collect();
        if !published.is_empty() {
            map.serialize_entry("published", &Ordered(&published))?;
        }
        map.end()
    }
}

/// A JSON object whose keys keep the given order (serde_json's own map sorts them).
struct Ordered<'a, V>(&'a [(&'a str, V)]);

impl<V: Serialize> Serialize for Ordered<'_, V> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in self.0 {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}
