//! Keys the whole page answers to: Esc leaves what is open (the state decides what that is); while
//! presenting, arrows, space and Page Up/Down move between slides. Typing in a field keeps its keys.

use gloo_events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::state::{Action, Mode, State};

#[hook]
pub fn use_keys(state: &UseReducerHandle<State>) {
    let dispatch = state.dispatcher();
    let presenting = matches!(state.mode, Mode::Present(_));
    use_effect_with(presenting, move |&presenting| {
        let listener = web_sys::window().map(|w| {
            // Not passive: space and arrows must not scroll the page under the slides.
            EventListener::new_with_options(&w, "keydown", EventListenerOptions::enable_prevent_default(), move |e| {
                let Some(e) = e.dyn_ref::<web_sys::KeyboardEvent>() else { return };
                let in_field = e
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                    .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"));
                if in_field || e.ctrl_key() || e.alt_key() || e.meta_key() {
                    return;
                }
                let action = match e.key().as_str() {
                    "Escape" => Action::Escape,
                    "ArrowRight" | "ArrowDown" | "PageDown" | " " | "Enter" if presenting => Action::Slide(1),
                    "ArrowLeft" | "ArrowUp" | "PageUp" | "Backspace" if presenting => Action::Slide(-1),
                    "Home" if presenting => Action::Slide(isize::MIN / 2),
                    "End" if presenting => Action::Slide(isize::MAX / 2),
                    _ => return,
                };
                if presenting {
                    e.prevent_default();
                }
                dispatch.dispatch(action);
            })
        });
        move || drop(listener)
    });
}
