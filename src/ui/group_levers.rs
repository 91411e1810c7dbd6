use yew::prelude::*;

use super::slider::{slider, Props as SliderProps};
use crate::present::text::Text;
use crate::state::{Action, State};

/// A group lever as shown: the group and where the unit stands on it (the lowest rate among the
/// group's metrics it can move, under the scenario).
#[derive(Clone, Debug, PartialEq)]
pub struct GroupLever {
    pub group: usize,
    pub code: String,
    pub name: String,
    pub percent: u64,
}

impl GroupLever {
    /// The lever groups of the selected unit that it can move.
    pub fn of(state: &State, unit: usize, codes: &[&str]) -> Vec<GroupLever> {
        let m = &state.snapshot().methodology;
        codes
            .iter()
            .filter_map(|code| m.group_index(code))
            .filter_map(|group| {
                let percent = state.scenario.group_level(state.snapshot(), unit, group)?;
                Some(GroupLever {
                    group,
                    code: m.groups[group].code.clone(),
                    name: state.text().group_name(&m.groups[group]).to_owned(),
                    percent,
                })
            })
            .collect()
    }
}

/// One slider per lever group (digitization, online payment), 0–100%: every metric of the group that
/// has counts rises to at least that rate, none is lowered; at 100% the group earns its maximum.
/// (A view function.)
pub fn group_levers(t: &Text, dispatch: &UseReducerDispatcher<State>, unit: usize, levers: &[GroupLever]) -> Html {
    let sliders = levers.iter().map(|lever| {
        let (group, pct) = (lever.group, lever.percent);
        let onchange = {
            let dispatch = dispatch.clone();
            Callback::from(move |percent: u64| dispatch.dispatch(Action::MoveGroup { unit, group, percent }))
        };
        html! {
            <label class="group-lever">
                <span class="group-lever-name"><span class="group-code">{ &lever.code }</span>{ format!(" {}: {} ", lever.name, t.group_lever) }<strong>{ format!("{pct}%") }</strong></span>
                { slider(SliderProps {
                    label: AttrValue::from(format!("{} — {}", lever.name, t.group_lever)),
                    value: pct,
                    max: 100,
                    baseline: None,
                    value_text: AttrValue::from(format!("{pct}%")),
                    metric: None,
                    lever: Some(AttrValue::from(lever.code.clone())),
                    onchange,
                }) }
            </label>
        }
    });
    html! { <div class="group-levers">{ for sliders }</div> }
}
