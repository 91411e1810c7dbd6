//! Scenarios kept in the browser (localStorage) under a versioned key: per data identity, the working
//! scenario and the named ones. A damaged or foreign store is reported and set aside, never trusted.

use serde_json::{Map, Value};

/// The localStorage key; a new format gets a new key.
pub const KEY: &str = "chiso.scenarios.v1";
/// Where a store that could not be read is set aside.
pub const SET_ASIDE_KEY: &str = "chiso.scenarios.v1.hong";

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Saved {
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

fn text(v: &Value, key: &str) -> Option<String> {
    v.get(key).and_then(Value::as_str).map(str::to_owned)
}

impl Store {
    /// Reads a stored text; `Err` with the reason if it is not a store this version wrote.
    pub fn parse(stored: &str) -> Result<Store, String> {
        let v: Value = serde_json::from_str(stored).map_err(|_| "không phải JSON".to_owned())?;
        if v.get("version").and_then(Value::as_u64) != Some(1) {
            return Err("không phải định dạng phiên bản 1".into());
        }
        let data = v.get("data").and_then(Value::as_object).ok_or("thiếu mục data")?;
        let mut store = Store::default();
        for (id, d) in data {
            let saved = d
                .get("saved")
                .and_then(Value::as_array)
                .ok_or("thiếu danh sách kịch bản")?
                .iter()
                .map(|s| Some(Saved { name: text(s, "name")?, text: text(s, "text")?, unit: text(s, "unit") }))
                .collect::<Option<Vec<Saved>>>()
                .ok_or("kịch bản đã lưu bị hỏng")?;
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
                    obj(vec![("name", s.name.clone().into()), ("text", s.text.clone().into()), ("unit", opt(&s.unit))])
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
                saved: vec![Saved { name: "Bảy xã yếu nhất".into(), text: "H44.170:3=5".into(), unit: None }],
            },
        );
        assert_eq!(Store::parse(&s.to_json()), Ok(s));
        for bad in [
            "",
            "{",
            "[]",
            "{\"version\":2,\"data\":{}}",
            "{\"version\":1}",
            "{\"version\":1,\"data\":{\"x\":{\"saved\":[{\"name\":1}]}}}",
        ] {
            assert!(Store::parse(bad).is_err(), "{bad}");
        }
    }
}
