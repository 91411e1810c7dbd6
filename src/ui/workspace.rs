use std::rc::Rc;

use yew::prelude::*;

use super::data_tools::data_tools;
use super::header::snapshot_header;
use super::hooks::{
    kept_for, kept_lang, location_hash, planning_action, use_framed_warning, use_keys, use_lang,
    use_leave_on_exit_fullscreen, use_link, use_service_worker, use_store,
};
use super::notice::notice;
use super::peer_tabs::{peer_tabs, PeerLabels};
use super::province::ProvinceBar;
use super::ranking_table::RankingTable;
use super::report::{Presentation, ReportView};
use super::search_box::search_box;
use super::unit_detail::UnitDetail;
use crate::engine::Snapshot;
use crate::present::text::Lang;
use crate::state::{Action, DetailTab, Loaded, Mode, Shared, State};

#[derive(Properties)]
pub struct Props {
    /// The snapshot and what the page derives from it (loaded in steps beforehand, for a large one).
    pub data: Shared<Loaded>,
    /// The built-in dataset it is.
    #[prop_or_default]
    pub dataset: Option<&'static str>,
    /// The national list of its period, if the site has one.
    #[prop_or_default]
    pub nation: Option<Rc<Snapshot>>,
    /// Told which built-in data is shown (`None` once a file is opened in its place).
    #[prop_or_default]
    pub showing: Callback<Option<&'static str>>,
}

impl PartialEq for Props {
    fn eq(&self, other: &Self) -> bool {
        let same_nation = match (&self.nation, &other.nation) {
            (Some(a), Some(b)) => Rc::ptr_eq(a, b),
            (a, b) => a.is_none() && b.is_none(),
        };
        self.data == other.data && self.dataset == other.dataset && same_nation && self.showing == other.showing
    }
}

/// The page once a snapshot is loaded: its header, the ranking of a peer group, the selected unit's
/// breakdown. The address and the browser's store follow the state (`hooks`).
#[function_component(Workspace)]
pub fn workspace(Props { data, dataset, nation, showing }: &Props) -> Html {
    // The first frame already shows what this browser kept for the data, then what the link names.
    let state = use_reducer(|| {
        let mut state = State::from_data(data.clone()).reduce(Action::SetLang(kept_lang()));
        if let Some(id) = dataset {
            state = state.with_dataset(id);
        }
        if let Some(list) = nation {
            state = state.reduce(Action::SetNation(Rc::clone(list)));
        }
        let kept = kept_for(state.identity());
        let planning = planning_action(&state.snapshot().methodology);
        state.reduce(planning).reduce(Action::Restore(kept)).reduce(Action::OpenLink(location_hash()))
    });
    use_link(&state);
    use_store(&state);
    use_service_worker(&state);
    use_keys(&state);
    use_lang(&state);
    use_framed_warning(&state);
    use_leave_on_exit_fullscreen(&state);
    {
        let showing = showing.clone();
        use_effect_with(state.dataset, move |d| showing.emit(*d));
    }
    let t = state.text();
    // Labels once per data and language (a hostile snapshot may have thousands of peer groups: then
    // only their count).
    let tab_labels = {
        let s = state.clone();
        use_memo((state.data.clone(), state.lang), move |_| PeerLabels::of(&s))
    };
    match state.mode {
        Mode::Report => return html! { <ReportView state={state.clone()} /> },
        Mode::Present(_) => return html! { <Presentation state={state.clone()} /> },
        Mode::Work => {}
    }
    html! {
        <>
            { snapshot_header(t, state.snapshot(), state.dataset, leader_tools(&state)) }
            if state.province().is_some() { <ProvinceBar state={state.clone()} /> }
            { data_tools(&state) }
            { notice(&state) }
            <main class={classes!("layout", (state.selected.is_some() && state.tab != DetailTab::WhatIf).then_some("wide-detail"))}>
                <section class="ranking" aria-label={t.ranking_caption}>
                    <div class="toolbar">
                        { peer_tabs(t, &state, &state.dispatcher(), &tab_labels) }
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

/// The report, the presentation and the language, at the top of the page. (A view function.)
fn leader_tools(state: &UseReducerHandle<State>) -> Html {
    let t = state.text();
    let on = |action: fn() -> Action| {
        let dispatch = state.dispatcher();
        Callback::from(move |_| dispatch.dispatch(action()))
    };
    let other = if state.lang == Lang::Vi { Lang::En } else { Lang::Vi };
    let lang = {
        let dispatch = state.dispatcher();
        Callback::from(move |_| dispatch.dispatch(Action::SetLang(other)))
    };
    html! {
        <div class="leader-tools">
            <button type="button" data-testid="report" title={t.report_open_title} onclick={on(|| Action::SetMode(Mode::Report))}>{ t.report_open }</button>
            <button type="button" data-testid="present" title={t.present_open_title} onclick={on(|| Action::SetMode(Mode::Present(0)))}>{ t.present_open }</button>
            <button type="button" data-testid="lang" lang={other.code()} title={t.lang_toggle_title} onclick={lang}>{ t.lang_toggle }</button>
        </div>
    }
}
