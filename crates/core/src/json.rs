//! A plain JSON value, just rich enough for the bundle validator.
//!
//! Why not deserialise the bundle straight into its model with `#[derive(Deserialize)]`? Because
//! serde stops at the first problem and cannot say *where* it was in editor terms. The validator
//! wants every problem at once, each with a path such as `events[12].start`, and it wants to see
//! duplicate keys and unknown fields that a derived impl silently drops or rejects. So the bundle
//! is first read into this loose tree, which any serde deserialiser can build, `serde_json`
//! natively and `serde-wasm-bindgen` from the browser's own `JSON.parse`, and then checked by hand.
//!
//! Objects are a `Vec` of entries, not a map: the document's key order is kept (problems are
//! reported in document order) and so are duplicate keys (the validator reports them; the first
//! one wins). Numbers are `f64`, as in JavaScript, which is exact for every integer a bundle uses.

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use std::fmt;

/// How deeply arrays and objects may nest. A bundle needs five levels; the bound keeps a hostile
/// document from exhausting the stack of a recursive deserialiser (it matches `serde_json`'s own
/// default recursion limit).
pub const MAX_DEPTH: usize = 128;

/// A JSON value that keeps object key order and duplicate keys.
#[derive(Clone, Debug, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    Number(f64),
    String(String),
    Array(Vec<Json>),
    /// Entries in document order, duplicates included.
    Object(Vec<(String, Json)>),
}

impl Json {
    /// The value of the first entry named `key`, if this is an object that has one.
    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Object(entries) => entries.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// The string, if this is a string.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::String(s) => Some(s),
            _ => None,
        }
    }

    /// The number, if this is a number.
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Json::Number(n) => Some(*n),
            _ => None,
        }
    }

    /// The elements, if this is an array.
    pub fn as_array(&self) -> Option<&[Json]> {
        match self {
            Json::Array(items) => Some(items),
            _ => None,
        }
    }

    /// The entries, if this is an object.
    pub fn as_object(&self) -> Option<&[(String, Json)]> {
        match self {
            Json::Object(entries) => Some(entries),
            _ => None,
        }
    }

    /// What kind of value this is, as editors would say it ("a string", "a list"), for messages.
    pub fn kind(&self) -> &'static str {
        match self {
            Json::Null => "null",
            Json::Bool(_) => "true or false",
            Json::Number(_) => "a number",
            Json::String(_) => "a string",
            Json::Array(_) => "a list",
            Json::Object(_) => "an object",
        }
    }
}

impl Json {
    /// Reads a value that sits `depth` levels inside a document, under the same depth bound as
    /// reading the whole document: the widget converts a bundle's events one at a time (so the
    /// whole tree never exists at once), each at depth 2.
    pub fn deserialize_nested<'de, D: Deserializer<'de>>(
        deserializer: D,
        depth: usize,
    ) -> Result<Json, D::Error> {
        Seed { depth }.deserialize(deserializer)
    }
}

/// Written as it is kept: objects in entry order (duplicates too), numbers that are whole as
/// integers (`1`, not `1.0`), so an imported bundle reads like a hand-written one.
impl serde::Serialize for Json {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::{SerializeMap, SerializeSeq};
        match self {
            Json::Null => s.serialize_unit(),
            Json::Bool(b) => s.serialize_bool(*b),
            Json::Number(n) if n.fract() == 0.0 && n.abs() < 9.0e15 => s.serialize_i64(*n as i64),
            Json::Number(n) => s.serialize_f64(*n),
            Json::String(t) => s.serialize_str(t),
            Json::Array(items) => {
                let mut seq = s.serialize_seq(Some(items.len()))?;
                for item in items {
                    seq.serialize_element(item)?;
                }
                seq.end()
            }
            Json::Object(entries) => {
                let mut map = s.serialize_map(Some(entries.len()))?;
                for (k, v) in entries {
                    map.serialize_entry(k, v)?;
                }
                map.end()
            }
        }
    }
}

impl<'de> Deserialize<'de> for Json {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Seed { depth: 0 }.deserialize(deserializer)
    }
}

/// Deserialises one value at a known nesting depth, so the depth bound needs no global state.
#[derive(Clone, Copy)]
struct Seed {
    depth: usize,
}

impl<'de> DeserializeSeed<'de> for Seed {
    type Value = Json;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Json, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl Seed {
    fn nested<E: de::Error>(self) -> Result<Seed, E> {
        if self.depth >= MAX_DEPTH {
            return Err(E::custom(format_args!(
                "lists and objects are nested more than {MAX_DEPTH} levels deep"
            )));
        }
        Ok(Seed { depth: self.depth + 1 })
    }
}

impl<'de> Visitor<'de> for Seed {
    type Value = Json;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Json, E> {
        Ok(Json::Bool(v))
    }

    // JSON has one number type; integers beyond 2^53 lose precision, as in JavaScript.
    #[allow(clippy::cast_precision_loss)]
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Json, E> {
        Ok(Json::Number(v as f64))
    }

    #[allow(clippy::cast_precision_loss)]
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Json, E> {
        Ok(Json::Number(v as f64))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Json, E> {
        Ok(Json::Number(v))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Json, E> {
        Ok(Json::String(v.to_owned()))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Json, E> {
        Ok(Json::String(v))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Json, E> {
        Ok(Json::Null)
    }

    fn visit_none<E: de::Error>(self) -> Result<Json, E> {
        Ok(Json::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Json, D::Error> {
        self.deserialize(deserializer)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Json, A::Error> {
        let inner = self.nested()?;
        // A size hint comes from the input, so it is capped rather than trusted.
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(1024));
        while let Some(item) = seq.next_element_seed(inner)? {
            items.push(item);
        }
        Ok(Json::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Json, A::Error> {
        let inner = self.nested()?;
        let mut entries = Vec::with_capacity(map.size_hint().unwrap_or(0).min(1024));
        while let Some(key) = map.next_key::<String>()? {
            let value = map.next_value_seed(inner)?;
            entries.push((key, value));
        }
        Ok(Json::Object(entries))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::de::value::{Error, MapDeserializer, SeqDeserializer, StrDeserializer};
    use serde::de::IntoDeserializer;

    #[test]
    fn scalars_come_through_every_visitor() {
        let s: StrDeserializer<'_, Error> = "1958".into_deserializer();
        assert_eq!(Json::deserialize(s), Ok(Json::String("1958".into())));
        let n = 3_u64.into_deserializer();
        assert_eq!(
            Json::deserialize::<de::value::U64Deserializer<Error>>(n),
            Ok(Json::Number(3.0))
        );
        let i = (-2_i64).into_deserializer();
        assert_eq!(
            Json::deserialize::<de::value::I64Deserializer<Error>>(i),
            Ok(Json::Number(-2.0))
        );
        let b = true.into_deserializer();
        assert_eq!(
            Json::deserialize::<de::value::BoolDeserializer<Error>>(b),
            Ok(Json::Bool(true))
        );
        let u = ().into_deserializer();
        assert_eq!(Json::deserialize::<de::value::UnitDeserializer<Error>>(u), Ok(Json::Null));
    }

    #[test]
    fn objects_keep_order_and_duplicates() {
        let entries = vec![("b", "1"), ("a", "2"), ("b", "3")];
        let map = MapDeserializer::<_, Error>::new(entries.into_iter());
        let json = Json::deserialize(map).unwrap();
        let keys: Vec<&str> = json.as_object().unwrap().iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(keys, ["b", "a", "b"]);
        assert_eq!(json.get("b"), Some(&Json::String("1".into())));
        assert_eq!(json.get("c"), None);
    }

    #[test]
    fn arrays_and_kinds() {
        let seq = SeqDeserializer::<_, Error>::new(vec![1_u64, 2].into_iter());
        let json = Json::deserialize(seq).unwrap();
        assert_eq!(json.as_array().map(<[Json]>::len), Some(2));
        assert_eq!(json.kind(), "a list");
        assert_eq!(Json::Null.kind(), "null");
        assert_eq!(Json::Number(1.5).as_f64(), Some(1.5));
        assert_eq!(Json::Bool(false).as_str(), None);
    }

    /// A deserialiser that is nothing but nested sequences, to prove the depth bound holds
    /// without building a deep input by hand.
    struct Deep(usize);

    impl<'de> Deserializer<'de> for Deep {
        type Error = Error;

        fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
            if self.0 == 0 {
                return visitor.visit_unit();
            }
            visitor.visit_seq(DeepSeq(Some(self.0 - 1)))
        }

        serde::forward_to_deserialize_any! {
            bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
            option unit unit_struct newtype_struct seq tuple tuple_struct map struct enum
            identifier ignored_any
        }
    }

    struct DeepSeq(Option<usize>);

    impl<'de> SeqAccess<'de> for DeepSeq {
        type Error = Error;

        fn next_element_seed<T: DeserializeSeed<'de>>(
            &mut self,
            seed: T,
        ) -> Result<Option<T::Value>, Error> {
            match self.0.take() {
                Some(n) => seed.deserialize(Deep(n)).map(Some),
                None => Ok(None),
            }
        }
    }

    #[test]
    fn nesting_is_bounded() {
        assert!(Json::deserialize(Deep(MAX_DEPTH)).is_ok());
        let err = Json::deserialize(Deep(MAX_DEPTH + 1)).unwrap_err();
        assert!(err.to_string().contains("nested more than 128"), "{err}");
    }

    #[test]
    fn a_nested_value_counts_the_levels_above_it() {
        assert!(Json::deserialize_nested(Deep(MAX_DEPTH - 2), 2).is_ok());
        assert!(Json::deserialize_nested(Deep(MAX_DEPTH - 1), 2).is_err());
    }
}
