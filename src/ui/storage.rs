//! The scenario store in localStorage (format in `present::store`). A store that cannot be read is set
//! aside under another key and reported, never trusted and never a crash.

use crate::present::store::{Store, KEY, SET_ASIDE_KEY};

fn local() -> Option<web_sys::Storage> {
    web_sys::window().and_then(|w| w.local_storage().ok().flatten())
}

/// The store, or the reason it was set aside (and an empty store in its place).
pub fn load() -> (Store, Option<String>) {
    let Some(ls) = local() else { return (Store::default(), None) };
    match ls.get_item(KEY).ok().flatten() {
        None => (Store::default(), None),
        Some(text) => match Store::parse(&text) {
            Ok(store) => (store, None),
            Err(why) => {
                let _ = ls.set_item(SET_ASIDE_KEY, &text);
                let _ = ls.remove_item(KEY);
                (Store::default(), Some(why))
            }
        },
    }
}

pub fn save(store: &Store) {
    if let Some(ls) = local() {
        let _ = ls.set_item(KEY, &store.to_json());
    }
}
