//! JSON as the readers take it: serde_json's values, except that a key given twice in one object is
//! refused (serde_json keeps the last one silently, so a unit with two `num` fields would pass with the
//! second). The depth stays serde_json's (128 levels): a deeply nested file is an error, not a crash.

use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};

use super::problem::excerpt;

/// How a duplicate key's error message starts (the key follows): `snapshot_json::json_problem` reads
/// it back as `ProblemKind::DuplicateKey`.
pub const DUPLICATE: &str = "duplicate key: ";

/// Parses a JSON text; a key twice in one object is an error at its place.
pub fn from_str(text: &str) -> Result<Value, serde_json::Error> {
    let mut d = serde_json::Deserializer::from_str(text);
    let value = Strict.deserialize(&mut d)?;
    d.end()?;
    Ok(value)
}

/// The key under which serde_json (with `arbitrary_precision`) passes a number's text to a visitor.
const NUMBER_TOKEN: &str = "$serde_json::private::Number";

struct Strict;

impl<'de> DeserializeSeed<'de> for Strict {
    type Value = Value;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(StrictVisitor)
    }
}

struct StrictVisitor;

impl<'de> Visitor<'de> for StrictVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(v.into())
    }
    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(v.into())
    }
    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(serde_json::Number::from_f64(v).map_or(Value::Null, Value::Number))
    }
    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }
    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        Strict.deserialize(d)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element_seed(Strict)? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut object = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            if object.is_empty() && key == NUMBER_TOKEN {
                // A number, as written (serde_json's arbitrary_precision hands it over as this map).
                let text: String = map.next_value()?;
                return text.parse::<serde_json::Number>().map(Value::Number).map_err(de::Error::custom);
            }
            let value = map.next_value_seed(Strict)?;
            if object.contains_key(&key) {
                return Err(de::Error::custom(format!("{DUPLICATE}{}", excerpt(&key))));
            }
            object.insert(key, value);
        }
        Ok(Value::Object(object))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_read_as_serde_json_reads_them_but_a_key_twice_is_refused() {
        let text = r#"{"a": [1, -2, 2.5, "x", null, true, {"b": {}}], "c": 18446744073709551615}"#;
        assert_eq!(from_str(text).unwrap(), serde_json::from_str::<Value>(text).unwrap());
        let e = from_str("{\n \"num\": 1,\n \"num\": 2}").unwrap_err();
        assert!(e.to_string().starts_with("duplicate key: num"), "{e}");
        assert_eq!(e.line(), 3);
        assert!(from_str("{} x").is_err(), "trailing characters");
        assert!(from_str(&"[".repeat(10_000)).is_err(), "too deep is an error, not a crash");
        let big = from_str(r#"{"num": 99999999999999999999999, "f": 0.125, "e": 1e999}"#).unwrap();
        assert_eq!(big["num"].to_string(), "99999999999999999999999", "a number kept as written");
        assert_eq!(big["num"].as_u64(), None);
        assert_eq!(big["f"].as_f64(), Some(0.125));
        assert_eq!(big["e"].as_f64(), None, "out of range is no number the readers take");
    }
}
