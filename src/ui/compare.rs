//! Another period side by side: open a file of the same units (another month, quarter or year), or
//! one of the built-in data; the ranking then shows each unit's change in rank and points, and the
//! units found in one period only are listed.

use std::rc::Rc;

use yew::prelude::*;

use crate::datasets;
use crate::present::province::dataset_label;
use crate::present::text::fill;
use crate::state::{Action, State};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub state: UseReducerHandle<State>,
}

/// How many names a "only in one period" line lists.
const NAMED: usize = 8;

#[function_component(ComparePanel)]
pub fn compare_panel(Props { state }: &Props) -> Html {
    let t = state.text();
    let problems = use_state(Vec::<String>::new);
    let open_files = {
        let (dispatch, problems, lang) = (state.dispatcher(), problems.clone(), state.lang);
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let files: Vec<gloo_file::File> = input
                .files()
                .map(|l| (0..l.length()).filter_map(|i| l.get(i)).map(gloo_file::File::from).collect())
                .unwrap_or_default();
            input.set_value("");
            let (dispatch, problems) = (dispatch.clone(), problems.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match super::import_worker::import(&files, lang).await {
                    Ok((snapshot, _)) => {
                        problems.set(Vec::new());
                        dispatch.dispatch(Action::SetCompare(Some(Rc::new(snapshot))));
                    }
                    Err(p) => problems.set(p),
                }
            });
        })
    };
    let pick = {
        let (dispatch, problems, lang) = (state.dispatcher(), problems.clone(), state.lang);
        Callback::from(move |e: Event| {
            let id = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
            let Some(d) = datasets::find(&id) else {
                dispatch.dispatch(Action::SetCompare(None));
                return;
            };
            let (dispatch, problems) = (dispatch.clone(), problems.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match super::import_worker::load(&d.file(), lang).await {
                    Ok((snapshot, _)) => dispatch.dispatch(Action::SetCompare(Some(Rc::new(snapshot)))),
                    Err(p) => problems.set(p),
                }
            });
        })
    };
    let stop = {
        let dispatch = state.dispatcher();
        Callback::from(move |_| dispatch.dispatch(Action::SetCompare(None)))
    };
    let snap = state.snapshot();
    let summary = state.compare.as_ref().map(|c| {
        let period = t.period_or_title(&c.other.meta);
        let title = format!("{} — {period}", c.other.meta.title);
        let here = c.only_here();
        let common = snap.units.len() - here.len();
        let list = |names: Vec<&str>| t.some_of(&names[..names.len().min(NAMED)], names.len());
        html! {
            <div class="compare-summary" data-testid="compare-summary">
                <p><bdi>{ fill(t.compare_summary, &[("title", &title), ("n", &t.int(common as u64))]) }</bdi>
                    { " " }<button type="button" class="link-button" onclick={stop}>{ t.compare_stop }</button></p>
                if !here.is_empty() {
                    <p class="note" data-testid="compare-only-here"><bdi>{ fill(t.compare_only_here, &[
                        ("n", &here.len().to_string()),
                        ("names", &list(here.iter().map(|&u| snap.units[u].name.as_str()).collect())),
                    ]) }</bdi></p>
                }
                if !c.only_there.is_empty() {
                    <p class="note" data-testid="compare-only-there"><bdi>{ fill(t.compare_only_there, &[
                        ("period", &period),
                        ("n", &c.only_there.len().to_string()),
                        ("names", &list(c.only_there.iter().map(|&u| c.other.units[u].name.as_str()).collect())),
                    ]) }</bdi></p>
                }
            </div>
        }
    });
    html! {
        <div class="compare">
            <label class="link-button">
                { t.compare_open }
                <input type="file" class="visually-hidden" data-testid="import-compare" multiple=true
                       accept=".json,.csv,.har,application/json,text/csv" onchange={open_files} />
            </label>
            <label class="small">{ t.compare_builtin }{ " " }
                <select data-testid="compare-choice" onchange={pick}>
                    <option value="" selected={state.compare.is_none()}>{ t.compare_none }</option>
                    { for datasets::ALL.iter().filter(|d| Some(d.id) != state.dataset).map(|d| html! {
                        <option value={d.id}>{ dataset_label(t, d) }</option>
                    }) }
                </select>
            </label>
            if !problems.is_empty() {
                <ul class="import-errors" role="alert">{ for problems.iter().map(|p| html! { <li dir="auto">{ p }</li> }) }</ul>
            }
            { summary.unwrap_or_default() }
        </div>
    }
}
