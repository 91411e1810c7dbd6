//! The leadership views' side effects: the language kept by this browser (and the page's `lang`), the
//! day a report is dated, and full screen while presenting.

use gloo_events::EventListener;
use gloo_storage::Storage;
use yew::prelude::*;

use crate::present::text::Lang;
use crate::state::{Action, Mode, State};

/// Where this browser keeps the language ("vi", "en").
const LANG_KEY: &str = "chiso.lang";

/// The language this browser keeps (the default when none, or an unknown one).
pub fn kept_lang() -> Lang {
    gloo_storage::LocalStorage::raw()
        .get_item(LANG_KEY)
        .ok()
        .flatten()
        .map_or_else(Lang::default, |c| Lang::from_code(&c))
}

/// Keeps the language when it changes, and tells the page (`<html lang>`: screen readers, hyphenation).
#[hook]
pub fn use_lang(state: &UseReducerHandle<State>) {
    use_effect_with(state.lang, |lang| {
        // A full store only loses the choice of language: nothing to tell the user.
        let _ = gloo_storage::LocalStorage::raw().set_item(LANG_KEY, lang.code());
        if let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
            let _ = root.set_attribute("lang", lang.code());
        }
    });
}

/// Today in the browser's time zone, YYYY-MM-DD.
pub fn today() -> String {
    let d = js_sys::Date::new_0();
    format!("{:04}-{:02}-{:02}", d.get_full_year(), d.get_month() + 1, d.get_date())
}

/// Full screen while presenting; leaving full screen (the browser's own Esc) leaves the presentation.
#[hook]
pub fn use_fullscreen(mode: Mode) {
    let presenting = matches!(mode, Mode::Present(_));
    use_effect_with(presenting, |&on| {
        let document = web_sys::window().and_then(|w| w.document());
        if let Some(d) = &document {
            if on && d.fullscreen_element().is_none() {
                if let Some(root) = d.document_element() {
                    // Refused without a user's gesture or in a frame: the slides then fill the window.
                    let _ = root.request_fullscreen();
                }
            } else if !on && d.fullscreen_element().is_some() {
                d.exit_fullscreen();
            }
        }
    });
}

/// While presenting: leaving full screen leaves the presentation.
#[hook]
pub fn use_leave_on_exit_fullscreen(state: &UseReducerHandle<State>) {
    let presenting = matches!(state.mode, Mode::Present(_));
    let dispatch = state.dispatcher();
    use_effect_with(presenting, move |&on| {
        let listener = web_sys::window().and_then(|w| w.document()).filter(|_| on).map(|d| {
            let doc = d.clone();
            EventListener::new(&d, "fullscreenchange", move |_| {
                if doc.fullscreen_element().is_none() {
                    dispatch.dispatch(Action::SetMode(Mode::Work));
                }
            })
        });
        move || drop(listener)
    });
}

/// Says so when the page runs inside another site's frame (a page's policy cannot forbid framing; the
/// host's header can: see the README). Once, at start.
#[hook]
pub fn use_framed_warning(state: &UseReducerHandle<State>) {
    let dispatch = state.dispatcher();
    use_effect_with((), move |_| {
        if let Some(w) = web_sys::window() {
            let framed = match w.top() {
                Ok(Some(top)) => !js_sys::Object::is(&top, &w),
                // A top window this page may not even look at is another site's.
                _ => true,
            };
            if framed {
                dispatch.dispatch(Action::Notice(Some(crate::state::Notice::Framed)));
            }
        }
    });
}
