use yew::prelude::*;

use crate::present::labels;
use crate::state::{Action, State};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub state: UseReducerHandle<State>,
}

/// Which peer group the ranking shows (communes, departments, …).
#[function_component(PeerTabs)]
pub fn peer_tabs(Props { state }: &Props) -> Html {
    let tabs = (0..state.peers.groups.len()).map(|g| {
        let selected = g == state.peer_group;
        let onclick = {
            let state = state.clone();
            Callback::from(move |_| state.dispatch(Action::ShowPeerGroup(g)))
        };
        html! {
            <button type="button" role="tab" aria-selected={selected.to_string()}
                    class={classes!("tab", selected.then_some("active"))} {onclick}>
                { state.peer_group_label(g) }
            </button>
        }
    });
    html! {
        <div class="tabs" role="tablist" aria-label={labels::PEER_GROUP}>{ for tabs }</div>
    }
}
