//! The scenario store in localStorage (format in `present::store`), through gloo-storage. A store that
//! cannot be read is set aside under another key and reported, never trusted and never a crash; when
//! the browser has no room for the copy, its text is kept on the page to be downloaded and nothing is
//! written over it until then. A browser that refuses to keep a store says why.

use std::rc::Rc;

use gloo_storage::{LocalStorage, Storage};
use wasm_bindgen::JsCast;

use crate::present::store::{Store, StoreFault, KEY, SET_ASIDE_KEY};
use crate::state::Damaged;

/// Whether this page may use localStorage at all (a sandboxed frame or a privacy setting can forbid
/// it; gloo would throw).
fn available() -> bool {
    web_sys::window().and_then(|w| w.local_storage().ok().flatten()).is_some()
}

/// The store, or why it was set aside (an empty store in its place).
pub fn load() -> (Store, Option<Damaged>) {
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
                (Store::default(), Some(Damaged { why, unsaved: None }))
            } else {
                (Store::default(), Some(Damaged { why, unsaved: Some(Rc::from(text)) }))
            }
        }
    }
}

/// The damaged store was downloaded: a fresh one may now take its place.
pub fn forget_damaged() {
    if available() {
        LocalStorage::delete(KEY);
    }
}

/// Why the browser refused a write (a DOMException is an Error; anything else is named as it prints).
fn fault(e: wasm_bindgen::JsValue) -> StoreFault {
    match e.dyn_ref::<js_sys::Error>() {
        Some(e) => StoreFault::from_browser(&String::from(e.name()), &String::from(e.message())),
        None => StoreFault::Other(format!("{e:?}")),
    }
}

/// Writes the store; the browser's reason when it refuses (full, forbidden).
pub fn save(store: &Store) -> Result<(), StoreFault> {
    if !available() {
        return Err(StoreFault::Unavailable);
    }
    LocalStorage::raw().set_item(KEY, &store.to_json()).map_err(fault)
}

/// Why writing the store did not go as asked.
pub enum WriteError {
    /// The browser refused (its reason).
    Refused(StoreFault),
    /// The store found there was damaged: set aside and the write went to a fresh one, or (no room to
    /// set it aside) nothing written until it is downloaded.
    Damaged(Damaged),
}

/// Reads the store, changes it, and writes it back if `apply` says it changed: what other tabs or
/// other data put there is kept.
fn change(apply: impl FnOnce(&mut Store) -> bool) -> Result<(), WriteError> {
    let (mut store, damaged) = load();
    if let Some(d) = damaged.as_ref().filter(|d| d.unsaved.is_some()) {
        return Err(WriteError::Damaged(d.clone()));
    }
    if apply(&mut store) {
        save(&store).map_err(WriteError::Refused)?;
    }
    damaged.map_or(Ok(()), |d| Err(WriteError::Damaged(d)))
}

/// Replaces the planner's settings.
pub fn update_planning(planning: crate::present::store::Planning) -> Result<(), WriteError> {
    change(|store| {
        store.planning = planning;
        true
    })
}

/// Changes what the store holds for one data identity, written only if `change_one` says it changed.
pub fn update_if(
    identity: &str,
    change_one: impl FnOnce(&mut crate::present::store::ForData) -> bool,
) -> Result<(), WriteError> {
    change(|store| change_one(store.by_data.entry(identity.to_owned()).or_default()))
}

impl WriteError {
    /// What to tell the user.
    pub fn notice(self) -> crate::state::Notice {
        match self {
            WriteError::Refused(why) => crate::state::Notice::StoreFailed(why),
            WriteError::Damaged(d) => crate::state::Notice::StoreDamaged(d),
        }
    }
}
