use yew::prelude::*;

use super::hooks::{apply_update, keep_damaged, page_address};
use crate::state::{Action, Damaged, Notice, State};

/// Downloads every scenario of the open data (the browser would not keep them), each with its link.
fn export_scenarios(state: &UseReducerHandle<State>) -> Callback<MouseEvent> {
    let state = state.clone();
    Callback::from(move |_| {
        let file = state.scenarios_file(&page_address());
        super::download::download("chiso-kich-ban.json", "application/json", &file);
    })
}

/// Downloads the damaged store the browser had no room to set aside; a fresh store may then start.
fn download_damaged(state: &UseReducerHandle<State>, text: std::rc::Rc<str>) -> Callback<MouseEvent> {
    let dispatch = state.dispatcher();
    Callback::from(move |_| {
        keep_damaged(&text);
        dispatch.dispatch(Action::Notice(None));
    })
}

/// What the page tells the user (a link that cannot be applied, the store), until dismissed. Text that
/// comes from a link is shown apart, as quoted data. (A view function.)
pub fn notice(state: &UseReducerHandle<State>) -> Html {
    let Some(n) = &state.notice else { return html! {} };
    let t = state.text();
    let (words, quoted) = n.text(t);
    let dismiss = {
        let dispatch = state.dispatcher();
        Callback::from(move |_| dispatch.dispatch(Action::Notice(None)))
    };
    html! {
        <p class="notice" role="alert" data-testid="notice">
            { words }
            if let Some(q) = quoted { { " " }<q class="quoted" dir="auto">{ q }</q> }
            if matches!(n, Notice::ResetDone(_)) && state.undo.is_some() {
                { " " }<button type="button" class="link-button" data-testid="undo"
                               onclick={let d = state.dispatcher(); Callback::from(move |_| d.dispatch(Action::Undo))}>{ t.undo }</button>
            }
            if matches!(n, Notice::StoreFailed(_)) {
                { " " }<button type="button" class="link-button" data-testid="export-scenarios"
                               onclick={export_scenarios(state)}>{ t.export_scenarios }</button>
            }
            if let Notice::StoreDamaged(Damaged { unsaved: Some(text), .. }) = n {
                { " " }<button type="button" class="link-button" data-testid="download-damaged"
                               onclick={download_damaged(state, text.clone())}>{ t.download_damaged }</button>
            }
            if *n == Notice::NewVersion {
                { " " }<button type="button" class="link-button" data-testid="reload" onclick={Callback::from(|_| apply_update())}>{ t.reload }</button>
            }
            <button type="button" class="close" onclick={dismiss} aria-label={t.dismiss}>{ "×" }</button>
        </p>
    }
}
