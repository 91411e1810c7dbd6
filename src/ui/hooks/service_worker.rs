//! Offline use: the page registers the service worker (`static/sw.js`, completed at build time), which
//! keeps the site's files. When a newer version has installed, the state gets `Notice::NewVersion`;
//! the user's "Tải lại" activates it and the page reloads once the new worker has taken over.

use std::cell::RefCell;

use gloo_events::EventListener;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

use crate::state::{Action, Notice, State};

thread_local! {
    /// The registration, for the notice's button; the listeners live as long as the page.
    static REGISTRATION: RefCell<Option<web_sys::ServiceWorkerRegistration>> = const { RefCell::new(None) };
    static LISTENERS: RefCell<Vec<EventListener>> = const { RefCell::new(Vec::new()) };
}

fn container() -> Option<web_sys::ServiceWorkerContainer> {
    let navigator = web_sys::window()?.navigator();
    // Absent where service workers are not allowed (a page not served over HTTPS or localhost).
    js_sys::Reflect::has(&navigator, &"serviceWorker".into()).ok()?.then(|| navigator.service_worker())
}

/// Registers the service worker once, and tells the state when a new version waits.
#[hook]
pub fn use_service_worker(state: &UseReducerHandle<State>) {
    let dispatch = state.dispatcher();
    use_effect_with((), move |_| {
        if let Some(container) = container() {
            let announce = {
                let (dispatch, container) = (dispatch.clone(), container.clone());
                move |reg: &web_sys::ServiceWorkerRegistration| {
                    // A waiting worker with a worker in control: an update, not the first install.
                    if reg.waiting().is_some() && container.controller().is_some() {
                        dispatch.dispatch(Action::Notice(Some(Notice::NewVersion)));
                    }
                }
            };
            wasm_bindgen_futures::spawn_local(async move {
                let Ok(reg) = JsFuture::from(container.register("sw.js")).await else { return };
                let Ok(reg) = reg.dyn_into::<web_sys::ServiceWorkerRegistration>() else { return };
                announce(&reg);
                let on_update = {
                    let (reg2, announce) = (reg.clone(), announce.clone());
                    EventListener::new(&reg, "updatefound", move |_| {
                        let Some(installing) = reg2.installing() else { return };
                        let (reg3, announce) = (reg2.clone(), announce.clone());
                        let listener = EventListener::new(&installing, "statechange", move |_| announce(&reg3));
                        LISTENERS.with(|l| l.borrow_mut().push(listener));
                    })
                };
                LISTENERS.with(|l| l.borrow_mut().push(on_update));
                REGISTRATION.with(|r| *r.borrow_mut() = Some(reg));
            });
        }
    });
}

/// The user asked for the new version: let it take over, and reload when it has.
pub fn apply_update() {
    let Some(container) = container() else { return };
    let waiting = REGISTRATION.with(|r| r.borrow().as_ref().and_then(|reg| reg.waiting()));
    let Some(waiting) = waiting else { return };
    let reload = EventListener::once(&container, "controllerchange", |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.location().reload();
        }
    });
    LISTENERS.with(|l| l.borrow_mut().push(reload));
    let _ = waiting.post_message(&"skip-waiting".into());
}
