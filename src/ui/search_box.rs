use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::present::labels;
use crate::state::{Action, State};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub state: UseReducerHandle<State>,
}

/// Finds a unit by name, with or without diacritics.
#[function_component(SearchBox)]
pub fn search_box(Props { state }: &Props) -> Html {
    let oninput = {
        let state = state.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            state.dispatch(Action::Search(input.value()));
        })
    };
    html! {
        <label class="search">
            <span class="visually-hidden">{ labels::SEARCH_LABEL }</span>
            <input type="search" data-testid="search" placeholder={labels::SEARCH_PLACEHOLDER}
                   value={state.query.clone()} {oninput} />
        </label>
    }
}
