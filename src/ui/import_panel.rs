use std::rc::Rc;

use yew::prelude::*;

use super::download::download;
use super::hooks::kept_for;
use crate::engine::{template_csv, Methodology};
use crate::present::text::{fill, Lang};
use crate::state::{Action, State};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub dispatch: UseReducerDispatcher<State>,
    pub lang: Lang,
}

#[derive(Clone, PartialEq)]
enum Status {
    Idle,
    Reading(u64),
    Scoring(usize),
    Failed(Vec<String>),
    Loaded { title: String, units: usize, warnings: Vec<String> },
}

/// How many problems the panel lists (the rest are counted).
const LISTED: usize = 200;

/// Opens the user's data: a snapshot JSON, the portal's six CSV files, or the one-table template,
/// picked or dropped, several at once. Every problem is listed (file, row, unit, field); data with
/// problems is not loaded and what was open stays open.
#[function_component(ImportPanel)]
pub fn import_panel(Props { dispatch, lang }: &Props) -> Html {
    let t = lang.text();
    let status = use_state(|| Status::Idle);
    let open = {
        let (dispatch, status, lang) = (dispatch.clone(), status.clone(), *lang);
        Rc::new(move |files: Vec<gloo_file::File>| {
            if files.is_empty() {
                return;
            }
            let (dispatch, status) = (dispatch.clone(), status.clone());
            status.set(Status::Reading(files.iter().map(|f| f.size()).sum()));
            wasm_bindgen_futures::spawn_local(async move {
                // Let the "reading" line paint before parsing a large file.
                gloo_timers::future::TimeoutFuture::new(20).await;
                // The files themselves go to the worker, which reads them: the page never copies their
                // bytes (a 50 MB file would hold its thread).
                let result = super::import_worker::import(&files, lang).await;
                match result {
                    Ok((snapshot, warnings)) => {
                        // Two stages, with frames between: checked, then scored and ranked (in steps).
                        status.set(Status::Scoring(snapshot.units.len()));
                        gloo_timers::future::TimeoutFuture::new(20).await;
                        let (title, units) = (snapshot.meta.title.clone(), snapshot.units.len());
                        let data = super::import_worker::loaded_in_steps(Rc::new(snapshot)).await;
                        status.set(Status::Loaded { title, units, warnings });
                        let kept = kept_for(&data.identity);
                        dispatch.dispatch(Action::Load { data, kept });
                    }
                    Err(problems) => status.set(Status::Failed(problems)),
                }
            });
        })
    };
    let from_list = |list: Option<web_sys::FileList>| -> Vec<gloo_file::File> {
        list.map(|l| (0..l.length()).filter_map(|i| l.get(i)).map(gloo_file::File::from).collect()).unwrap_or_default()
    };
    let onchange = {
        let open = open.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let files = from_list(input.files());
            input.set_value("");
            open(files);
        })
    };
    let ondragover = Callback::from(|e: DragEvent| e.prevent_default());
    let ondrop = {
        let open = open.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            open(from_list(e.data_transfer().and_then(|d| d.files())));
        })
    };
    let template = Callback::from(|_| {
        download(
            "mau-chi-so-766.csv",
            "text/csv;charset=utf-8",
            &template_csv::example(Methodology::default_version()),
        );
    });
    let n = |n: usize| n.to_string();
    html! {
        <div class="import" {ondragover} {ondrop}>
            <label class="import-button">
                { t.open_data }
                <input type="file" data-testid="import-file" multiple=true accept=".json,.csv,.har,application/json,text/csv" {onchange} />
            </label>
            <button type="button" class="link-button" onclick={template}>{ t.download_template }</button>
            <span class="import-hint">{ t.drop_hint }</span>
            <details class="howto" data-testid="portal-howto">
                <summary>{ t.howto_title }</summary>
                <ol>{ for t.howto_steps.iter().map(|s| html! { <li>{ *s }</li> }) }</ol>
                <p class="note">{ t.howto_files }</p>
                <p class="note warning">{ t.howto_privacy }</p>
            </details>
            {
                match &*status {
                    Status::Idle => html! {},
                    Status::Reading(bytes) => html! { <p class="import-status" aria-busy="true">{ fill(t.reading, &[("kb", &t.int(bytes / 1024))]) }</p> },
                    Status::Scoring(units) => html! { <p class="import-status" aria-busy="true">{ fill(t.scoring, &[("n", &t.int(*units as u64))]) }</p> },
                    Status::Loaded { title, units, warnings } => html! {
                        <>
                            <p class="import-status ok" role="status"><bdi>{ fill(t.loaded, &[("title", title), ("n", &t.int(*units as u64))]) }</bdi></p>
                            if !warnings.is_empty() {
                                <div class="import-warnings" data-testid="import-warnings">
                                    <p>{ fill(t.import_warnings, &[("n", &n(warnings.len()))]) }</p>
                                    <ul>{ for warnings.iter().take(LISTED).map(|w| html! { <li dir="auto">{ w }</li> }) }</ul>
                                </div>
                            }
                        </>
                    },
                    Status::Failed(problems) => html! {
                        <div class="import-errors" data-testid="import-errors" role="alert">
                            <p>{ fill(t.import_failed, &[("n", &n(problems.len()))]) }</p>
                            <ul>{ for problems.iter().take(LISTED).map(|p| html! { <li dir="auto">{ p }</li> }) }</ul>
                            if problems.len() > LISTED {
                                <p>{ fill(t.more_problems, &[("n", &n(problems.len() - LISTED))]) }{ " " }
                                    <button type="button" class="link-button" data-testid="download-problems" onclick={{
                                        let text = problems.join("\r\n");
                                        Callback::from(move |_| super::download::download("loi-du-lieu.txt", "text/plain;charset=utf-8", &text))
                                    }}>{ t.problems_download }</button>
                                </p>
                            }
                        </div>
                    },
                }
            }
        </div>
    }
}
