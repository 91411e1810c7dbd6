//! The A4 report (`Báo cáo`) and the presentation (`Trình chiếu`): both lay out one
//! `present::report::Report`. The report is a page to print (its print stylesheet keeps only the page;
//! tables repeat their headers and never break a row; page numbers in the page's margin); the
//! presentation shows it as large slides, one idea each.

use yew::prelude::*;

use super::download::{download, download_png, print_page};
use super::hooks::{today, use_fullscreen};
use crate::present::charts::Chart;
use crate::present::export::file_name;
use crate::present::report::{report, Kpi, Report};
use crate::present::text::{fill, Text};
use crate::state::{Action, Mode, State};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub state: UseReducerHandle<State>,
}

/// An SVG chart the app drew (`present::charts`: every text in it escaped), inline.
fn svg(chart: &Chart) -> Html {
    Html::from_html_unchecked(AttrValue::from(chart.svg.clone()))
}

fn chart_figure(t: &'static Text, chart: &Chart, tools: bool) -> Html {
    let save_svg = {
        let (name, svg) = (file_name(&[&chart.title], "svg"), chart.svg.clone());
        Callback::from(move |_| download(&name, "image/svg+xml", &svg))
    };
    let save_png = {
        let (name, svg) = (file_name(&[&chart.title], "png"), chart.svg.clone());
        Callback::from(move |_| download_png(&name, &svg))
    };
    html! {
        <figure class="chart" data-testid="chart">
            { svg(chart) }
            <figcaption class="visually-hidden">{ &chart.desc }</figcaption>
            if tools {
                <div class="chart-tools no-print">
                    <button type="button" onclick={save_svg} data-testid="save-svg">{ t.chart_save_svg }</button>
                    <button type="button" onclick={save_png} data-testid="save-png">{ t.chart_save_png }</button>
                </div>
            }
        </figure>
    }
}

fn kpis(list: &[Kpi], testid: &'static str) -> Html {
    html! {
        <dl class="report-kpis" data-testid={testid}>
            { for list.iter().map(|k| html! {
                <div class="report-kpi">
                    <dt>{ &k.label }</dt>
                    <dd><strong>{ &k.value }</strong>
                        if let Some(n) = &k.note { <br /><small>{ n }</small> }
                    </dd>
                </div>
            }) }
        </dl>
    }
}

fn lost_table(t: &'static Text, r: &Report) -> Html {
    html! {
        <>
            if r.lost.is_empty() {
                <p>{ t.report_lost_none }</p>
            } else {
                <table class="report-table" data-testid="report-lost">
                    <thead><tr>{ for t.lost_cols.iter().take(4).map(|c| html! { <th scope="col">{ *c }</th> }) }</tr></thead>
                    <tbody>
                        { for r.lost.iter().map(|l| html! {
                            <tr>
                                <td><span class="group-code">{ &l.group }</span>{ " " }{ &l.name }</td>
                                <td class="num">{ &l.points }</td>
                                <td class="num">{ &l.lost }</td>
                                <td>{ &l.action }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            }
            if let Some(more) = &r.lost_more { <p class="note">{ more }</p> }
        </>
    }
}

fn plan_table(t: &'static Text, r: &Report) -> Html {
    if r.plan.is_empty() {
        return html! { <p>{ t.report_plan_none }</p> };
    }
    html! {
        <table class="report-table" data-testid="report-plan">
            <thead><tr>
                if r.many_units() { <th scope="col">{ t.report_unit }</th> }
                <th scope="col">{ t.csv_plan[3] }</th>
                <th scope="col">{ t.csv_plan[7] }</th>
                <th scope="col">{ format!("{} → {}", t.csv_plan[8], t.csv_plan[9]) }</th>
                <th scope="col">{ format!("{} → {}", t.csv_plan[10], t.csv_plan[11]) }</th>
            </tr></thead>
            <tbody>
                { for r.plan.iter().map(|l| html! {
                    <tr>
                        if r.many_units() { <td><bdi>{ &l.unit }</bdi></td> }
                        <td><span class="group-code">{ &l.group }</span>{ " " }{ &l.metric }</td>
                        <td>{ &l.change }</td>
                        <td class="num">{ &l.rate }</td>
                        <td class="num">{ &l.points }</td>
                    </tr>
                }) }
            </tbody>
        </table>
    }
}

fn ranking_table(r: &Report) -> Html {
    html! {
        <table class="report-table ranking-report" data-testid="report-ranking">
            <thead><tr>{ for r.ranking_head.iter().map(|h| html! { <th scope="col">{ h }</th> }) }</tr></thead>
            <tbody>
                { for r.ranking.iter().map(|l| html! {
                    <tr class={classes!(l.own.then_some("own"))} data-unit={l.code.clone()}>
                        <td class="num">{ l.rank }</td>
                        <td><bdi>{ &l.name }</bdi></td>
                        { for l.groups.iter().map(|g| html! { <td class="num">{ g }</td> }) }
                        <td class="num"><strong>{ &l.total }</strong></td>
                        if let Some(v) = &l.versus { <td class="num">{ v }</td> }
                    </tr>
                }) }
            </tbody>
        </table>
    }
}

fn signatures(t: &'static Text, today: &str) -> Html {
    let (y, m, d) = (today.get(0..4).unwrap_or(""), today.get(5..7).unwrap_or(""), today.get(8..10).unwrap_or(""));
    let place = fill(t.report_place_date, &[("d", d), ("m", m), ("y", y)]);
    html! {
        <div class="signatures" data-testid="signatures">
            <div class="sign"><strong>{ t.report_sign_maker }</strong><br /><em>{ t.report_sign_hint }</em></div>
            <div class="sign"><span>{ place }</span><br /><strong>{ t.report_sign_head }</strong><br /><em>{ t.report_sign_head_hint }</em></div>
        </div>
    }
}

/// The report view: the page, and above it (not printed) print and close.
#[function_component(ReportView)]
pub fn report_view(Props { state }: &Props) -> Html {
    let t = state.text();
    let today = today();
    let r = report(state, &today);
    let close = {
        let dispatch = state.dispatcher();
        Callback::from(move |_| dispatch.dispatch(Action::SetMode(Mode::Work)))
    };
    html! {
        <div class="report-view" data-testid="report-view">
            <div class="report-tools no-print">
                <button type="button" class="primary" onclick={Callback::from(|_| print_page())} data-testid="print">{ t.report_print }</button>
                <button type="button" onclick={close} data-testid="report-close">{ t.report_close }</button>
                <span class="note">{ t.report_print_hint }</span>
            </div>
            <article class="report-page" lang={t.lang.code()}>
                <header class="report-head">
                    <h1>{ &r.heading }</h1>
                    <p class="report-subject"><bdi>{ &r.subject }</bdi></p>
                    <dl class="report-meta">
                        { for r.meta.iter().map(|(k, v)| html! { <div><dt>{ k }</dt><dd><bdi>{ v }</bdi></dd></div> }) }
                    </dl>
                </header>
                if r.unit.is_some() {
                    <section class="report-section"><h2>{ t.report_standing }</h2>{ kpis(&r.standing, "report-standing") }</section>
                    <section class="report-section"><h2>{ t.report_lost }</h2>{ lost_table(t, &r) }</section>
                    <section class="report-section"><h2>{ t.report_plan }</h2>{ plan_table(t, &r) }</section>
                    <section class="report-section">
                        <h2>{ t.report_result }</h2>
                        { kpis(&r.result, "report-result") }
                        if let Some(p) = &r.passes { <p><bdi>{ p }</bdi></p> }
                    </section>
                    <section class="report-section report-charts">
                        <h2>{ t.report_charts }</h2>
                        { for r.charts.iter().map(|c| chart_figure(t, c, true)) }
                    </section>
                } else {
                    <section class="report-section report-charts">
                        { for r.charts.iter().map(|c| chart_figure(t, c, true)) }
                    </section>
                    <section class="report-section">
                        <h2>{ &r.ranking_title }</h2>
                        { ranking_table(&r) }
                    </section>
                }
                { signatures(t, &today) }
            </article>
        </div>
    }
}

/// The presentation: one slide of the report at a time, full screen, no controls but discreet arrows.
#[function_component(Presentation)]
pub fn presentation(Props { state }: &Props) -> Html {
    use_fullscreen(state.mode);
    let t = state.text();
    let Mode::Present(at) = state.mode else { return html! {} };
    let r = report(state, &today());
    let n = state.slides();
    let at = at.min(n - 1);
    let go = |by: isize| {
        let dispatch = state.dispatcher();
        Callback::from(move |_| dispatch.dispatch(Action::Slide(by)))
    };
    let leave = {
        let dispatch = state.dispatcher();
        Callback::from(move |_| dispatch.dispatch(Action::Escape))
    };
    let chart = |i: usize| r.charts.get(i).map(|c| chart_figure(t, c, false)).unwrap_or_default();
    let slide: Html = match (r.unit.is_some(), at) {
        (true, 0) => html! {
            <>
                <h2>{ t.present_standing }</h2>
                <p class="slide-subject"><bdi>{ &r.subject }</bdi></p>
                <div class="slide-kpis">{ for r.standing.iter().map(big_kpi) }</div>
            </>
        },
        (true, 1) => html! {
            <>
                <h2>{ t.present_lost }</h2>
                <ol class="slide-list">
                    { for r.lost.iter().take(6).map(|l| html! {
                        <li><strong>{ format!("−{}", l.lost) }</strong>{ " " }<span class="group-code">{ &l.group }</span>{ " " }{ &l.name }<br /><small>{ &l.action }</small></li>
                    }) }
                </ol>
            </>
        },
        (true, 2) => html! {
            <>
                <h2>{ t.present_plan }</h2>
                if r.plan.is_empty() {
                    <p>{ t.report_plan_none }</p>
                } else {
                    <ul class="slide-list">
                        { for r.plan.iter().take(7).map(|l| html! {
                            <li>if r.many_units() { <bdi>{ &l.unit }</bdi>{ ": " } }<strong>{ &l.change }</strong><br /><small>{ format!("{} · {}", l.rate, l.points) }</small></li>
                        }) }
                    </ul>
                    if r.plan.len() > 7 { <p class="note">{ fill(t.present_more_plan, &[("n", &(r.plan.len() - 7).to_string())]) }</p> }
                }
            </>
        },
        (true, _) => html! {
            <>
                <h2>{ t.present_result }</h2>
                <div class="slide-kpis">{ for r.result.iter().map(big_kpi) }</div>
                if let Some(p) = &r.passes_short { <p class="slide-passes"><bdi>{ p }</bdi></p> }
                { chart(0) }
            </>
        },
        (false, 0) => {
            html! { <><h2>{ t.present_ranking }</h2><p class="slide-subject">{ &r.ranking_title }</p>{ chart(0) }</> }
        }
        (false, 1) => html! { <><h2>{ t.present_spread }</h2>{ chart(1) }</> },
        (false, _) => {
            let line = |l: &crate::present::report::RankLine| {
                html! {
                    <li><span class="slide-rank">{ l.rank }</span>{ " " }<bdi>{ &l.name }</bdi>{ " " }<strong>{ &l.total }</strong></li>
                }
            };
            let k = r.ranking.len().min(5);
            html! {
                <>
                    <h2>{ t.present_top }</h2>
                    <ol class="slide-list plain">{ for r.ranking.iter().take(k).map(line) }</ol>
                    <h2>{ t.present_bottom }</h2>
                    <ol class="slide-list plain">{ for r.ranking.iter().skip(r.ranking.len() - k).map(line) }</ol>
                </>
            }
        }
    };
    html! {
        <div class="presentation" data-testid="presentation" role="dialog" aria-modal="true" aria-label={t.present_open}>
            <section class="slide" data-slide={at.to_string()} aria-live="polite">{ slide }</section>
            <footer class="slide-foot">
                <span>{ &r.heading }if let Some(p) = &r.period { { " · " }{ p } }</span>
                <span class="slide-nav">
                    <button type="button" onclick={go(-1)} aria-label={t.present_prev} disabled={at == 0}>{ "←" }</button>
                    <span data-testid="slide-of">{ fill(t.present_slide_of, &[("n", &(at + 1).to_string()), ("of", &n.to_string())]) }</span>
                    <button type="button" onclick={go(1)} aria-label={t.present_next} disabled={at + 1 == n}>{ "→" }</button>
                    <button type="button" onclick={leave} aria-label={t.present_leave} data-testid="present-leave">{ "×" }</button>
                </span>
            </footer>
            <p class="visually-hidden">{ t.present_hint }</p>
        </div>
    }
}

fn big_kpi(k: &Kpi) -> Html {
    html! {
        <div class="slide-kpi">
            <span class="slide-kpi-label">{ &k.label }</span>
            <span class="slide-kpi-value">{ &k.value }</span>
            if let Some(n) = &k.note { <span class="slide-kpi-note">{ n }</span> }
        </div>
    }
}
