use yew::prelude::*;

use super::hooks::apply_update;
use crate::state::{Action, Notice, State};

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
            if *n == Notice::NewVersion {
                { " " }<button type="button" class="link-button" data-testid="reload" onclick={Callback::from(|_| apply_update())}>{ t.reload }</button>
            }
            <button type="button" class="close" onclick={dismiss} aria-label={t.dismiss}>{ "×" }</button>
        </p>
    }
}
