use std::rc::Rc;

use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

use super::download::download;
use crate::engine::{import, template_csv, Methodology};
use crate::present::labels;
use crate::state::{Action, State};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub dispatch: UseReducerDispatcher<State>,
}

#[derive(Clone, PartialEq)]
enum Status {
    Idle,
    Reading(usize),
    Scoring(usize),
    Failed(Vec<String>),
    Loaded(String),
}

async fn read_all(files: Vec<web_sys::File>) -> Result<Vec<(String, Vec<u8>)>, String> {
    let mut out = Vec::with_capacity(files.len());
    for f in files {
        let buffer =
            JsFuture::from(f.array_buffer()).await.map_err(|_| format!("{}: {}", f.name(), labels::READ_FAILED))?;
        out.push((f.name(), js_sys::Uint8Array::new(&buffer).to_vec()));
    }
    Ok(out)
}

/// Opens the user's data: a snapshot JSON, the portal's six CSV files, or the one-table template,
/// picked or dropped, several at once. Every problem is listed (file, row, unit, field); data with
/// problems is not loaded and what was open stays open.
#[function_component(ImportPanel)]
pub fn import_panel(Props { dispatch }: &Props) -> Html {
    let status = use_state(|| Status::Idle);
    let open = {
        let (dispatch, status) = (dispatch.clone(), status.clone());
        Rc::new(move |files: Vec<web_sys::File>| {
            if files.is_empty() {
                return;
            }
            let (dispatch, status) = (dispatch.clone(), status.clone());
            let total: f64 = files.iter().map(|f| f.size()).sum();
            status.set(Status::Reading(total as usize));
            wasm_bindgen_futures::spawn_local(async move {
                // Let the "reading" line paint before parsing a large file.
                yew::platform::time::sleep(std::time::Duration::from_millis(20)).await;
                let result = match read_all(files).await {
                    // Off the page's thread when the browser allows it, so that a large file does not
                    // freeze the page; on the page otherwise.
                    Ok(files) => match super::import_worker::import(&files).await {
                        Some(result) => result,
                        None => import::read_files(&files).map_err(|ps| ps.iter().map(ToString::to_string).collect()),
                    },
                    Err(e) => Err(vec![e]),
                };
                match result {
                    Ok(snapshot) => {
                        // Two stages, with a frame between: checked, then scored and ranked.
                        status.set(Status::Scoring(snapshot.units.len()));
                        yew::platform::time::sleep(std::time::Duration::from_millis(20)).await;
                        status.set(Status::Loaded(format!(
                            "{} {} ({} {})",
                            labels::LOADED,
                            snapshot.meta.title,
                            snapshot.units.len(),
                            labels::UNITS
                        )));
                        dispatch.dispatch(Action::Load(Rc::new(snapshot)));
                    }
                    Err(problems) => status.set(Status::Failed(problems)),
                }
            });
        })
    };
    let onchange = {
        let open = open.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let files =
                input.files().map(|list| (0..list.length()).filter_map(|i| list.get(i)).collect()).unwrap_or_default();
            input.set_value("");
            open(files);
        })
    };
    let ondragover = Callback::from(|e: DragEvent| e.prevent_default());
    let ondrop = {
        let open = open.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            let files = e
                .data_transfer()
                .and_then(|d| d.files())
                .map(|list| (0..list.length()).filter_map(|i| list.get(i)).collect());
            open(files.unwrap_or_default());
        })
    };
    let template = Callback::from(|_| {
        download(
            "mau-chi-so-766.csv",
            "text/csv;charset=utf-8",
            &template_csv::example(Methodology::default_version()),
        );
    });
    html! {
        <div class="import" {ondragover} {ondrop}>
            <label class="import-button">
                { labels::OPEN_DATA }
                <input type="file" data-testid="import-file" multiple=true accept=".json,.csv,application/json,text/csv" {onchange} />
            </label>
            <button type="button" class="link-button" onclick={template}>{ labels::DOWNLOAD_TEMPLATE }</button>
            <span class="import-hint">{ labels::DROP_HINT }</span>
            {
                match &*status {
                    Status::Idle => html! {},
                    Status::Reading(bytes) => html! { <p class="import-status" aria-busy="true">{ format!("{} ({} KB)…", labels::READING, bytes / 1024) }</p> },
                    Status::Scoring(units) => html! { <p class="import-status" aria-busy="true">{ format!("{} ({} {})…", labels::SCORING, units, labels::UNITS) }</p> },
                    Status::Loaded(msg) => html! { <p class="import-status ok" role="status">{ msg }</p> },
                    Status::Failed(problems) => html! {
                        <div class="import-errors" data-testid="import-errors" role="alert">
                            <p>{ format!("{} ({} {}):", labels::IMPORT_FAILED, problems.len(), labels::PROBLEMS) }</p>
                            <ul>{ for problems.iter().take(200).map(|p| html! { <li>{ p }</li> }) }</ul>
                            if problems.len() > 200 { <p>{ format!("… {} {}", problems.len() - 200, labels::MORE_PROBLEMS) }</p> }
                        </div>
                    },
                }
            }
        </div>
    }
}
