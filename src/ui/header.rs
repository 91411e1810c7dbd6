use yew::prelude::*;

use super::hooks::open_dataset;
use crate::datasets;
use crate::engine::Snapshot;
use crate::present::province::dataset_label;
use crate::present::text::{fill, Text};

/// The data menu, the snapshot's title, period, source and capture date, and the methodology version;
/// `tools` (report, presentation, language) at the top.
/// (A view function.)
pub fn snapshot_header(t: &Text, snapshot: &Snapshot, dataset: Option<&'static str>, tools: Html) -> Html {
    let meta = &snapshot.meta;
    let period = meta.period.as_ref().map(|p| t.period(p));
    let choose = Callback::from(|e: Event| {
        let id = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
        if datasets::find(&id).is_some() {
            open_dataset(&id);
        }
    });
    html! {
        <header class="top">
            <div class="brand">
                <span class="app-name">{ t.app_name }</span>
                <span class="app-subtitle">{ t.app_subtitle }</span>
            </div>
            { tools }
            <label class="data-choice">{ t.data_label }{ " " }
                <select data-testid="data-choice" onchange={choose}>
                    if dataset.is_none() {
                        <option value="" selected=true>{ fill(t.data_imported, &[("title", &meta.title)]) }</option>
                    }
                    { for datasets::ALL.iter().map(|d| html! {
                        <option value={d.id} selected={dataset == Some(d.id)}>{ dataset_label(t, d) }</option>
                    }) }
                </select>
            </label>
            <h1 data-testid="snapshot-title">
                <bdi>{ &meta.title }</bdi>
                if let Some(p) = period { <span class="period" data-testid="snapshot-period">{ " — " }{ p }</span> }
            </h1>
            <p class="source">
                { t.source }{ ": " }<bdi>{ &meta.source }</bdi>
                if let Some(c) = &meta.captured { { format!(", {} {}", t.captured, t.date(c)) } }
                { format!(". {}: {}", t.methodology, snapshot.methodology.name) }
            </p>
        </header>
    }
}
