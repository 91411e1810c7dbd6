use yew::prelude::*;

use crate::present::text::Text;
use crate::state::{Action, State};

/// Which peer group the ranking shows (communes, departments, …): one tab per label. (A view function.)
pub fn peer_tabs(t: &Text, dispatch: &UseReducerDispatcher<State>, tab_labels: &[String], selected: usize) -> Html {
    let tabs = tab_labels.iter().enumerate().map(|(g, label)| {
        let active = g == selected;
        let onclick = {
            let dispatch = dispatch.clone();
            Callback::from(move |_| dispatch.dispatch(Action::ShowPeerGroup(g)))
        };
        html! {
            <button type="button" role="tab" aria-selected={active.to_string()}
                    class={classes!("tab", active.then_some("active"))} {onclick}>
                <bdi>{ label }</bdi>
            </button>
        }
    });
    html! {
        <div class="tabs" role="tablist" aria-label={t.peer_group}>{ for tabs }</div>
    }
}
