use std::rc::Rc;

use yew::prelude::*;

use super::data_tools::data_tools;
use super::header::snapshot_header;
use super::hooks::{kept_for, location_hash, planning_action, use_link, use_service_worker, use_store};
use super::notice::notice;
use super::peer_tabs::peer_tabs;
use super::ranking_table::RankingTable;
use super::search_box::search_box;
use super::unit_detail::UnitDetail;
use crate::engine::Snapshot;
use crate::state::{Action, DetailTab, State};

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
/// breakdown. The address and the browser's store follow the state (`hooks`).
#[function_component(Workspace)]
pub fn workspace(Props { snapshot }: &Props) -> Html {
    // The first frame already shows what this browser kept for the data, then what the link names.
    let state = use_reducer(|| {
        let state = State::new(Rc::clone(snapshot));
        let kept = kept_for(state.identity());
        let planning = planning_action(&state.snapshot().methodology);
        state.reduce(planning).reduce(Action::Restore(kept)).reduce(Action::OpenLink(location_hash()))
    });
    use_link(&state);
    use_store(&state);
    use_service_worker(&state);
    let t = state.text();
    let tab_labels: Vec<String> = (0..state.peers().groups.len()).map(|g| state.peer_group_label(g)).collect();
    html! {
        <>
            { snapshot_header(t, state.snapshot()) }
            { data_tools(&state) }
            { notice(&state) }
            <main class={classes!("layout", (state.selected.is_some() && state.tab != DetailTab::WhatIf).then_some("wide-detail"))}>
                <section class="ranking" aria-label={t.ranking_caption}>
                    <div class="toolbar">
                        { peer_tabs(t, &state.dispatcher(), &tab_labels, state.peer_group) }
                        { search_box(t, &state.dispatcher(), &state.query) }
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
