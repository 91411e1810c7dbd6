use yew::prelude::*;

use super::slider::{slider, Props as SliderProps};
use crate::engine::points::Decimal;
use crate::present::labels;
use crate::state::{Action, State};

/// A group lever as shown: the group and where its slider stands (0–100%).
#[derive(Clone, Debug, PartialEq)]
pub struct GroupLever {
    pub group: usize,
    pub code: String,
    pub name: String,
    pub percent: u64,
}

impl GroupLever {
    /// The lever groups of the selected unit (digitization, online payment), from the state.
    pub fn of(state: &State, unit: usize) -> Vec<GroupLever> {
        let m = &state.snapshot.methodology;
        labels::LEVER_GROUPS
            .iter()
            .filter_map(|code| m.group_index(code))
            .map(|group| GroupLever {
                group,
                code: m.groups[group].code.clone(),
                name: m.groups[group].name.clone(),
                percent: state.group_levers.get(&(unit, group)).map_or(0, |d| d.digits * 100 / 10u64.pow(d.scale)),
            })
            .collect()
    }
}

/// One slider per lever group (digitization, online payment), 0–100%: lifts every metric of the group
/// that has counts to at least that rate; at 100% the group earns its maximum. (A view function.)
pub fn group_levers(dispatch: &UseReducerDispatcher<State>, unit: usize, levers: &[GroupLever]) -> Html {
    let sliders = levers.iter().map(|lever| {
        let (group, pct) = (lever.group, lever.percent);
        let onchange = {
            let dispatch = dispatch.clone();
            Callback::from(move |pct: u64| {
                let rate = Decimal { digits: pct.min(100), scale: 2 };
                dispatch.dispatch(Action::LiftGroup { unit, group, rate });
            })
        };
        html! {
            <label class="group-lever">
                <span class="group-lever-name"><span class="group-code">{ &lever.code }</span>{ format!(" {}: {} ", lever.name, labels::GROUP_LEVER) }<strong>{ format!("{pct}%") }</strong></span>
                { slider(SliderProps {
                    label: AttrValue::from(format!("{} — {}", lever.name, labels::GROUP_LEVER)),
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
