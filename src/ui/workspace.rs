use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::data_tools::data_tools;
use super::header::snapshot_header;
use super::peer_tabs::peer_tabs;
use super::ranking_table::RankingTable;
use super::search_box::search_box;
use super::storage;
use super::unit_detail::UnitDetail;
use crate::engine::share;
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
    // The first frame already shows what a link names; without a scenario in the link, the working
    // scenario kept in this browser for this data comes back.
    let state = use_reducer(|| {
        let mut state = State::new(Rc::clone(snapshot));
        let link = hash::Link::parse(&location_hash());
        if link.scenario.is_none() {
            let (store, damaged) = storage::load();
            if let Some(kept) = store.by_data.get(&*state.identity) {
                if let Ok(scenario) = share::decode(&state.snapshot, &kept.working) {
                    state = state.reduce(Action::SetScenario { scenario, unit: kept.working_unit.clone() });
                }
            }
            if let Some(why) = damaged {
                state = state.reduce(Action::Notice(Some(format!("{} ({why}).", labels::STORE_DAMAGED))));
            }
        }
        state.reduce(Action::OpenLink(location_hash()))
    });

    // URL hash → selection, whenever the hash changes (a pasted link, back and forward).
    {
        let dispatch = state.dispatcher();
        use_effect_with((), move |_| {
            let select = move || dispatch.dispatch(Action::OpenLink(location_hash()));
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
    // What is shown → URL hash (replaced, so that the address is always the link to share), and the
    // working scenario kept in this browser for this data. Written once the user pauses (150 ms), not at
    // every slider step: storage is slow, and browsers throttle bursts of history updates.
    let pending = use_mut_ref(|| 0u64);
    {
        let link = state.link();
        let (identity, title) = (state.identity.to_string(), state.snapshot.meta.title.clone());
        let dispatch = state.dispatcher();
        let pending = pending.clone();
        use_effect_with(link, move |link| {
            *pending.borrow_mut() += 1;
            let (ticket, link) = (*pending.borrow(), link.clone());
            wasm_bindgen_futures::spawn_local(async move {
                yew::platform::time::sleep(std::time::Duration::from_millis(150)).await;
                if *pending.borrow() != ticket {
                    return; // a newer change will write
                }
                let wanted = link.to_hash();
                if location_hash() != wanted {
                    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
                        let url = if wanted.is_empty() { " ".to_owned() } else { wanted };
                        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(url.trim()));
                    }
                }
                let (mut store, damaged) = storage::load();
                if let Some(why) = damaged {
                    dispatch.dispatch(Action::Notice(Some(format!("{} ({why}).", labels::STORE_DAMAGED))));
                }
                let working = link.scenario.clone().unwrap_or_default();
                let kept = store.by_data.get(&identity).map(|d| (d.working.clone(), d.working_unit.clone()));
                if kept != Some((working.clone(), link.unit.clone())) && !(kept.is_none() && working.is_empty()) {
                    let entry = store.by_data.entry(identity).or_default();
                    entry.title = title;
                    entry.working = working;
                    entry.working_unit = link.unit.clone();
                    storage::save(&store);
                }
            });
        });
    }
    let dismiss = {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(Action::Notice(None)))
    };
    let tab_labels: Vec<String> = (0..state.peers.groups.len()).map(|g| state.peer_group_label(g)).collect();
    html! {
        <>
            { snapshot_header(&state.snapshot) }
            { data_tools(&state) }
            if let Some(notice) = &state.notice {
                <p class="notice" role="alert" data-testid="notice">{ notice }<button type="button" class="close" onclick={dismiss} aria-label={labels::CLOSE}>{ "×" }</button></p>
            }
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
