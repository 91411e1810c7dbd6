use yew::prelude::*;

use super::compare::ComparePanel;
use super::download::download;
use super::hooks::today;
use super::import_panel::ImportPanel;
use super::saved_scenarios::SavedScenarios;
use crate::engine::{snapshot_json, template_csv};
use crate::present::breakdown::breakdown;
use crate::present::export;
use crate::state::State;

/// Data in and out: open files, save and reopen scenarios, export the ranking, a unit's plan and the data.
/// (A view function over the workspace's state.)
pub fn data_tools(state: &UseReducerHandle<State>) -> Html {
    let t = state.text();
    let ranking = {
        let state = state.clone();
        Callback::from(move |_| {
            let rows = state.visible_rows();
            let text = export::ranking(t, state.snapshot(), state.baseline(), &state.current, &rows, |u| {
                state.scenario.has_unit(u)
            });
            let group = state.peer_group_label(state.peer_group);
            download(&export::file_name(&["xep-hang", &group, &today()], "csv"), "text/csv;charset=utf-8", &text);
        })
    };
    let plan = state.selected.map(|u| {
        let state = state.clone();
        Callback::from(move |_| {
            let snap = state.snapshot();
            let b = breakdown(state.text(), snap, &state.scenario, state.baseline(), &state.current, u);
            let unit = &snap.units[u];
            let levers: Vec<String> = super::unit_detail::LEVER_GROUPS
                .iter()
                .filter_map(|code| {
                    let g = snap.methodology.group_index(code)?;
                    Some(format!("{code} {}%", state.scenario.group_level(snap, u, g)?))
                })
                .collect();
            let rank = format!(
                "{} → {}/{} {}",
                b.baseline_rank.rank,
                b.rank.rank,
                b.rank.of,
                t.level_plural_lower(unit.level)
            );
            let (data, scenario) = (state.data_title(), state.scenario_name());
            let head = export::PlanHeader {
                unit: &unit.name,
                code: &unit.code,
                data: &data,
                scenario: scenario.as_deref(),
                levers: levers.join(", "),
                rank,
            };
            let name = export::file_name(&["ke-hoach", &unit.code, &today()], "csv");
            download(&name, "text/csv;charset=utf-8", &export::plan(t, &head, &b));
        })
    });
    let json = {
        let state = state.clone();
        Callback::from(move |_| {
            let name = export::file_name(&["du-lieu", state.identity(), &today()], "json");
            download(&name, "application/json", &snapshot_json::to_string(state.snapshot()));
        })
    };
    let csv = {
        let state = state.clone();
        Callback::from(move |_| {
            let name = export::file_name(&["du-lieu", state.identity(), &today()], "csv");
            download(&name, "text/csv;charset=utf-8", &template_csv::write(state.snapshot()));
        })
    };
    // The link to what is shown (the address says the same once changes pause): copied for a chat.
    let hash = state.link().to_hash();
    let copy = {
        let hash = hash.clone();
        Callback::from(move |_| {
            if let Some(w) = web_sys::window() {
                let href = w.location().href().unwrap_or_default();
                let page = href.split('#').next().unwrap_or_default();
                let _ = w.navigator().clipboard().write_text(&format!("{page}{hash}"));
            }
        })
    };
    html! {
        <div class="data-tools">
            <ImportPanel dispatch={state.dispatcher()} lang={state.lang} />
            <SavedScenarios dispatch={state.dispatcher()} saved={state.saved.clone()} lang={state.lang} />
            <div class="exports">
                <button type="button" class="link-button" data-testid="share-link" data-hash={hash} onclick={copy}>{ t.copy_link }</button>
                <button type="button" class="link-button" data-testid="export-ranking" onclick={ranking}>{ t.export_ranking }</button>
                if let Some(plan) = plan { <button type="button" class="link-button" data-testid="export-plan" onclick={plan}>{ t.export_plan }</button> }
                <button type="button" class="link-button" data-testid="export-json" onclick={json}>{ t.export_data }</button>
                <button type="button" class="link-button" data-testid="export-template" onclick={csv}>{ t.export_template }</button>
            </div>
            <ComparePanel state={state.clone()} />
        </div>
    }
}
