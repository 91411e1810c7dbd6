//! The scenarios kept in this browser: the working one (written once changes pause) and the saved ones
//! (written at once), per data identity; another tab's changes come in through the `storage` event.

use std::cell::RefCell;
use std::rc::Rc;

use gloo_events::EventListener;
use gloo_timers::callback::Timeout;
use yew::prelude::*;

use super::link::SETTLE_MS;
use crate::present::store::{ForData, KEY};
use crate::state::{Action, Kept, State};
use crate::ui::storage;

/// What the store holds for a data identity (read before the first frame, so that a reload shows the
/// plan at once, and when other data is opened).
pub fn kept_for(identity: &str) -> Kept {
    let (store, damaged) = storage::load();
    let kept = store.by_data.get(identity);
    Kept {
        working: kept.filter(|k| !k.working.is_empty()).map(|k| (k.working.clone(), k.working_unit.clone())),
        saved: kept.map(|k| k.saved.clone()).unwrap_or_default(),
        damaged,
    }
}

/// Saves the damaged store the browser had no room to copy to the user's computer, then lets a fresh
/// store take its place (it is set aside on the user's disk now).
pub fn keep_damaged(text: &str) {
    crate::ui::download::download("chiso-kich-ban-hong.json", "application/json", text);
    storage::forget_damaged();
}

/// The planner's settings this browser keeps (effort model, target sets), as the action that restores
/// them for a methodology.
pub fn planning_action(m: &crate::engine::Methodology) -> Action {
    let (store, _) = storage::load();
    let (effort, target_sets) = store.planning.to_engine(m);
    Action::RestorePlanning { effort, target_sets }
}

/// Keeps the store in step with the state, and the state with other tabs.
#[hook]
pub fn use_store(state: &UseReducerHandle<State>) {
    let identity = state.identity().to_owned();
    let title = state.snapshot().meta.title.clone();
    // Saved scenarios: this tab's book merged into the store's as it is now, written only when that
    // adds something (so that two tabs converge and then stop writing); what the store held that this
    // tab did not know comes back into the state (not at the first render: nothing changed yet).
    {
        let (dispatch, identity, title) = (state.dispatcher(), identity.clone(), title.clone());
        let first = use_mut_ref(|| true);
        use_effect_with(state.saved.clone(), move |saved| {
            if std::mem::take(&mut *first.borrow_mut()) {
                return;
            }
            let mut merged = None;
            let written = storage::update_if(&identity, |d| {
                let book = d.saved.merge(saved);
                let changed = book != d.saved;
                d.title = title;
                d.saved = book.clone();
                merged = Some(book);
                changed
            });
            match written {
                Err(why) => dispatch.dispatch(Action::Notice(Some(why.notice()))),
                Ok(()) => {
                    if let Some(book) = merged.filter(|b| b != &**saved) {
                        dispatch.dispatch(Action::SavedElsewhere(book));
                    }
                }
            }
        });
    }
    // The planner's settings: written when they change.
    {
        let dispatch = state.dispatcher();
        let methodology = state.data.snapshot.methodology.clone();
        let first = use_mut_ref(|| true);
        use_effect_with((state.effort.clone(), state.target_sets.clone()), move |(effort, sets)| {
            if std::mem::take(&mut *first.borrow_mut()) {
                return;
            }
            let planning = crate::present::store::Planning::from_engine(effort, sets, &methodology);
            if let Err(why) = storage::update_planning(planning) {
                dispatch.dispatch(Action::Notice(Some(why.notice())));
            }
        });
    }
    // The working scenario and unit: written once changes pause.
    let pending: Rc<RefCell<Option<Timeout>>> = use_mut_ref(|| None);
    {
        let link = state.link();
        let working = (link.scenario.unwrap_or_default(), link.unit);
        let (dispatch, pending, identity) = (state.dispatcher(), pending.clone(), identity.clone());
        use_effect_with(working, move |(text, unit)| {
            let (text, unit) = (text.clone(), unit.clone());
            *pending.borrow_mut() = Some(Timeout::new(SETTLE_MS, move || {
                // Written only when it differs from what is kept (nothing kept and no scenario: nothing).
                if let Err(why) = storage::update_if(&identity, |d| {
                    let same = (d.working.as_str(), d.working_unit.as_deref()) == (&text, unit.as_deref());
                    if same || (*d == ForData::default() && text.is_empty()) {
                        return false;
                    }
                    d.title = title;
                    d.working = text;
                    d.working_unit = unit;
                    true
                }) {
                    dispatch.dispatch(Action::Notice(Some(why.notice())));
                }
            }));
        });
    }
    use_effect_with((), move |_| move || drop(pending.borrow_mut().take()));
    // Another tab saved, renamed or deleted: follow it.
    {
        let dispatch = state.dispatcher();
        use_effect_with(identity, move |identity| {
            let identity = identity.clone();
            let listener = web_sys::window().map(|w| {
                EventListener::new(&w, "storage", move |e| {
                    let key = wasm_bindgen::JsCast::dyn_ref::<web_sys::StorageEvent>(e).and_then(|e| e.key());
                    if key.as_deref() == Some(KEY) {
                        let (store, _) = storage::load();
                        let book = store.by_data.get(&identity).map(|d| d.saved.clone()).unwrap_or_default();
                        dispatch.dispatch(Action::SavedElsewhere(book));
                    }
                })
            });
            move || drop(listener)
        });
    }
}
