use yew::prelude::*;

use super::download::download;
use super::import_panel::ImportPanel;
use super::saved_scenarios::SavedScenarios;
use crate::engine::{snapshot_json, template_csv};
use crate::present::breakdown::breakdown;
use crate::present::{export, labels};
use crate::state::State;

fn today() -> String {
    let d = js_sys::Date::new_0();
    format!("{:04}-{:02}-{:02}", d.get_full_year(), d.get_month() + 1, d.get_date())
}

/// Data in and out: open files, save and reopen scenarios, export the ranking, a unit's plan and the data.
/// (A view function over the workspace's state.)
pub fn data_tools(state: &UseReducerHandle<State>) -> Html {
    let ranking = {
        let state = state.clone();
        Callback::from(move |_| {
            let rows = state.visible_rows();
            let text = export::ranking(&state.snapshot, &state.baseline, &state.current, &rows, |u| {
                state.scenario.has_unit(u)
            });
            let group = state.peer_group_label(state.peer_group);
            download(&export::file_name(&["xep-hang", &group, &today()], "csv"), "text/csv;charset=utf-8", &text);
        })
    };
    let plan = state.selected.map(|u| {
        let state = state.clone();
        Callback::from(move |_| {
            let b = breakdown(&state.snapshot, &state.scenario, &state.baseline, &state.current, u);
            let unit = &state.snapshot.units[u];
            download(
                &export::file_name(&["ke-hoach", &unit.code, &today()], "csv"),
                "text/csv;charset=utf-8",
                &export::plan(&unit.name, &b),
            );
        })
    });
    let json = {
        let state = state.clone();
        Callback::from(move |_| {
            download(
                &export::file_name(&["du-lieu", &state.identity, &today()], "json"),
                "application/json",
                &snapshot_json::to_string(&state.snapshot),
            );
        })
    };
    let csv = {
        let state = state.clone();
        Callback::from(move |_| {
            download(
                &export::file_name(&["du-lieu", &state.identity, &today()], "csv"),
                "text/csv;charset=utf-8",
                &template_csv::write(&state.snapshot),
            );
        })
    };
    html! {
        <div class="data-tools">
            <ImportPanel dispatch={state.dispatcher()} />
            <SavedScenarios dispatch={state.dispatcher()} snapshot={state.snapshot.clone()} identity={state.identity.clone()} />
            <div class="exports">
                <button type="button" class="link-button" data-testid="export-ranking" onclick={ranking}>{ labels::EXPORT_RANKING }</button>
                if let Some(plan) = plan { <button type="button" class="link-button" data-testid="export-plan" onclick={plan}>{ labels::EXPORT_PLAN }</button> }
                <button type="button" class="link-button" onclick={json}>{ labels::EXPORT_DATA }</button>
                <button type="button" class="link-button" onclick={csv}>{ labels::EXPORT_TEMPLATE }</button>
            </div>
        </div>
    }
}
