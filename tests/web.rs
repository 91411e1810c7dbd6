//! The app mounted in headless Chromium (wasm-bindgen-test): the ranking and a unit's breakdown show
//! exactly the engine's numbers, in Vietnamese format.
//!
//! Every test runs on a clean page: no app of an earlier test is mounted (its listeners and timers go
//! with it), the address has no hash and the browser keeps no scenario. Tests wait for conditions —
//! yew's scheduler to finish rendering, the address to be written — never for a fixed time.
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;

use chiso::engine::scenario::{lever, passed};
use chiso::present::breakdown::breakdown;
use chiso::present::text::VI;
use chiso::state::{Action, State};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

fn window() -> web_sys::Window {
    web_sys::window().unwrap()
}

fn hash() -> String {
    window().location().hash().unwrap()
}

/// Sets the address's hash without a `hashchange` event (the page's state before the app starts).
fn replace_hash(hash: &str) {
    let url = if hash.is_empty() { window().location().pathname().unwrap() } else { hash.to_owned() };
    window().history().unwrap().replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url)).unwrap();
}

/// Waits until `ready` holds, letting the browser run its timers and events between checks; fails the
/// test with `what` after 10 s (a condition that never comes, not a slow machine).
async fn until(what: &str, ready: impl Fn() -> bool) {
    let start = js_sys::Date::now();
    loop {
        yew::scheduler::flush().await;
        if ready() {
            return;
        }
        assert!(js_sys::Date::now() - start < 10_000.0, "waited 10 s for: {what}");
        sleep(10).await;
    }
}

async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

struct Mounted {
    root: Element,
    handle: Option<yew::AppHandle<chiso::ui::App>>,
}

impl Drop for Mounted {
    fn drop(&mut self) {
        if let Some(h) = self.handle.take() {
            h.destroy();
        }
        self.root.remove();
        replace_hash("");
        window().local_storage().unwrap().unwrap().clear().unwrap();
    }
}

/// Mounts the app on a clean page whose address holds `hash`, once it has rendered.
async fn mount(hash: &str) -> Mounted {
    // An earlier test's app is destroyed by the scheduler: let it finish (its timers and listeners go).
    yew::scheduler::flush().await;
    window().local_storage().unwrap().unwrap().clear().unwrap();
    replace_hash(hash);
    let doc = window().document().unwrap();
    assert!(doc.query_selector("[data-testid=ranking]").unwrap().is_none(), "no earlier app on the page");
    let root = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&root).unwrap();
    let props = chiso::ui::AppProps {
        snapshot: Some(Rc::new(chiso::datasets::sample())),
        dataset: Some("phu-tho-2026-q3"),
        nation: None,
    };
    let handle = yew::Renderer::<chiso::ui::App>::with_root_and_props(root.clone(), props).render();
    let mounted = Mounted { root, handle: Some(handle) };
    until("the ranking", || mounted.root.query_selector("[role=row][data-unit]").unwrap().is_some()).await;
    mounted
}

fn all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length()).map(|i| list.item(i).unwrap().dyn_into::<Element>().unwrap()).collect()
}

fn text(root: &Element, selector: &str) -> String {
    root.query_selector(selector).unwrap().unwrap_or_else(|| panic!("{selector}")).text_content().unwrap_or_default()
}

fn click(root: &Element, selector: &str) {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("{selector}"))
        .dyn_ref::<HtmlElement>()
        .unwrap()
        .click();
}

/// The engine's view of the same data, computed independently of the DOM.
fn engine() -> State {
    State::new(Rc::new(chiso::datasets::sample()))
}

#[wasm_bindgen_test]
async fn ranking_shows_the_engines_commune_ranking() {
    let app = mount("").await;
    let expected = engine();
    let rows = all(&app.root, "[role=row][data-unit]");
    let want = expected.visible_rows();
    assert_eq!(rows.len(), want.len());
    assert_eq!(rows.len(), 148);
    for (row, &u) in rows.iter().zip(want.iter()) {
        let unit = &expected.snapshot().units[u];
        assert_eq!(row.get_attribute("data-unit").as_deref(), Some(unit.code.as_str()));
        let cells: Vec<String> = all(row, "[role=cell]").iter().map(|c| c.text_content().unwrap()).collect();
        let score = &expected.current.units[u];
        let mut wanted = vec![expected.current.ranks[u].rank.to_string(), expected.data.names[u].to_string()];
        wanted.extend(score.groups.iter().map(|g| VI.points(g.points)));
        wanted.push(VI.points(score.total));
        assert_eq!(cells, wanted);
    }
    // The best commune of Phú Thọ in Q3/2026, as the portal ranks it.
    assert_eq!(text(&rows[0], ".total"), "68,45");
}

#[wasm_bindgen_test]
async fn selecting_a_row_shows_the_units_breakdown() {
    let app = mount("").await;
    click(&app.root, "[role=row][data-unit='H44.166']");
    yew::scheduler::flush().await;
    let s = engine().reduce(Action::Select(Some("H44.166".into())));
    let u = s.selected.unwrap();
    let b = breakdown(s.text(), s.snapshot(), &s.scenario, s.baseline(), &s.current, u);
    assert_eq!(text(&app.root, "[data-testid=unit-total]"), VI.points(b.total));
    assert_eq!(text(&app.root, "[data-testid=unit-rank]"), b.rank.rank.to_string());
    for g in &b.groups {
        assert_eq!(text(&app.root, &format!("[data-testid=group-{}]", g.code)), VI.points(g.points), "{}", g.code);
        let shown = all(&app.root, &format!("[data-group={}] [data-metric-row]", g.code));
        assert_eq!(shown.len(), g.metrics.len(), "{}", g.code);
        for (el, m) in shown.iter().zip(&g.metrics) {
            assert_eq!(el.get_attribute("data-metric-row").as_deref(), Some(m.code.as_str()));
            assert_eq!(
                text(el, "[data-testid=metric-points]"),
                m.points.map_or("—".to_owned(), |p| VI.points(p)),
                "{}",
                m.code
            );
            if let Some((num, den)) = m.counts {
                assert!(text(el, "[data-testid=metric-rate]").contains(&VI.rate(num, den)), "{}", m.code);
            }
            // A movable metric has its slider, at its count, over its denominator.
            let slider = el.query_selector(&format!("input[type=range][data-metric={}]", m.code)).unwrap();
            assert_eq!(slider.is_some(), m.movable, "{}", m.code);
            if let (Some(slider), Some((num, den))) = (slider, m.counts) {
                let input: HtmlInputElement = slider.dyn_into().unwrap();
                assert_eq!((input.value(), input.max()), (num.to_string(), den.to_string()));
            }
        }
    }
    // The selection goes into the address once the user pauses, so the page can be shared.
    until("the address names the data and the unit", || hash() == "#data=phu-tho-2026-q3&unit=H44.166").await;
}

fn slide(root: &Element, selector: &str, value: u64) {
    let input: HtmlInputElement =
        root.query_selector(selector).unwrap().unwrap_or_else(|| panic!("{selector}")).dyn_into().unwrap();
    input.set_value(&value.to_string());
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    input
        .dispatch_event(&web_sys::InputEvent::new_with_event_init_dict("input", &init.unchecked_into()).unwrap())
        .unwrap();
}

/// The figures the result panel must show, from the engine for the same overrides.
fn expected(s: &State, u: usize) -> [String; 5] {
    let b = breakdown(s.text(), s.snapshot(), &s.scenario, s.baseline(), &s.current, u);
    [
        VI.points(b.baseline_total),
        VI.points(b.total),
        VI.points_delta(b.baseline_total, b.total),
        b.baseline_rank.rank.to_string(),
        b.rank.rank.to_string(),
    ]
}

fn shown(root: &Element) -> [String; 5] {
    ["baseline-total", "scenario-total", "gain", "baseline-rank", "scenario-rank"]
        .map(|id| text(root, &format!("[data-testid={id}]")))
}

#[wasm_bindgen_test]
async fn what_if_sliders_move_the_total_the_rank_and_the_table() {
    let app = mount("#unit=H44.166").await;
    let mut s = engine().reduce(Action::Select(Some("H44.166".into())));
    let u = s.selected.unwrap();
    let m = s.snapshot().methodology.clone();
    let (tttt, mdsh) = (m.group_index("TTTT").unwrap(), m.group_index("MDSH").unwrap());
    assert_eq!(shown(&app.root), expected(&s, u));
    assert_eq!(text(&app.root, "[data-testid=gain]"), "0,00");

    // Online payment to 100%, digitization to at least 80%.
    slide(&app.root, "input[data-lever=TTTT]", 100);
    yew::scheduler::flush().await;
    slide(&app.root, "input[data-lever=MDSH]", 80);
    yew::scheduler::flush().await;
    s = s.reduce(Action::MoveGroup { unit: u, group: tttt, percent: 100 });
    s = s.reduce(Action::MoveGroup { unit: u, group: mdsh, percent: 80 });
    assert_eq!(shown(&app.root), expected(&s, u));
    assert!(s.current.units[u].total > s.baseline().units[u].total);
    assert!(s.current.ranks[u].rank < s.baseline().ranks[u].rank, "Tam Sơn climbs from the last place");
    // The levers show where the unit now stands.
    let slider: HtmlInputElement =
        app.root.query_selector("input[data-lever=MDSH]").unwrap().unwrap().dyn_into().unwrap();
    assert_eq!(slider.value(), s.scenario.group_level(s.snapshot(), u, mdsh).unwrap().to_string());

    // One metric slider on top: dossiers paid online back to half of them.
    let k = m.metric_index("ONLINE_PAYMENT_DOSSIER").unwrap();
    let (_, den) = lever(s.snapshot(), u, k).unwrap();
    slide(&app.root, "input[data-metric=ONLINE_PAYMENT_DOSSIER]", den / 2);
    yew::scheduler::flush().await;
    s = s.reduce(Action::SetCount { unit: u, metric: k, num: den / 2 });
    assert_eq!(shown(&app.root), expected(&s, u));
    let row = app.root.query_selector("[data-metric-row=ONLINE_PAYMENT_DOSSIER]").unwrap().unwrap();
    assert!(text(&row, "[data-testid=metric-change]").contains("hồ sơ thanh toán trực tuyến"));

    // The ranking shows the scenario: the unit's row with its new rank, marked as changed.
    let tr = app.root.query_selector("[role=row][data-unit='H44.166']").unwrap().unwrap();
    assert!(tr.get_attribute("class").unwrap_or_default().split_whitespace().any(|c| c == "changed"));
    let moved = s.baseline().ranks[u].rank - s.current.ranks[u].rank;
    assert_eq!(text(&tr, ".rank"), format!("{}▲{moved}", s.current.ranks[u].rank));
    assert_eq!(text(&tr, ".total"), VI.points(s.current.units[u].total));
    // The peers it passes are named.
    let passes = text(&app.root, "[data-testid=passes]");
    let first_passed = passed(s.peers(), s.baseline(), &s.current, u)[0];
    assert!(passes.contains(&s.snapshot().units[first_passed].name), "{passes}");

    // Reset all: back to the snapshot.
    let reset = all(&app.root, "button.reset")
        .into_iter()
        .find(|b| b.text_content().unwrap().starts_with("Đặt lại tất cả"))
        .unwrap();
    reset.dyn_ref::<HtmlElement>().unwrap().click();
    yew::scheduler::flush().await;
    assert_eq!(shown(&app.root), expected(&engine().reduce(Action::Select(Some("H44.166".into()))), u));
}

#[wasm_bindgen_test]
async fn a_typed_count_or_rate_moves_the_lever_and_a_bad_one_is_explained() {
    let app = mount("#unit=H44").await;
    let input: HtmlInputElement = app
        .root
        .query_selector("[data-metric-row=ONLINE_PAYMENT_PROCEDURE] input.exact")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    let change = |value: &str| {
        input.set_value(value);
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        input.dispatch_event(&web_sys::Event::new_with_event_init_dict("change", &init).unwrap()).unwrap();
    };
    change("80%"); // 249 of 311 procedures: full 2 points
    yew::scheduler::flush().await;
    let row = app.root.query_selector("[data-metric-row=ONLINE_PAYMENT_PROCEDURE]").unwrap().unwrap();
    assert_eq!(text(&row, "[data-testid=metric-points]"), "2,00");
    assert!(text(&row, ".at-max").contains("đã đạt điểm tối đa"));
    assert!(text(&row, "[data-testid=metric-change]").starts_with(" · +134 TTHC"));
    change("400");
    yew::scheduler::flush().await;
    assert!(text(&row, ".field-error").contains("400 vượt mẫu số 311"));
    assert_eq!(text(&row, "[data-testid=metric-points]"), "2,00", "a refused value changes nothing");
}

#[wasm_bindgen_test]
async fn the_url_hash_selects_a_unit_and_its_peer_group() {
    let app = mount("#unit=H44.07").await;
    assert_eq!(
        text(&app.root, "[data-testid=unit-detail] h2"),
        "Sở Công Thương",
        "inside the province, without its suffix"
    );
    assert_eq!(all(&app.root, "[role=row][data-unit]").len(), 15, "the departments are shown");
    window().location().set_hash("#unit=H44").unwrap();
    until("the province is shown", || {
        app.root.query_selector("[data-testid=unit-detail][data-unit=H44]").unwrap().is_some()
    })
    .await;
    assert_eq!(text(&app.root, "[data-testid=unit-total]"), "61,39");
    // A hostile or unknown hash changes nothing, shows no markup, and says why.
    window().location().set_hash("#unit=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E").unwrap();
    until("a notice", || app.root.query_selector("[data-testid=notice]").unwrap().is_some()).await;
    assert_eq!(text(&app.root, "[data-testid=unit-total]"), "61,39");
    assert!(app.root.query_selector("img").unwrap().is_none());
    assert!(text(&app.root, "[data-testid=notice]").contains("«<img src=x onerror=alert(1)>» không có trong dữ liệu"));
    window().location().set_hash("#unit=H99.999").unwrap();
    until("the unknown unit is named", || {
        app.root
            .query_selector("[data-testid=notice]")
            .is_ok_and(|n| n.is_some_and(|n| n.text_content().unwrap_or_default().contains("H99.999")))
    })
    .await;
}

#[wasm_bindgen_test]
async fn search_finds_a_unit_without_diacritics() {
    let app = mount("").await;
    let input: HtmlInputElement = app.root.query_selector("[data-testid=search]").unwrap().unwrap().dyn_into().unwrap();
    input.set_value("tam son");
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    input
        .dispatch_event(&web_sys::InputEvent::new_with_event_init_dict("input", &init.unchecked_into()).unwrap())
        .unwrap();
    yew::scheduler::flush().await;
    let rows = all(&app.root, "[role=row][data-unit]");
    assert_eq!(rows.len(), 1);
    assert_eq!(text(&rows[0], ".name"), "UBND xã Tam Sơn");
}

#[wasm_bindgen_test]
async fn sorting_by_a_column_reorders_the_rows() {
    let app = mount("").await;
    let headers = all(&app.root, "[role=columnheader] button.sort");
    // Rank, Unit, six groups, Total: the last is the total; twice gives the worst first.
    let total = headers.last().unwrap().dyn_ref::<HtmlElement>().unwrap().clone();
    total.click();
    yew::scheduler::flush().await;
    total.click();
    yew::scheduler::flush().await;
    let rows = all(&app.root, "[role=row][data-unit]");
    assert_eq!(text(&rows[0], ".total"), "50,23");
    let th = app.root.query_selector("[role=columnheader][aria-sort=ascending]").unwrap();
    assert!(th.is_some(), "the sorted column says so to screen readers");
}

#[wasm_bindgen_test]
async fn saving_right_after_a_move_keeps_that_move() {
    let app = mount("#unit=H44.166").await;
    slide(&app.root, "input[data-lever=TTTT]", 100);
    yew::scheduler::flush().await;
    let planned = text(&app.root, "[data-testid=scenario-total]");
    // Saved at once (well within the address's settling time): what is saved is what is shown.
    click(&app.root, "[data-testid=saved-scenarios] button[type=submit]");
    yew::scheduler::flush().await;
    let store = window().local_storage().unwrap().unwrap().get_item("chiso.scenarios.v1").unwrap().unwrap();
    let s = engine().reduce(Action::Select(Some("H44.166".into())));
    let u = s.selected.unwrap();
    let tttt = s.snapshot().methodology.group_index("TTTT").unwrap();
    let s = s.reduce(Action::MoveGroup { unit: u, group: tttt, percent: 100 });
    let text_saved = chiso::engine::share::encode(s.snapshot(), &s.scenario);
    assert!(store.contains(&format!("\"text\":\"{text_saved}\"")), "{store}");
    // Reset, reopen by name.
    let reset =
        all(&app.root, "button.reset").into_iter().find(|b| b.text_content().unwrap().starts_with("Đặt lại tất cả"));
    reset.unwrap().dyn_ref::<HtmlElement>().unwrap().click();
    yew::scheduler::flush().await;
    assert_eq!(text(&app.root, "[data-testid=scenario-total]"), "50,23");
    click(&app.root, "[data-testid=saved-scenarios] li button");
    yew::scheduler::flush().await;
    assert_eq!(text(&app.root, "[data-testid=scenario-total]"), planned);
}
