use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::header::snapshot_header;
use super::peer_tabs::peer_tabs;
use super::ranking_table::RankingTable;
use super::search_box::search_box;
use super::unit_detail::UnitDetail;
use crate::engine::Snapshot;
use crate::present::{hash, labels};
use crate::state::{Action, State};

fn location_hash() -> String {
    web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default()
}

#[derive(Properties)]
pub struct Props {
    pub snapshot: Rc<Snapshot>,
}

impl PartialEq for Props {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.snapshot, &other.snapshot)
    }
}

/// The page once a snapshot is loaded: its header, the ranking of a peer group, the selected unit's
/// breakdown. The selected unit follows the URL hash (`#unit=<code>`) both ways.
#[function_component(Workspace)]
pub fn workspace(Props { snapshot }: &Props) -> Html {
    // The first frame already shows the unit a link names.
    let state = use_reducer(|| State::new(Rc::clone(snapshot)).reduce(Action::Select(hash::unit_of(&location_hash()))));

    // URL hash → selection, whenever the hash changes (a pasted link, back and forward).
    {
        let dispatch = state.dispatcher();
        use_effect_with((), move |_| {
            let select = move || dispatch.dispatch(Action::Select(hash::unit_of(&location_hash())));
            let listener = Closure::<dyn Fn()>::new(select);
            let window = web_sys::window();
            if let Some(w) = &window {
                let _ = w.add_event_listener_with_callback("hashchange", listener.as_ref().unchecked_ref());
            }
            move || {
                if let Some(w) = window {
                    let _ = w.remove_event_listener_with_callback("hashchange", listener.as_ref().unchecked_ref());
                }
            }
        });
    }
    // Selection → URL hash (replaced, so that the address is always the link to what is shown).
    {
        let code = state.selected.map(|u| state.snapshot.units[u].code.clone());
        use_effect_with(code, |code| {
            let wanted = code.as_deref().map(hash::for_unit).unwrap_or_default();
            if location_hash() != wanted {
                if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
                    let url = if wanted.is_empty() { " ".to_owned() } else { wanted };
                    let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(url.trim()));
                }
            }
        });
    }

    let tab_labels: Vec<String> = (0..state.peers.groups.len()).map(|g| state.peer_group_label(g)).collect();
    html! {
        <>
            { snapshot_header(&state.snapshot) }
            <main class="layout">
                <section class="ranking" aria-label={labels::RANKING_CAPTION}>
                    <div class="toolbar">
                        { peer_tabs(&state.dispatcher(), &tab_labels, state.peer_group) }
                        { search_box(&state.dispatcher(), &state.query) }
                    </div>
                    <RankingTable state={state.clone()} />
                </section>
                <aside class="detail" aria-live="polite">
                    <UnitDetail state={state.clone()} />
                </aside>
            </main>
        </>
    }
}
