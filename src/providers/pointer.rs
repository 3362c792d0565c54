//! JSON pointers (RFC 6901) as definitions name body fields, split and unescaped once when a
//! definition loads: the listener looks fields up on every request it receives.

use std::fmt;

use serde::{Deserialize, Serialize, Serializer};
use serde_json::{Map, Value};

/// A JSON pointer: `""` for the whole body, else `/`-separated member names or array indexes.
#[derive(Clone, Deserialize)]
#[serde(try_from = "String")]
pub struct Pointer {
    text: String,
    /// Unescaped: `~1` is `/`, `~0` is `~`.
    segments: Box<[String]>,
}

impl TryFrom<String> for Pointer {
    type Error = String;

    fn try_from(text: String) -> Result<Pointer, String> {
        if !text.is_empty() && !text.starts_with('/') {
            return Err(format!(
                "`{text}` is not a JSON pointer: it must be empty or start with `/`"
            ));
        }
        // `~1` first: `~01` is the name `~1`, not `/`.
        let segments = text
            .split('/')
            .skip(1)
            .map(|segment| segment.replace("~1", "/").replace("~0", "~"))
            .collect();
        Ok(Pointer { text, segments })
    }
}

impl Pointer {
    /// The pointer to the body's member `name`, whatever characters it holds.
    pub fn top_level(name: &str) -> Pointer {
        Pointer {
            text: format!("/{}", name.replace('~', "~0").replace('/', "~1")),
            segments: Box::new([name.to_string()]),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The value this pointer names in `body`, as `Value::pointer` finds it.
    pub fn find<'v>(&self, body: &'v Value) -> Option<&'v Value> {
        self.segments
            .iter()
            .try_fold(body, |target, segment| match target {
                Value::Object(map) => member(map, segment),
                Value::Array(items) => array_index(segment).and_then(|index| items.get(index)),
                _ => None,
            })
    }

    /// The value this pointer names in `body`, as `Value::pointer_mut` finds it.
    pub fn find_mut<'v>(&self, body: &'v mut Value) -> Option<&'v mut Value> {
        find_mut(&self.segments, body)
    }

    /// The object that holds (or would hold) the member this pointer names, and the member's
    /// name: where a field is added or removed. None for the whole body, or when what holds
    /// it is not an object.
    pub fn parent_mut<'v>(
        &self,
        body: &'v mut Value,
    ) -> Option<(&'v mut Map<String, Value>, &str)> {
        let (name, parent) = self.segments.split_last()?;
        let object = find_mut(parent, body)?.as_object_mut()?;
        Some((object, name))
    }
}

/// Changing a body (replay, verify) happens once per delivery made, so hashing the name costs
/// nothing worth saving there.
fn find_mut<'v>(segments: &[String], body: &'v mut Value) -> Option<&'v mut Value> {
    segments
        .iter()
        .try_fold(body, |target, segment| match target {
            Value::Object(map) => map.get_mut(segment),
            Value::Array(items) => array_index(segment).and_then(|index| items.get_mut(index)),
            _ => None,
        })
}

/// Objects with at most this many members are searched by comparing names.
const COMPARED: usize = 16;

/// The member of `object` named `name`. serde_json's map hashes the name with SipHash on
/// every lookup, which for a notification's dozen short names costs several times more than
/// comparing them (most differ in length), and recognition looks up dozens per request.
fn member<'v>(object: &'v Map<String, Value>, name: &str) -> Option<&'v Value> {
    if object.len() > COMPARED {
        return object.get(name);
    }
    object
        .iter()
        .find_map(|(key, value)| (key == name).then_some(value))
}

/// A JSON pointer's array index: decimal digits without a sign or a leading zero (RFC 6901).
fn array_index(segment: &str) -> Option<usize> {
    if segment.starts_with('+') || (segment.starts_with('0') && segment.len() > 1) {
        return None;
    }
    segment.parse().ok()
}

impl Serialize for Pointer {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.text)
    }
}

impl fmt::Display for Pointer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl fmt::Debug for Pointer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.text, f)
    }
}

// The segments follow from the text, so the text alone decides equality and order.
impl PartialEq for Pointer {
    fn eq(&self, other: &Pointer) -> bool {
        self.text == other.text
    }
}

impl Eq for Pointer {}

impl PartialOrd for Pointer {
    fn partial_cmp(&self, other: &Pointer) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Pointer {
    fn cmp(&self, other: &Pointer) -> std::cmp::Ordering {
        self.text.cmp(&other.text)
    }
}

impl std::hash::Hash for Pointer {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.text.hash(state);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn pointer(text: &str) -> Pointer {
        Pointer::try_from(text.to_string()).unwrap()
    }

    #[test]
    fn find_finds_what_value_pointer_finds() {
        let mut body = json!({
            "a": {"b": [10, {"c": "deep"}], "x/y": 1, "m~n": 2, "~1": 4, "": 3},
            "list": [0, 1, 2],
        });
        // Past the size up to which names are compared rather than hashed.
        let big: Map<String, Value> = (0..=COMPARED)
            .map(|n| (format!("k{n}"), json!(n)))
            .collect();
        body["big"] = Value::Object(big);
        let last = format!("/big/k{COMPARED}");
        for text in [
            "/big/k0",
            &last,
            "/big/k99",
            "/a/c",
            "",
            "/",
            "/a",
            "/a/b",
            "/a/b/0",
            "/a/b/1/c",
            "/a/b/2",
            "/a/x~1y",
            "/a/m~0n",
            "/a/~01",
            "/a/",
            "/list/0",
            "/list/01",
            "/list/+1",
            "/list/-1",
            "/list/-",
            "/list/2",
            "/list/3",
            "/missing",
            "/a/b/1/c/d",
            "/list/1/x",
        ] {
            let pointer = pointer(text);
            assert_eq!(pointer.find(&body), body.pointer(text), "pointer {text:?}");
            let mut changed = body.clone();
            let mut expected = body.clone();
            if let Some(slot) = pointer.find_mut(&mut changed) {
                *slot = json!("changed");
            }
            if let Some(slot) = expected.pointer_mut(text) {
                *slot = json!("changed");
            }
            assert_eq!(changed, expected, "pointer {text:?}");
        }
    }

    #[test]
    fn a_top_level_pointer_escapes_its_name() {
        let name = "a/b~1c";
        let top = Pointer::top_level(name);
        assert_eq!(top, pointer("/a~1b~01c"));
        let body = json!({ name: 1 });
        assert_eq!(top.find(&body), Some(&json!(1)));
        assert_eq!(body.pointer(top.as_str()), Some(&json!(1)));
    }

    #[test]
    fn the_parent_holds_the_named_member() {
        let mut body = json!({"a": {"x/y": 1}, "list": [0]});
        let escaped = pointer("/a/x~1y");
        let (object, name) = escaped.parent_mut(&mut body).unwrap();
        assert_eq!((object.get(name), name), (Some(&json!(1)), "x/y"));
        let absent = pointer("/new");
        let (object, name) = absent.parent_mut(&mut body).unwrap();
        assert_eq!((object.len(), name), (2, "new"));
        assert!(pointer("/list/0").parent_mut(&mut body).is_none());
        assert!(pointer("").parent_mut(&mut body).is_none());
    }

    #[test]
    fn text_without_a_leading_slash_is_no_pointer() {
        for text in ["a", "api_key", "a/b"] {
            assert_eq!(
                Pointer::try_from(text.to_string()).err(),
                Some(format!(
                    "`{text}` is not a JSON pointer: it must be empty or start with `/`"
                ))
            );
        }
        assert_eq!(pointer("/a~1b").to_string(), "/a~1b");
        assert_eq!(serde_json::to_value(pointer("/a")).unwrap(), json!("/a"));
    }
}
