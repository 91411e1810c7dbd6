//! Charts as SVG text, made by hand (no chart crate: four simple charts do not need one, and SVG text
//! prints crisply, saves as a file and turns into a PNG in the browser). Every chart has a title and a
//! text alternative (`<title>`, `<desc>`, `role="img"`), and every piece of text from the data is
//! escaped: a unit named with markup stays text.

use std::fmt::Write;

use crate::engine::Points;

use super::text::{fill, Text};

/// A chart: its title, its text alternative, and the SVG document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Chart {
    pub title: String,
    pub desc: String,
    pub svg: String,
}

/// Text for SVG: `&`, `<`, `>`, quotes escaped; control characters dropped.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

const FONT: &str = "system-ui, 'Segoe UI', Roboto, 'Noto Sans', Arial, sans-serif";
const INK: &str = "#1d2330";
const MUTED: &str = "#5c6577";
const LINE: &str = "#dde2ea";
const BEFORE: &str = "#9aa3b2";
const AFTER: &str = "#1565c0";
const MARK: &str = "#b71c1c";
const GOOD: &str = "#2e7d32";

fn open(w: u32, h: u32, title: &str, desc: &str) -> String {
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w} {h}\" width=\"{w}\" height=\"{h}\" role=\"img\" \
         font-family=\"{FONT}\" font-size=\"13\" fill=\"{INK}\"><title>{}</title><desc>{}</desc>\
         <rect width=\"{w}\" height=\"{h}\" fill=\"#fff\"/>\
         <text x=\"12\" y=\"22\" font-size=\"16\" font-weight=\"600\">{}</text>",
        escape(title),
        escape(desc),
        escape(title)
    )
}

/// The chart's end: the SVG closed, with its title and text alternative.
fn close(mut svg: String, title: &str, desc: String) -> Chart {
    svg.push_str("</svg>");
    Chart { title: title.to_owned(), desc, svg }
}

/// A line under a chart saying how to read it.
fn axis_note(s: &mut String, x: f64, y: f64, text: &str) {
    let _ = write!(s, "<text x=\"{x}\" y=\"{y}\" fill=\"{MUTED}\" font-size=\"11\">{}</text>", escape(text));
}

fn y_of(p: Points, max: Points, top: f64, height: f64) -> f64 {
    let max = f64::from(max.0.max(1));
    top + height * (1.0 - f64::from(p.0.min(max as u32)) / max)
}

/// The peers' totals as bars, best first, the unit highlighted, with the target's line.
pub fn ranking(
    t: &Text,
    title: &str,
    totals: &[(String, Points)],
    unit: Option<usize>,
    target: Option<Points>,
) -> Chart {
    let (w, h) = (900u32, 360u32);
    let (left, right, top, bottom) = (48.0, 12.0, 40.0, 300.0);
    let max = totals.iter().map(|x| x.1).max().unwrap_or(Points(100)).max(target.unwrap_or(Points(0)));
    let max = Points(max.0.div_ceil(1000) * 1000).max(Points(1000)); // a round ceiling: 70, 80, 100
    let n = totals.len().max(1) as f64;
    let step = (f64::from(w) - left - right) / n;
    let desc = match unit {
        Some(u) => fill(
            t.chart_ranking_desc,
            &[
                ("unit", &totals[u].0),
                ("rank", &(u + 1).to_string()),
                ("of", &totals.len().to_string()),
                ("total", &t.points(totals[u].1)),
                ("best", &totals.first().map(|x| t.points(x.1)).unwrap_or_default()),
            ],
        ),
        None => fill(t.chart_ranking_desc_all, &[("of", &totals.len().to_string())]),
    };
    let mut s = open(w, h, title, &desc);
    // Axis: a line every 10 points.
    for k in 0..=(max.0 / 1000) {
        let y = y_of(Points(k * 1000), max, top, bottom - top);
        let _ = write!(
            s,
            "<line x1=\"{left}\" x2=\"{}\" y1=\"{y:.1}\" y2=\"{y:.1}\" stroke=\"{LINE}\"/>",
            f64::from(w) - right
        );
        let _ = write!(
            s,
            "<text x=\"{}\" y=\"{:.1}\" text-anchor=\"end\" fill=\"{MUTED}\" font-size=\"11\">{}</text>",
            left - 6.0,
            y + 4.0,
            k * 10
        );
    }
    for (i, (name, p)) in totals.iter().enumerate() {
        let x = left + i as f64 * step;
        let y = y_of(*p, max, top, bottom - top);
        let own = unit == Some(i);
        let _ = write!(
            s,
            "<rect x=\"{:.2}\" y=\"{y:.1}\" width=\"{:.2}\" height=\"{:.1}\" fill=\"{}\"><title>{} {}</title></rect>",
            x + step * 0.1,
            (step * 0.8).max(0.5),
            bottom - y,
            if own { MARK } else { BEFORE },
            escape(name),
            t.points(*p)
        );
        if own {
            let _ = write!(
                s,
                "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\" font-weight=\"600\" fill=\"{MARK}\">{} · {}</text>",
                (x + step / 2.0).clamp(left + 60.0, f64::from(w) - 80.0),
                (y - 8.0).max(top + 12.0),
                escape(name),
                t.points(*p)
            );
        }
    }
    if let Some(target) = target {
        let y = y_of(target, max, top, bottom - top);
        let _ = write!(
            s,
            "<line x1=\"{left}\" x2=\"{}\" y1=\"{y:.1}\" y2=\"{y:.1}\" stroke=\"{GOOD}\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>\
             <text x=\"{}\" y=\"{:.1}\" text-anchor=\"end\" fill=\"{GOOD}\" font-weight=\"600\">{}</text>",
            f64::from(w) - right,
            f64::from(w) - right,
            y - 6.0,
            escape(&fill(t.chart_target, &[("total", &t.points(target))]))
        );
    }
    axis_note(&mut s, left, bottom + 20.0, t.chart_ranking_axis);
    close(s, title, desc)
}

/// One group: its code, its points before and after, its maximum.
pub struct GroupBar<'a> {
    pub code: &'a str,
    pub name: &'a str,
    pub before: Points,
    pub after: Points,
    pub max: Points,
}

/// Each group before and after, against its maximum.
pub fn groups(t: &Text, title: &str, rows: &[GroupBar]) -> Chart {
    let row = 46.0;
    let (w, h) = (900u32, (52.0 + row * rows.len() as f64 + 24.0) as u32);
    let (left, width) = (300.0, 440.0);
    let lines: Vec<String> = rows
        .iter()
        .map(|g| {
            fill(
                t.chart_group_line,
                &[
                    ("code", g.code),
                    ("before", &t.points(g.before)),
                    ("after", &t.points(g.after)),
                    ("max", &t.points(g.max)),
                ],
            )
        })
        .collect();
    let desc = lines.join("; ");
    let mut s = open(w, h, title, &desc);
    for (i, g) in rows.iter().enumerate() {
        let y = 48.0 + i as f64 * row;
        let frac = |p: Points| f64::from(p.0) / f64::from(g.max.0.max(1));
        let _ = write!(
            s,
            "<text x=\"12\" y=\"{:.1}\" font-weight=\"600\">{}</text><text x=\"70\" y=\"{:.1}\" fill=\"{MUTED}\">{}</text>",
            y + 20.0,
            escape(g.code),
            y + 20.0,
            escape(&truncate(g.name, 30))
        );
        let _ =
            write!(s, "<rect x=\"{left}\" y=\"{y:.1}\" width=\"{width}\" height=\"30\" fill=\"#eceff4\" rx=\"3\"/>");
        let _ = write!(
            s,
            "<rect x=\"{left}\" y=\"{y:.1}\" width=\"{:.1}\" height=\"12\" fill=\"{BEFORE}\" rx=\"2\"/>",
            width * frac(g.before)
        );
        let colour = if g.after > g.before { GOOD } else { AFTER };
        let _ = write!(
            s,
            "<rect x=\"{left}\" y=\"{:.1}\" width=\"{:.1}\" height=\"14\" fill=\"{colour}\" rx=\"2\"/>",
            y + 14.0,
            width * frac(g.after)
        );
        let label = if g.after == g.before {
            format!("{} / {}", t.points(g.after), t.points(g.max))
        } else {
            format!("{} → {} / {}", t.points(g.before), t.points(g.after), t.points(g.max))
        };
        let _ = write!(s, "<text x=\"{}\" y=\"{:.1}\">{}</text>", left + width + 12.0, y + 20.0, escape(&label));
    }
    let _ = write!(
        s,
        "<rect x=\"{left}\" y=\"{}\" width=\"14\" height=\"8\" fill=\"{BEFORE}\"/><text x=\"{}\" y=\"{}\" fill=\"{MUTED}\" font-size=\"11\">{}</text>\
         <rect x=\"{}\" y=\"{}\" width=\"14\" height=\"8\" fill=\"{AFTER}\"/><text x=\"{}\" y=\"{}\" fill=\"{MUTED}\" font-size=\"11\">{}</text>",
        f64::from(h) - 16.0,
        left + 18.0,
        f64::from(h) - 8.0,
        escape(t.chart_before),
        left + 120.0,
        f64::from(h) - 16.0,
        left + 138.0,
        f64::from(h) - 8.0,
        escape(t.chart_after)
    );
    close(s, title, desc)
}

fn truncate(text: &str, chars: usize) -> String {
    if text.chars().count() <= chars {
        text.to_owned()
    } else {
        format!("{}…", text.chars().take(chars - 1).collect::<String>())
    }
}

/// The plan's gain by metric as a waterfall: the total now, each metric's gain stacked, the total after.
pub fn waterfall(t: &Text, title: &str, start: Points, steps: &[(String, i64)]) -> Chart {
    let end = Points((i64::from(start.0) + steps.iter().map(|s| s.1).sum::<i64>()).max(0) as u32);
    let n = steps.len() + 2;
    let (w, h) = (900u32, 380u32);
    let (left, top, bottom) = (48.0, 40.0, 250.0);
    let step = (f64::from(w) - left - 12.0) / n as f64;
    // The scale starts below the lowest total, so that small gains show.
    let lo = Points((start.0.min(end.0) / 1000).saturating_sub(1) * 1000);
    let hi = Points(start.0.max(end.0).div_ceil(500) * 500 + 100);
    let y = |p: i64| top + (bottom - top) * (1.0 - (p - i64::from(lo.0)) as f64 / f64::from((hi.0 - lo.0).max(1)));
    let desc = fill(
        t.chart_waterfall_desc,
        &[
            ("from", &t.points(start)),
            ("to", &t.points(end)),
            (
                "steps",
                &steps
                    .iter()
                    .map(|(name, g)| format!("{name} {}", t.hundredths_delta(*g)))
                    .collect::<Vec<_>>()
                    .join(", "),
            ),
        ],
    );
    let mut s = open(w, h, title, &desc);
    let bar = |s: &mut String, i: usize, from: i64, to: i64, colour: &str, label: &str, value: &str| {
        let x = left + i as f64 * step + step * 0.15;
        let (y0, y1) = (y(from.max(to)), y(from.min(to)));
        let _ = write!(
            s,
            "<rect x=\"{x:.1}\" y=\"{y0:.1}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"{colour}\"/>",
            step * 0.7,
            (y1 - y0).max(1.0)
        );
        let _ = write!(
            s,
            "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\" font-size=\"12\">{}</text>",
            x + step * 0.35,
            y0 - 5.0,
            escape(value)
        );
        let _ = write!(
            s,
            "<text transform=\"translate({:.1},{:.1}) rotate(35)\" font-size=\"11\" fill=\"{MUTED}\">{}</text>",
            x + step * 0.2,
            bottom + 14.0,
            escape(&truncate(label, 34))
        );
    };
    bar(&mut s, 0, i64::from(lo.0), i64::from(start.0), BEFORE, t.chart_now, &t.points(start));
    let mut level = i64::from(start.0);
    for (i, (name, gain)) in steps.iter().enumerate() {
        bar(&mut s, i + 1, level, level + gain, if *gain >= 0 { GOOD } else { MARK }, name, &t.hundredths_delta(*gain));
        level += gain;
    }
    bar(&mut s, n - 1, i64::from(lo.0), i64::from(end.0), AFTER, t.chart_after, &t.points(end));
    let _ = write!(
        s,
        "<line x1=\"{left}\" x2=\"{}\" y1=\"{bottom}\" y2=\"{bottom}\" stroke=\"{LINE}\"/>",
        f64::from(w) - 12.0
    );
    close(s, title, desc)
}

/// How the peers' totals spread (a histogram, one bar a point), the unit marked.
pub fn spread(t: &Text, title: &str, totals: &[Points], unit: Option<Points>) -> Chart {
    let (w, h) = (900u32, 300u32);
    let (left, top, bottom) = (48.0, 40.0, 250.0);
    let (lo, hi) = match (totals.iter().min(), totals.iter().max()) {
        (Some(a), Some(b)) => (a.0 / 100, b.0 / 100 + 1),
        _ => (0, 1),
    };
    let bins = (hi - lo).max(1) as usize;
    let mut counts = vec![0usize; bins];
    for p in totals {
        counts[((p.0 / 100 - lo) as usize).min(bins - 1)] += 1;
    }
    let most = *counts.iter().max().unwrap_or(&1);
    let step = (f64::from(w) - left - 12.0) / bins as f64;
    let median = {
        let mut v = totals.to_vec();
        crate::engine::sorting::sort(&mut v);
        v.get(v.len() / 2).copied().unwrap_or_default()
    };
    let desc = fill(
        t.chart_spread_desc,
        &[
            ("n", &totals.len().to_string()),
            ("lo", &t.points(totals.iter().min().copied().unwrap_or_default())),
            ("hi", &t.points(totals.iter().max().copied().unwrap_or_default())),
            ("median", &t.points(median)),
            ("unit", &unit.map(|u| t.points(u)).unwrap_or_default()),
        ],
    );
    let mut s = open(w, h, title, &desc);
    for (i, &c) in counts.iter().enumerate() {
        let x = left + i as f64 * step;
        let bh = (bottom - top) * c as f64 / most.max(1) as f64;
        let _ = write!(
            s,
            "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{bh:.1}\" fill=\"{BEFORE}\"><title>{}–{}: {c}</title></rect>",
            x + 1.0,
            bottom - bh,
            (step - 2.0).max(0.5),
            lo + i as u32,
            lo + i as u32 + 1
        );
        if bins <= 40 || i % 5 == 0 {
            let _ = write!(
                s,
                "<text x=\"{:.1}\" y=\"{}\" text-anchor=\"middle\" font-size=\"11\" fill=\"{MUTED}\">{}</text>",
                x + step / 2.0,
                bottom + 16.0,
                lo + i as u32
            );
        }
    }
    if let Some(u) = unit {
        let x = left + (f64::from(u.0) / 100.0 - f64::from(lo)) * step;
        let _ = write!(
            s,
            "<line x1=\"{x:.1}\" x2=\"{x:.1}\" y1=\"{top}\" y2=\"{bottom}\" stroke=\"{MARK}\" stroke-width=\"3\"/>\
             <text x=\"{:.1}\" y=\"{}\" fill=\"{MARK}\" font-weight=\"600\">{}</text>",
            x + 6.0,
            top + 14.0,
            escape(&t.points(u))
        );
    }
    axis_note(&mut s, left, bottom + 36.0, t.chart_spread_axis);
    close(s, title, desc)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::present::text::VI;

    /// Well-formed enough for a browser: every element opened is closed (a rough XML check).
    fn balanced(svg: &str) -> bool {
        let mut stack: Vec<String> = Vec::new();
        let mut rest = svg;
        while let Some(i) = rest.find('<') {
            rest = &rest[i + 1..];
            let end = rest.find('>').unwrap();
            let tag = &rest[..end];
            if let Some(name) = tag.strip_prefix('/') {
                if stack.pop().as_deref() != Some(name) {
                    return false;
                }
            } else if !tag.ends_with('/') {
                stack.push(tag.split_whitespace().next().unwrap().to_owned());
            }
            rest = &rest[end + 1..];
        }
        stack.is_empty()
    }

    #[test]
    fn charts_are_svg_with_a_title_a_text_alternative_and_escaped_names() {
        let hostile = "<script>alert(1)</script> & \"x\"";
        let totals =
            vec![("A".to_owned(), Points(7341)), (hostile.to_owned(), Points(6549)), ("C".into(), Points(5486))];
        let c = ranking(&VI, "Xếp hạng", &totals, Some(1), Some(Points(9400)));
        assert!(c.svg.starts_with("<svg ") && c.svg.ends_with("</svg>") && balanced(&c.svg), "{}", c.svg);
        assert!(!c.svg.contains("<script>") && c.svg.contains("&lt;script&gt;"));
        assert!(c.svg.contains("<title>Xếp hạng</title>") && c.svg.contains("role=\"img\""));
        assert!(c.desc.contains("hạng 2/3") && c.desc.contains("65,49"), "{}", c.desc);
        assert!(c.svg.contains("94,00"), "the target's line is labelled");
        let g = groups(
            &VI,
            "Nhóm",
            &[GroupBar {
                code: "TTTT",
                name: "Thanh toán trực tuyến",
                before: Points(669),
                after: Points(1000),
                max: Points(1000),
            }],
        );
        assert!(balanced(&g.svg) && g.desc.contains("TTTT") && g.svg.contains("6,69 → 10,00 / 10,00"));
        let w = waterfall(&VI, "Kế hoạch", Points(6549), &[("Hồ sơ đúng hạn".into(), 125), ("Thanh toán".into(), 40)]);
        assert!(
            balanced(&w.svg) && w.desc.contains("65,49") && w.desc.contains("67,14") && w.desc.contains("+1,25"),
            "{}",
            w.desc
        );
        let s = spread(&VI, "Phân bố", &[Points(5486), Points(6934), Points(6950), Points(7341)], Some(Points(6950)));
        assert!(balanced(&s.svg) && s.desc.contains("4") && s.desc.contains("54,86") && s.desc.contains("73,41"));
        // Empty inputs still make a chart.
        assert!(balanced(&spread(&VI, "x", &[], None).svg));
        assert!(balanced(&ranking(&VI, "x", &[], None, None).svg));
        assert!(balanced(&waterfall(&VI, "x", Points(0), &[]).svg));
    }
}
