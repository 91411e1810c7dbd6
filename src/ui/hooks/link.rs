//! The address is the link to what is shown: `#unit=…&id=…&s=…&t=…`.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gloo_events::EventListener;
use gloo_timers::callback::Timeout;
use yew::prelude::*;

use crate::present::hash::Link;
use crate::state::{Action, State};

/// How long the address waits after the last change before it is written: browsers throttle bursts of
/// history updates, and a slider drag is a burst.
pub const SETTLE_MS: u32 = 150;

/// The page's address without its hash (where an exported link points).
pub fn page_address() -> String {
    let href = web_sys::window().and_then(|w| w.location().href().ok()).unwrap_or_default();
    href.split('#').next().unwrap_or_default().to_owned()
}

pub fn location_hash() -> String {
    web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default()
}

/// Opens built-in data by going to its address (`#data=<id>`: a step in the history, so that Back
/// returns; `ui::app` follows the address).
pub fn open_dataset(id: &str) {
    if let Some(w) = web_sys::window() {
        let _ = w.location().set_hash(&format!("data={id}"));
    }
}

/// Writes the address, unless it changed since the page last read or wrote it: a link pasted (or
/// back/forward) is waiting for its `hashchange`, and writing over it would lose it. Nor once the
/// address names other built-in data: the page is opening it, and this workspace is on its way out.
fn replace_hash(hash: &str, seen: &RefCell<String>, leaving: &Cell<bool>) {
    let now = location_hash();
    if leaving.get() || now != *seen.borrow() || now == hash {
        return;
    }
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        // An empty hash is written as the bare page address (" " is trimmed to "").
        let url = if hash.is_empty() { " ".to_owned() } else { hash.to_owned() };
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(url.trim()));
        *seen.borrow_mut() = location_hash();
    }
}

/// Follows the address both ways: a changed hash (a pasted link, back and forward) opens what it
/// names; what is shown is written to the address once changes pause. The listener and a pending write
/// belong to the component: both go when it unmounts, so nothing acts on a page it has left.
#[hook]
pub fn use_link(state: &UseReducerHandle<State>) {
    // The hash as the page last read or wrote it.
    let seen: Rc<RefCell<String>> = use_mut_ref(location_hash);
    // The built-in data shown (as of the last render), and whether the address has since named other
    // built-in data (then nothing more is written: `ui::app` replaces this workspace).
    let shown: Rc<Cell<Option<&'static str>>> = use_memo((), |_| Cell::new(None));
    shown.set(state.dataset);
    let leaving: Rc<Cell<bool>> = use_memo((), |_| Cell::new(false));
    {
        let (dispatch, seen, shown, leaving) = (state.dispatcher(), seen.clone(), shown.clone(), leaving.clone());
        use_effect_with((), move |_| {
            let listener = web_sys::window().map(|w| {
                EventListener::new(&w, "hashchange", move |_| {
                    let hash = location_hash();
                    let named = Link::parse(&hash).0.data.and_then(|d| crate::datasets::find(&d)).map(|d| d.id);
                    if named.is_some() && named != shown.get() {
                        leaving.set(true);
                        return;
                    }
                    *seen.borrow_mut() = hash.clone();
                    dispatch.dispatch(Action::OpenLink(hash));
                })
            });
            move || drop(listener)
        });
    }
    let pending: Rc<RefCell<Option<Timeout>>> = use_mut_ref(|| None);
    {
        let pending = pending.clone();
        use_effect_with(state.link().to_hash(), move |hash| {
            let hash = hash.clone();
            // Replacing the timer drops (cancels) the one before.
            *pending.borrow_mut() = Some(Timeout::new(SETTLE_MS, move || replace_hash(&hash, &seen, &leaving)));
        });
    }
    use_effect_with((), move |_| move || drop(pending.borrow_mut().take()));
}
