//! The scenario store in localStorage (format in `present::store`), through gloo-storage. A store that
//! cannot be read is set aside under another key and reported, never trusted and never a crash; a
//! browser that refuses to keep a store says why.

use gloo_storage::{LocalStorage, Storage};
use serde_json::Value;

use crate::present::store::{Store, StoreError, KEY, SET_ASIDE_KEY};

/// Whether this page may use localStorage at all (a sandboxed frame or a privacy setting can forbid
/// it; gloo would throw).
fn available() -> bool {
    web_sys::window().and_then(|w| w.local_storage().ok().flatten()).is_some()
}

/// The store, or why it was set aside (an empty store in its place).
pub fn load() -> (Store, Option<StoreError>) {
    if !available() {
        return (Store::default(), None);
    }
    let raw = LocalStorage::raw();
    let Ok(Some(text)) = raw.get_item(KEY) else { return (Store::default(), None) };
    match Store::parse(&text) {
        Ok(store) => (store, None),
        Err(why) => {
            // Set aside for real: the damaged text is removed only once its copy is kept.
            if raw.set_item(SET_ASIDE_KEY, &text).is_ok() {
                LocalStorage::delete(KEY);
            }
            (Store::default(), Some(why))
        }
    }
}

/// Writes the store; the browser's reason when it refuses (full, forbidden).
pub fn save(store: &Store) -> Result<(), String> {
    if !available() {
        return Err("localStorage".into());
    }
    let value: Value = serde_json::from_str(&store.to_json()).map_err(|_| "JSON".to_owned())?;
    LocalStorage::set(KEY, value).map_err(|e| e.to_string())
}

/// Why writing the store did not go as asked.
pub enum WriteError {
    /// The browser refused (its reason).
    Refused(String),
    /// The store found there was damaged: set aside, and the write went to a fresh one.
    Damaged(StoreError),
}

/// Reads the store, replaces the planner's settings, and writes it back.
pub fn update_planning(planning: crate::present::store::Planning) -> Result<(), WriteError> {
    let (mut store, damaged) = load();
    store.planning = planning;
    save(&store).map_err(WriteError::Refused)?;
    damaged.map_or(Ok(()), |why| Err(WriteError::Damaged(why)))
}

/// Reads the store, changes what it holds for one data identity, and writes it back: what other tabs
/// or other data put there is kept.
pub fn update(identity: &str, change: impl FnOnce(&mut crate::present::store::ForData)) -> Result<(), WriteError> {
    let (mut store, damaged) = load();
    change(store.by_data.entry(identity.to_owned()).or_default());
    save(&store).map_err(WriteError::Refused)?;
    damaged.map_or(Ok(()), |why| Err(WriteError::Damaged(why)))
}

impl WriteError {
    /// What to tell the user.
    pub fn notice(self) -> crate::state::Notice {
        match self {
            WriteError::Refused(why) => crate::state::Notice::StoreFailed(why),
            WriteError::Damaged(why) => crate::state::Notice::StoreDamaged(why),
        }
    }
}
