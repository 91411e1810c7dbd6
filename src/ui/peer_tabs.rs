use std::rc::Rc;

use yew::prelude::*;

use crate::present::text::Text;
use crate::state::{Action, State};

/// The most peer groups shown as tabs.
const MAX_TABS: usize = 8;
/// The most shown as a menu: past this (only a made-up or hostile file has so many) the browser's own
/// work on a menu of thousands of options costs a frame at each choice, so the group is chosen by number.
const MAX_MENU: usize = 200;

/// What the choice of peer group shows: every group's label (tabs, a menu), or, past `MAX_MENU`, only
/// how many there are and the chosen one's (thousands of labels would cost the first frame).
#[derive(PartialEq)]
pub enum PeerLabels {
    All(Rc<Vec<String>>),
    Count(usize),
}

impl PeerLabels {
    /// The labels the choice needs for the state's data (made once per data and language).
    pub fn of(state: &State) -> PeerLabels {
        match state.peers().groups.len() {
            n if n > MAX_MENU => PeerLabels::Count(n),
            n => PeerLabels::All(Rc::new((0..n).map(|g| state.peer_group_label(g)).collect())),
        }
    }
}

/// Which peer group the ranking shows (communes, departments, …): one tab per label. (A view function.)
pub fn peer_tabs(t: &Text, state: &State, dispatch: &UseReducerDispatcher<State>, labels: &PeerLabels) -> Html {
    let selected = state.peer_group;
    let tab_labels = match labels {
        PeerLabels::All(labels) => labels,
        PeerLabels::Count(n) => {
            let current = state.peer_group_label(selected);
            return html! { <PeerNumber label={t.peer_group} n={*n} {current} {selected} dispatch={dispatch.clone()} /> };
        }
    };
    // Many groups (a level split by parents) are a menu, not a row of tabs.
    if tab_labels.len() > MAX_TABS {
        return html! { <PeerMenu label={t.peer_group} labels={Rc::clone(tab_labels)} {selected} dispatch={dispatch.clone()} /> };
    }
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

#[derive(Properties, PartialEq)]
struct MenuProps {
    label: &'static str,
    labels: Rc<Vec<String>>,
    selected: usize,
    dispatch: UseReducerDispatcher<State>,
}

/// The peer groups as a menu. Its options are drawn once per data (thousands of them would cost a
/// frame at every change of group); the choice is set on the element.
#[function_component(PeerMenu)]
fn peer_menu(MenuProps { label, labels, selected, dispatch }: &MenuProps) -> Html {
    let select = use_node_ref();
    {
        let select = select.clone();
        use_effect_with((*selected, Rc::clone(labels)), move |(g, _)| {
            if let Some(s) = select.cast::<web_sys::HtmlSelectElement>() {
                s.set_value(&g.to_string());
            }
        });
    }
    let onchange = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
            if let Ok(g) = value.parse() {
                dispatch.dispatch(Action::ShowPeerGroup(g));
            }
        })
    };
    html! {
        <label class="peer-menu">{ *label }{ " " }
            <select data-testid="peer-menu" ref={select} {onchange}><Options labels={Rc::clone(labels)} /></select>
        </label>
    }
}

#[derive(Properties)]
struct OptionsProps {
    labels: Rc<Vec<String>>,
}

impl PartialEq for OptionsProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.labels, &other.labels)
    }
}

#[function_component(Options)]
fn options(OptionsProps { labels }: &OptionsProps) -> Html {
    labels.iter().enumerate().map(|(g, label)| html! { <option value={g.to_string()}>{ label }</option> }).collect()
}

/// The peer group by its number, with the one before and after, for files with very many groups.
#[derive(Properties, PartialEq)]
struct NumberProps {
    label: &'static str,
    /// How many groups, and the chosen one's label.
    n: usize,
    current: String,
    selected: usize,
    dispatch: UseReducerDispatcher<State>,
}

#[function_component(PeerNumber)]
fn peer_number(NumberProps { label, n, current, selected, dispatch }: &NumberProps) -> Html {
    let n = *n;
    let go = |g: usize| {
        let dispatch = dispatch.clone();
        Callback::from(move |_| dispatch.dispatch(Action::ShowPeerGroup(g)))
    };
    let onchange = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<web_sys::HtmlInputElement>().value();
            if let Ok(g) = value.trim().parse::<usize>() {
                dispatch.dispatch(Action::ShowPeerGroup(g.clamp(1, n) - 1));
            }
        })
    };
    html! {
        <div class="peer-number">
            <label>{ *label }{ " " }
                <input type="number" data-testid="peer-number" min="1" max={n.to_string()} value={(selected + 1).to_string()} {onchange} />
                { format!(" / {n}") }
            </label>
            <button type="button" class="tab" onclick={go(selected.saturating_sub(1))} disabled={*selected == 0}>{ "◀" }</button>
            <button type="button" class="tab" onclick={go((selected + 1).min(n - 1))} disabled={selected + 1 >= n}>{ "▶" }</button>
            <bdi class="peer-number-label">{ current }</bdi>
        </div>
    }
}
