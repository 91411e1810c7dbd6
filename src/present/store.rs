//! Scenarios kept in the browser (localStorage) under a versioned key: per data identity, the working
//! scenario and the named ones, each named scenario with an identity of its own (another tab may
//! rename or delete one: it is found by id, never by position). A damaged or foreign store is reported
//! and set aside, never trusted.

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
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ForData {
    pub title: String,
    pub working: String,
    pub working_unit: Option<String>,
    pub saved: Vec<Saved>,
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
                };
                if item.id.is_empty() {
                    item.id = legacy_id(i, &item);
                }
                saved.push(item);
            }
            store.by_data.insert(
                id.clone(),
                ForData {
                    title: text(d, "title").unwrap_or_default(),
                    working: text(d, "working").unwrap_or_default(),
                    working_unit: text(d, "working_unit"),
                    saved,
                },
            );
        }
        Ok(store)
    }

    pub fn to_json(&self) -> String {
        // Built by hand: `json!` unwraps each value it converts, which would link serde_json's error
        // formatting (and std::io's) into the web build.
        fn obj(pairs: Vec<(&str, Value)>) -> Value {
            Value::Object(pairs.into_iter().map(|(k, v)| (k.to_owned(), v)).collect())
        }
        let opt = |s: &Option<String>| s.clone().map_or(Value::Null, Value::String);
        let mut data = Map::new();
        for (id, d) in &self.by_data {
            let saved: Vec<Value> = d
                .saved
                .iter()
                .map(|s| {
                    obj(vec![
                        ("id", s.id.clone().into()),
                        ("name", s.name.clone().into()),
                        ("text", s.text.clone().into()),
                        ("unit", opt(&s.unit)),
                    ])
                })
                .collect();
            data.insert(
                id.clone(),
                obj(vec![
                    ("title", d.title.clone().into()),
                    ("working", d.working.clone().into()),
                    ("working_unit", opt(&d.working_unit)),
                    ("saved", Value::Array(saved)),
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

    #[test]
    fn a_store_round_trips_and_damage_is_reported() {
        let mut s = Store::default();
        s.by_data.insert(
            "00032b5815ab34fc".into(),
            ForData {
                title: "Phú Thọ".into(),
                working: "H44.166:13=1900".into(),
                working_unit: Some("H44.166".into()),
                saved: vec![Saved {
                    id: "a1".into(),
                    name: "Bảy xã yếu nhất".into(),
                    text: "H44.170:3=5".into(),
                    unit: None,
                }],
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
        let ids: Vec<&str> = a.by_data["x"].saved.iter().map(|s| s.id.as_str()).collect();
        assert_ne!(ids[0], ids[1]);
        assert_eq!(Store::parse(old).unwrap(), a, "the same ids at every read");
    }
}
