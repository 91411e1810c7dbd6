//! Scenarios kept in the browser (localStorage) under a versioned key: per data identity, the working
//! scenario and the named ones, each named scenario with an identity of its own (another tab may
//! rename or delete one: it is found by id, never by position). A damaged or foreign store is reported
//! and set aside, never trusted.

use serde_json::{Map, Value};

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

/// Per data identity.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Store {
    pub by_data: std::collections::BTreeMap<String, ForData>,
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
        obj(vec![("version", 1.into()), ("data", Value::Object(data))]).to_string()
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
        assert_eq!(Store::parse(&s.to_json()), Ok(s));
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
