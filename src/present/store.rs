//! Scenarios kept in the browser (localStorage) under a versioned key: per data identity, the working
//! scenario and the named ones, each named scenario with an identity of its own (another tab may
//! rename or delete one: it is found by id, never by position). A damaged or foreign store is reported
//! and set aside, never trusted.
//!
//! Two tabs may write at the same moment, and localStorage has no transactions (each tab's renderer
//! may read a copy that is a moment old, and the last write wins). So the saved scenarios are a
//! [`Book`] that merges rather than overwrites: every scenario carries when it was last changed, every
//! deletion is kept (with when) for a while, and a merge takes, per id, the latest. Merging is
//! commutative and idempotent: whatever order the tabs' writes and `storage` events come in, each tab
//! merges what it holds into what it reads and writes only when that adds something, so the tabs
//! converge and stop writing.

use serde_json::{Map, Value};

use crate::engine::plan::{Effort, TargetSet};
use crate::engine::points::Decimal;
use crate::engine::Methodology;

/// The localStorage key; a new format gets a new key.
pub const KEY: &str = "chiso.scenarios.v1";
/// Where a store that could not be read is set aside.
pub const SET_ASIDE_KEY: &str = "chiso.scenarios.v1.hong";

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Saved {
    /// Stable identity of this saved scenario (made when it is saved).
    pub id: String,
    pub name: String,
    /// The scenario as `share::encode` writes it.
    pub text: String,
    pub unit: Option<String>,
    /// When it was last saved or renamed (ms since 1970; 0 for scenarios saved before this was kept).
    pub at: u64,
}

/// The saved scenarios of one data, and the ids deleted (with when).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Book {
    /// By id (ids begin with the time they were made, so this is also the order they were saved in).
    pub list: Vec<Saved>,
    pub deleted: Vec<(String, u64)>,
}

/// How many deletions a book remembers (the oldest are forgotten first): enough for any two tabs to
/// hear of each other's.
const DELETIONS_KEPT: usize = 500;

impl Book {
    /// A book of these scenarios and deletions, in its one form (by id; what a deletion covers gone).
    pub fn new(list: Vec<Saved>, deleted: Vec<(String, u64)>) -> Book {
        Book { list, deleted }.merge(&Book::default())
    }

    /// What both books hold, the latest change of each id winning (a deletion wins a tie: what was
    /// deleted stays deleted). Commutative and idempotent.
    pub fn merge(&self, other: &Book) -> Book {
        use std::collections::BTreeMap;
        let mut deleted: BTreeMap<&str, u64> = BTreeMap::new();
        for (id, at) in self.deleted.iter().chain(&other.deleted) {
            let e = deleted.entry(id.as_str()).or_insert(*at);
            *e = (*e).max(*at);
        }
        let mut latest: BTreeMap<&str, &Saved> = BTreeMap::new();
        for s in self.list.iter().chain(&other.list) {
            let e = latest.entry(s.id.as_str()).or_insert(s);
            // The later change wins; at the same moment, the greater content (any fixed rule will do).
            if (s.at, &s.name, &s.text, &s.unit) > (e.at, &e.name, &e.text, &e.unit) {
                *e = s;
            }
        }
        let list = latest
            .into_values()
            .filter(|s| deleted.get(s.id.as_str()).is_none_or(|&gone| s.at > gone))
            .cloned()
            .collect();
        let mut deleted: Vec<(String, u64)> = deleted.into_iter().map(|(id, at)| (id.to_owned(), at)).collect();
        if deleted.len() > DELETIONS_KEPT {
            crate::engine::sorting::sort_by_key(&mut deleted, |&(_, at)| std::cmp::Reverse(at));
            deleted.truncate(DELETIONS_KEPT);
            crate::engine::sorting::sort(&mut deleted);
        }
        Book { list, deleted }
    }

    /// This book with a scenario saved or renamed (a merge: an older change of it loses).
    pub fn with(&self, saved: Saved) -> Book {
        self.merge(&Book { list: vec![saved], deleted: Vec::new() })
    }

    /// This book with a scenario deleted at `at` (a merge: a later change of it stays).
    pub fn without(&self, id: &str, at: u64) -> Book {
        self.merge(&Book { list: Vec::new(), deleted: vec![(id.to_owned(), at)] })
    }

    pub fn find(&self, id: &str) -> Option<&Saved> {
        self.list.iter().find(|s| s.id == id)
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ForData {
    pub title: String,
    pub working: String,
    pub working_unit: Option<String>,
    pub saved: Book,
}

/// Per data identity, and the planner's settings, which serve any data.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Store {
    pub by_data: std::collections::BTreeMap<String, ForData>,
    pub planning: Planning,
}

/// The effort model and the user's target sets, by metric code (so that they serve any data of a
/// methodology that has those metrics). Rates are written as decimals ("0.9").
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Planning {
    pub prices: Vec<(String, u64)>,
    pub ceilings: Vec<(String, String)>,
    pub locked: Vec<String>,
    pub target_sets: Vec<(String, Vec<(String, String)>)>,
}

/// Why a stored text is not a store this version wrote.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StoreError {
    NotJson,
    OtherVersion,
    Damaged,
}

/// Why the browser did not keep what was written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoreFault {
    /// Its storage is full (QuotaExceededError).
    Full,
    /// The page may not use storage (a sandboxed frame, a privacy setting).
    Unavailable,
    /// Another reason, as the browser gives it.
    Other(String),
}

impl StoreFault {
    /// From the browser's error name and message.
    pub fn from_browser(name: &str, message: &str) -> StoreFault {
        if name.contains("Quota") || message.contains("quota") || message.contains("Quota") {
            StoreFault::Full
        } else if name == "SecurityError" {
            StoreFault::Unavailable
        } else {
            StoreFault::Other(crate::engine::problem::excerpt(if message.is_empty() { name } else { message }))
        }
    }
}

/// The scenarios of one data as a file to keep (when the browser will not): the data's title and
/// identity, and each scenario by name with the link that reopens it.
pub fn export(title: &str, identity: &str, scenarios: &[(String, Option<String>, String)]) -> String {
    let list: Vec<Value> = scenarios
        .iter()
        .map(|(name, unit, link)| {
            obj(vec![("name", name.clone().into()), ("unit", opt(unit)), ("link", link.clone().into())])
        })
        .collect();
    let top = obj(vec![
        ("app", "chiso".into()),
        ("data", title.into()),
        ("identity", identity.into()),
        ("scenarios", Value::Array(list)),
    ]);
    format!("{top}\n")
}

// Built by hand: `json!` unwraps each value it converts, which would link serde_json's error
// formatting (and std::io's) into the web build.
fn obj(pairs: Vec<(&str, Value)>) -> Value {
    Value::Object(pairs.into_iter().map(|(k, v)| (k.to_owned(), v)).collect())
}

fn opt(s: &Option<String>) -> Value {
    s.clone().map_or(Value::Null, Value::String)
}

fn text(v: &Value, key: &str) -> Option<String> {
    v.get(key).and_then(Value::as_str).map(str::to_owned)
}

/// An id for a scenario saved before ids existed: from its content and place, stable across reads.
fn legacy_id(position: usize, s: &Saved) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.name.bytes().chain(s.text.bytes()).chain(position.to_le_bytes()) {
        h = (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("v1-{h:016x}")
}

impl Store {
    /// Reads a stored text, or why it cannot be used.
    pub fn parse(stored: &str) -> Result<Store, StoreError> {
        let v: Value = serde_json::from_str(stored).map_err(|_| StoreError::NotJson)?;
        if v.get("version").and_then(Value::as_u64) != Some(1) {
            return Err(StoreError::OtherVersion);
        }
        let data = v.get("data").and_then(Value::as_object).ok_or(StoreError::Damaged)?;
        let mut store = Store::default();
        if let Some(p) = v.get("planning") {
            store.planning = Planning::parse(p).ok_or(StoreError::Damaged)?;
        }
        for (id, d) in data {
            let list = d.get("saved").and_then(Value::as_array).ok_or(StoreError::Damaged)?;
            let mut saved = Vec::with_capacity(list.len());
            for (i, s) in list.iter().enumerate() {
                let mut item = Saved {
                    id: text(s, "id").unwrap_or_default(),
                    name: text(s, "name").ok_or(StoreError::Damaged)?,
                    text: text(s, "text").ok_or(StoreError::Damaged)?,
                    unit: text(s, "unit"),
                    at: s.get("at").and_then(Value::as_u64).unwrap_or(0),
                };
                if item.id.is_empty() {
                    item.id = legacy_id(i, &item);
                }
                saved.push(item);
            }
            let deleted = match d.get("deleted") {
                None => Vec::new(),
                Some(list) => list
                    .as_array()
                    .ok_or(StoreError::Damaged)?
                    .iter()
                    .map(|p| Some((p.get(0)?.as_str()?.to_owned(), p.get(1)?.as_u64()?)))
                    .collect::<Option<Vec<_>>>()
                    .ok_or(StoreError::Damaged)?,
            };
            store.by_data.insert(
                id.clone(),
                ForData {
                    title: text(d, "title").unwrap_or_default(),
                    working: text(d, "working").unwrap_or_default(),
                    working_unit: text(d, "working_unit"),
                    saved: Book::new(saved, deleted),
                },
            );
        }
        Ok(store)
    }

    pub fn to_json(&self) -> String {
        let mut data = Map::new();
        for (id, d) in &self.by_data {
            let saved: Vec<Value> = d
                .saved
                .list
                .iter()
                .map(|s| {
                    obj(vec![
                        ("id", s.id.clone().into()),
                        ("name", s.name.clone().into()),
                        ("text", s.text.clone().into()),
                        ("unit", opt(&s.unit)),
                        ("at", s.at.into()),
                    ])
                })
                .collect();
            let deleted: Vec<Value> =
                d.saved.deleted.iter().map(|(id, at)| Value::Array(vec![id.clone().into(), (*at).into()])).collect();
            data.insert(
                id.clone(),
                obj(vec![
                    ("title", d.title.clone().into()),
                    ("working", d.working.clone().into()),
                    ("working_unit", opt(&d.working_unit)),
                    ("saved", Value::Array(saved)),
                    ("deleted", Value::Array(deleted)),
                ]),
            );
        }
        let mut top = vec![("version", 1.into()), ("data", Value::Object(data))];
        if self.planning != Planning::default() {
            top.push(("planning", self.planning.to_value()));
        }
        obj(top).to_string()
    }
}

fn pairs(v: &Value, key: &str) -> Option<Vec<(String, String)>> {
    v.get(key)?
        .as_array()?
        .iter()
        .map(|p| Some((p.get(0)?.as_str()?.to_owned(), p.get(1)?.as_str()?.to_owned())))
        .collect()
}

fn pair_values(list: &[(String, String)]) -> Value {
    Value::Array(list.iter().map(|(a, b)| Value::Array(vec![a.clone().into(), b.clone().into()])).collect())
}

impl Planning {
    /// The planner's settings as the engine takes them, for a methodology (codes it does not have, and
    /// rates that do not read, are left out).
    pub fn to_engine(&self, m: &Methodology) -> (Effort, Vec<TargetSet>) {
        let mut effort = Effort::default();
        effort.per_item.extend(self.prices.iter().cloned());
        let metric = |code: &str| m.metric_index(code);
        for (code, rate) in &self.ceilings {
            if let (Some(k), Some(r)) = (metric(code), Decimal::parse(rate)) {
                effort.ceilings.insert(k, r);
            }
        }
        effort.locked = self.locked.iter().filter_map(|c| metric(c)).collect();
        let sets = self
            .target_sets
            .iter()
            .map(|(name, minimum)| TargetSet {
                name: name.clone(),
                minimum: minimum.iter().filter_map(|(c, r)| Some((metric(c)?, Decimal::parse(r)?))).collect(),
            })
            .collect();
        (effort, sets)
    }

    /// What to keep of the engine's settings (the preset, first of the sets, is not kept).
    pub fn from_engine(effort: &Effort, sets: &[TargetSet], m: &Methodology) -> Planning {
        let code = |k: usize| m.metrics.get(k).map(|x| x.code.clone());
        let rate = |d: &Decimal| match d.as_fraction() {
            (n, 1) => n.to_string(),
            (n, den) => format!("{}.{:0width$}", n / den, n % den, width = d.scale as usize),
        };
        let defaults = Effort::default();
        Planning {
            prices: effort
                .per_item
                .iter()
                .filter(|(k, v)| defaults.per_item.get(*k) != Some(v))
                .map(|(k, v)| (k.clone(), *v))
                .collect(),
            ceilings: effort.ceilings.iter().filter_map(|(&k, r)| Some((code(k)?, rate(r)))).collect(),
            locked: effort.locked.iter().filter_map(|&k| code(k)).collect(),
            target_sets: sets
                .iter()
                .skip(1)
                .map(|s| (s.name.clone(), s.minimum.iter().filter_map(|(k, r)| Some((code(*k)?, rate(r)))).collect()))
                .collect(),
        }
    }

    fn parse(v: &Value) -> Option<Planning> {
        let prices = v
            .get("prices")?
            .as_array()?
            .iter()
            .map(|p| Some((p.get(0)?.as_str()?.to_owned(), p.get(1)?.as_u64()?)))
            .collect::<Option<Vec<_>>>()?;
        let locked =
            v.get("locked")?.as_array()?.iter().map(|c| c.as_str().map(str::to_owned)).collect::<Option<Vec<_>>>()?;
        let target_sets = v
            .get("target_sets")?
            .as_array()?
            .iter()
            .map(|s| Some((s.get("name")?.as_str()?.to_owned(), pairs(s, "minimum")?)))
            .collect::<Option<Vec<_>>>()?;
        Some(Planning { prices, ceilings: pairs(v, "ceilings")?, locked, target_sets })
    }

    fn to_value(&self) -> Value {
        let mut m = Map::new();
        m.insert(
            "prices".into(),
            Value::Array(self.prices.iter().map(|(k, v)| Value::Array(vec![k.clone().into(), (*v).into()])).collect()),
        );
        m.insert("ceilings".into(), pair_values(&self.ceilings));
        m.insert("locked".into(), Value::Array(self.locked.iter().map(|c| c.clone().into()).collect()));
        let sets = self
            .target_sets
            .iter()
            .map(|(name, minimum)| {
                let mut s = Map::new();
                s.insert("name".into(), name.clone().into());
                s.insert("minimum".into(), pair_values(minimum));
                Value::Object(s)
            })
            .collect();
        m.insert("target_sets".into(), Value::Array(sets));
        Value::Object(m)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn saved(id: &str, name: &str, at: u64) -> Saved {
        Saved { id: id.into(), name: name.into(), text: format!("H44.166:1={at}"), unit: None, at }
    }

    fn names(b: &Book) -> Vec<&str> {
        b.list.iter().map(|s| s.name.as_str()).collect()
    }

    /// What a tab does when it hears of the store: takes the merge, and writes it only if it adds to
    /// what the store holds.
    fn hear(store: &mut Book, tab: &mut Book) -> bool {
        *tab = tab.merge(store);
        let write = *tab != *store;
        if write {
            *store = tab.clone();
        }
        write
    }

    #[test]
    fn two_tabs_writing_at_once_converge_on_every_change_by_id() {
        let start = Book::new(vec![saved("1a", "A", 1), saved("1b", "B", 1), saved("1c", "C", 1)], vec![]);
        // Tab 1 deletes A; tab 2, reading a copy a moment old, deletes B. localStorage keeps the last
        // write only: tab 1's, say; tab 2's delete is lost from the store.
        let mut tab1 = start.without("1a", 10);
        let mut tab2 = start.without("1b", 11);
        let mut store = tab1.clone();
        assert_eq!(names(&store), ["B", "C"]);
        // Each hears the other's write: tab 2 writes back what it adds; tab 1 then has nothing to add.
        assert!(hear(&mut store, &mut tab2));
        assert!(!hear(&mut store, &mut tab1));
        assert_eq!(names(&store), ["C"]);
        assert_eq!((names(&tab1), names(&tab2)), (vec!["C"], vec!["C"]));
        // A rename and a save at once, then a delete racing a later rename: the latest change wins.
        tab1.list.iter_mut().for_each(|s| (s.name, s.at) = ("C mới".into(), 20));
        tab2.list.push(saved("2d", "D", 21));
        store = tab2.clone(); // tab 2 wrote last
        assert!(hear(&mut store, &mut tab1));
        assert!(!hear(&mut store, &mut tab2));
        assert_eq!(names(&store), ["C mới", "D"]);
        let deleted_before = tab1.without("2d", 21);
        assert_eq!(names(&deleted_before), ["C mới"], "a delete wins a tie");
        let renamed_after = deleted_before.with(saved("2d", "D2", 30));
        assert_eq!(names(&renamed_after), ["C mới", "D2"], "a later change wins over an older delete");
    }

    #[test]
    fn a_merge_is_commutative_associative_and_idempotent() {
        let mut rng = crate::engine::synthetic::SplitMix(766);
        let book = |rng: &mut crate::engine::synthetic::SplitMix| {
            let mut list = Vec::new();
            let mut deleted = Vec::new();
            for id in ["a", "b", "c", "d"] {
                match rng.next_u64() % 3 {
                    0 => list.push(saved(id, &format!("{id}{}", rng.next_u64() % 3), rng.next_u64() % 4)),
                    1 => deleted.push((id.to_owned(), rng.next_u64() % 4)),
                    _ => {}
                }
            }
            Book::new(list, deleted)
        };
        for _ in 0..2_000 {
            let (a, b, c) = (book(&mut rng), book(&mut rng), book(&mut rng));
            assert_eq!(a.merge(&b), b.merge(&a));
            assert_eq!(a.merge(&b).merge(&c), a.merge(&b.merge(&c)));
            assert_eq!(a.merge(&a), a);
        }
    }

    #[test]
    fn a_browser_error_is_named_and_an_export_reopens_each_scenario() {
        assert_eq!(
            StoreFault::from_browser("QuotaExceededError", "Setting the value exceeded the quota."),
            StoreFault::Full
        );
        assert_eq!(StoreFault::from_browser("SecurityError", "denied"), StoreFault::Unavailable);
        assert_eq!(StoreFault::from_browser("Error", "x"), StoreFault::Other("x".into()));
        let file =
            export("Phú Thọ", "00032b5815ab34fc", &[("A".into(), Some("H44.166".into()), "http://x/#s=1".into())]);
        let v: Value = serde_json::from_str(&file).unwrap();
        assert_eq!(v["scenarios"][0]["link"], "http://x/#s=1");
        assert_eq!(v["scenarios"][0]["unit"], "H44.166");
        assert_eq!(v["identity"], "00032b5815ab34fc");
    }

    #[test]
    fn a_store_round_trips_and_damage_is_reported() {
        let mut s = Store::default();
        s.by_data.insert(
            "00032b5815ab34fc".into(),
            ForData {
                title: "Phú Thọ".into(),
                working: "H44.166:13=1900".into(),
                working_unit: Some("H44.166".into()),
                saved: Book::new(
                    vec![Saved {
                        id: "a1".into(),
                        name: "Bảy xã yếu nhất".into(),
                        text: "H44.170:3=5".into(),
                        unit: None,
                        at: 1_764_600_000_000,
                    }],
                    vec![("a0".into(), 1_764_500_000_000)],
                ),
            },
        );
        assert_eq!(Store::parse(&s.to_json()), Ok(s.clone()));
        s.planning = Planning {
            prices: vec![("dossiers".into(), 2)],
            ceilings: vec![("ONLINE_PAYMENT_DOSSIER".into(), "0.8".into())],
            locked: vec!["DOSSIER_SYNC".into()],
            target_sets: vec![("Xã loại A".into(), vec![("DOSSIER_ON_TIME".into(), "1".into())])],
        };
        assert_eq!(Store::parse(&s.to_json()), Ok(s.clone()));
        assert_eq!(Store::parse(r#"{"version":1,"data":{},"planning":{"prices":7}}"#), Err(StoreError::Damaged));
        // To the engine's settings and back.
        let m = Methodology::default_version();
        let (effort, sets) = s.planning.to_engine(&m);
        assert_eq!(effort.per_item["dossiers"], 2);
        assert_eq!(effort.ceilings[&m.metric_index("ONLINE_PAYMENT_DOSSIER").unwrap()], Decimal::parse("0.8").unwrap());
        let with_preset: Vec<TargetSet> = std::iter::once(TargetSet::commune_preset(&m, "x")).chain(sets).collect();
        assert_eq!(Planning::from_engine(&effort, &with_preset, &m), s.planning);
        let cases = [
            ("", StoreError::NotJson),
            ("{", StoreError::NotJson),
            ("[]", StoreError::OtherVersion),
            ("{\"version\":2,\"data\":{}}", StoreError::OtherVersion),
            ("{\"version\":1}", StoreError::Damaged),
            ("{\"version\":1,\"data\":{\"x\":{\"saved\":[{\"name\":1}]}}}", StoreError::Damaged),
        ];
        for (bad, why) in cases {
            assert_eq!(Store::parse(bad), Err(why), "{bad}");
        }
    }

    #[test]
    fn scenarios_saved_before_ids_get_stable_distinct_ones() {
        let old =
            r#"{"version":1,"data":{"x":{"saved":[{"name":"A","text":"H44:1=2"},{"name":"A","text":"H44:1=2"}]}}}"#;
        let a = Store::parse(old).unwrap();
        let ids: Vec<&str> = a.by_data["x"].saved.list.iter().map(|s| s.id.as_str()).collect();
        assert_ne!(ids[0], ids[1]);
        assert_eq!(Store::parse(old).unwrap(), a, "the same ids at every read");
    }
}
