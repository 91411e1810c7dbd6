use yew::prelude::*;

use super::storage;
use crate::engine::share;
use crate::present::labels;
use crate::present::store::Saved;
use crate::state::{Action, State};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub state: UseReducerHandle<State>,
}

/// The scenarios saved for the data that is open: save the current one under a name, reopen, rename,
/// delete. Kept in this browser only.
#[function_component(SavedScenarios)]
pub fn saved_scenarios(Props { state }: &Props) -> Html {
    // The list is read from storage when the data changes, and after each change made here: never on
    // a render (a slider step re-renders this panel).
    let id = state.identity.to_string();
    let list = use_state(Vec::<Saved>::new);
    {
        let list = list.clone();
        use_effect_with(id.clone(), move |id| list.set(storage::load().0.by_data.get(id).map(|d| d.saved.clone()).unwrap_or_default()));
    }
    let name = use_state(String::new);
    let change = {
        let (list, id, title) = (list.clone(), id.clone(), state.snapshot.meta.title.clone());
        move |f: &dyn Fn(&mut Vec<Saved>)| {
            let (mut store, _) = storage::load();
            let entry = store.by_data.entry(id.clone()).or_default();
            entry.title = title.clone();
            f(&mut entry.saved);
            list.set(entry.saved.clone());
            storage::save(&store);
        }
    };
    let list_len = list.len();
    let save = {
        let (change, name, state) = (change.clone(), name.clone(), state.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let label = name.trim().to_owned();
            let label = if label.is_empty() { format!("{} {}", labels::SCENARIO, 1 + list_len) } else { label };
            let saved = Saved {
                name: label,
                text: share::encode(&state.snapshot, &state.scenario),
                unit: state.selected.map(|u| state.snapshot.units[u].code.clone()),
            };
            change(&|list| list.push(saved.clone()));
            name.set(String::new());
        })
    };
    let oninput = {
        let name = name.clone();
        Callback::from(move |e: InputEvent| name.set(e.target_unchecked_into::<web_sys::HtmlInputElement>().value()))
    };
    let rows = list.iter().enumerate().map(|(i, s)| {
        let open = {
            let (state, s) = (state.clone(), s.clone());
            Callback::from(move |_| match share::decode(&state.snapshot, &s.text) {
                Ok(scenario) => state.dispatch(Action::SetScenario { scenario, unit: s.unit.clone() }),
                Err(e) => state.dispatch(Action::Notice(Some(format!("«{}»: {e}", s.name)))),
            })
        };
        let rename = {
            let (change, old) = (change.clone(), s.name.clone());
            Callback::from(move |_| {
                let answer = web_sys::window().and_then(|w| w.prompt_with_message_and_default(labels::SCENARIO_NAME, &old).ok().flatten());
                if let Some(new) = answer.map(|a| a.trim().to_owned()).filter(|a| !a.is_empty()) {
                    change(&|list| list[i].name = new.clone());
                }
            })
        };
        let delete = {
            let change = change.clone();
            Callback::from(move |_| change(&|list| {
                list.remove(i);
            }))
        };
        html! {
            <li>
                <span class="saved-name">{ &s.name }</span>
                <button type="button" class="link-button" onclick={open}>{ labels::OPEN }</button>
                <button type="button" class="link-button" onclick={rename}>{ labels::RENAME }</button>
                <button type="button" class="link-button" onclick={delete}>{ labels::DELETE }</button>
            </li>
        }
    });
    html! {
        <details class="saved" data-testid="saved-scenarios">
            <summary>{ format!("{} ({})", labels::SAVED_SCENARIOS, list.len()) }</summary>
            <form onsubmit={save}>
                <input type="text" aria-label={labels::SCENARIO_NAME} placeholder={labels::SCENARIO_NAME} value={(*name).clone()} {oninput} />
                <button type="submit">{ labels::SAVE }</button>
            </form>
            if list.is_empty() { <p class="note">{ labels::NO_SAVED }</p> }
            <ul>{ for rows }</ul>
        </details>
    }
}
