use yew::prelude::*;

use crate::present::labels;
use crate::state::{Action, State};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub dispatch: UseReducerDispatcher<State>,
    /// The label of every peer group, in order.
    pub labels: Vec<String>,
    pub selected: usize,
}

/// Which peer group the ranking shows (communes, departments, …).
#[function_component(PeerTabs)]
pub fn peer_tabs(Props { dispatch, labels: tab_labels, selected }: &Props) -> Html {
    let tabs = tab_labels.iter().enumerate().map(|(g, label)| {
        let active = g == *selected;
        let onclick = {
            let dispatch = dispatch.clone();
            Callback::from(move |_| dispatch.dispatch(Action::ShowPeerGroup(g)))
        };
        html! {
            <button type="button" role="tab" aria-selected={active.to_string()}
                    class={classes!("tab", active.then_some("active"))} {onclick}>
                { label }
            </button>
        }
    });
    html! {
        <div class="tabs" role="tablist" aria-label={labels::PEER_GROUP}>{ for tabs }</div>
    }
}
