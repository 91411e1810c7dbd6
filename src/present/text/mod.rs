//! Every word the app shows, in one table per language: [`VI`] (the default) and [`EN`]. Messages with values in
//! them are templates (`"tử số {num} lớn hơn mẫu số {den}"`) filled by [`fill`], so that a second
//! language is a second table, not a second code path. Numbers are written each language's way by the
//! same table (61,39 and 1.234 in Vietnamese). Group and metric names come from the methodology data.
//!
//! The engine holds no display text: its error types get their `Display` here (in Vietnamese, which
//! the command line prints too).

mod en;
mod vi;

use std::fmt;

use crate::engine::points::Decimal;
use crate::engine::problem::{Place, Problem, ProblemKind, Row};
use crate::engine::scenario::LeverError;
use crate::engine::share::ShareError;
use crate::engine::snapshot::{Period, PeriodKind};
use crate::engine::{Level, MetricInput, Points};

pub use en::EN;
pub use vi::VI;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Vi,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Vi, Lang::En];

    /// The language's code ("vi", "en"), as the import worker is told it.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Vi => "vi",
            Lang::En => "en",
        }
    }

    /// A language from its code; the default for an unknown one.
    pub fn from_code(code: &str) -> Lang {
        Lang::ALL.into_iter().find(|l| l.code() == code).unwrap_or_default()
    }

    pub fn text(self) -> &'static Text {
        match self {
            Lang::Vi => &VI,
            Lang::En => &EN,
        }
    }
}

/// One language's words. Field names say where a label is used; `{…}` marks a value in a template.
pub struct Text {
    pub lang: Lang,
    /// Between units and hundredths: 61,39.
    pub decimal: char,
    /// Between thousands: 1.234.567.
    pub thousands: char,

    // The page
    pub app_name: &'static str,
    pub app_subtitle: &'static str,
    pub source: &'static str,
    pub loading: &'static str,
    pub load_failed: &'static str,
    pub captured: &'static str,
    pub methodology: &'static str,
    pub close: &'static str,
    pub dismiss: &'static str,

    // Ranking
    pub peer_group: &'static str,
    pub search_placeholder: &'static str,
    pub search_label: &'static str,
    pub col_rank: &'static str,
    pub col_unit: &'static str,
    pub col_total: &'static str,
    pub col_group_title: &'static str,
    pub col_group_max: &'static str,
    pub col_total_title: &'static str,
    pub given_legend: &'static str,
    pub no_match: &'static str,
    pub ranking_caption: &'static str,
    pub changed_mark: &'static str,

    // A unit
    pub select_hint: &'static str,
    pub rank: &'static str,
    pub total: &'static str,
    pub lost: &'static str,
    pub points_unit: &'static str,
    pub given_group: &'static str,
    pub given_metric: &'static str,
    pub inherited: &'static str,
    pub monitor: &'static str,
    pub null_score: &'static str,
    pub target_at: &'static str,
    pub of: &'static str,

    // What-if
    pub scenario: &'static str,
    pub passes: &'static str,
    pub and_more: &'static str,
    pub no_pass: &'static str,
    pub reset: &'static str,
    pub reset_unit: &'static str,
    pub reset_all: &'static str,
    pub at_max: &'static str,
    pub group_lever: &'static str,
    pub before: &'static str,
    pub exact_value: &'static str,
    pub bars_title: &'static str,
    pub bar_title: &'static str,
    pub count_change: &'static str,
    pub bad_rate: &'static str,
    pub bad_points: &'static str,
    pub bad_rank: &'static str,
    pub rate_range: &'static str,

    // Planning
    pub commune_preset: &'static str,
    pub tab_what_if: &'static str,
    pub tab_lost: &'static str,
    pub tab_goal: &'static str,
    pub lost_title: &'static str,
    pub lost_hint: &'static str,
    pub lost_cols: [&'static str; 6],
    pub lost_add: &'static str,
    pub lost_added: &'static str,
    pub lost_nothing: &'static str,
    pub fixed_title: &'static str,
    pub fixed_inherited: &'static str,
    pub fixed_given: &'static str,
    pub fixed_no_counts: &'static str,
    pub fixed_locked: &'static str,
    pub lock: &'static str,
    pub ceiling: &'static str,
    pub per_point: &'static str,
    pub effort_title: &'static str,
    pub effort_hint: &'static str,
    pub effort_reset: &'static str,
    /// What one item of a kind is called (plural), by the methodology's `counts`.
    pub kinds: [(&'static str, &'static str); 5],
    pub goal_title: &'static str,
    pub goal_total: &'static str,
    pub goal_rank: &'static str,
    pub goal_seek: &'static str,
    pub goal_or: &'static str,
    pub plan_title: &'static str,
    pub plan_cols: [&'static str; 6],
    pub plan_sum: &'static str,
    pub plan_nothing: &'static str,
    pub plan_apply: &'static str,
    pub plan_unreachable: &'static str,
    pub plan_needed_rank: &'static str,
    pub effort_units: &'static str,
    pub targets_title: &'static str,
    pub targets_hint: &'static str,
    pub targets_apply: &'static str,
    pub targets_apply_all: &'static str,
    pub targets_score: &'static str,
    pub targets_report: &'static str,
    pub targets_cols: [&'static str; 6],
    pub targets_reach: &'static str,
    pub target_raised: &'static str,
    pub target_met: &'static str,
    pub target_na: &'static str,
    pub targets_edit: &'static str,
    pub targets_name: &'static str,
    pub targets_save: &'static str,
    pub targets_delete: &'static str,
    pub horizon_title: &'static str,
    pub horizon_no_dates: &'static str,
    pub horizon_not_after: &'static str,
    pub horizon_past_period: &'static str,
    pub horizon_label: &'static str,
    pub horizon_now: &'static str,
    pub horizon_month: &'static str,
    pub horizon_quarter: &'static str,
    pub horizon_year: &'static str,
    pub horizon_other: &'static str,
    pub horizon_pace: &'static str,
    pub horizon_cols: [&'static str; 3],
    pub horizon_new_rate: &'static str,
    pub yes: &'static str,
    pub no: &'static str,

    // Data in and out
    pub open_data: &'static str,
    pub download_template: &'static str,
    pub drop_hint: &'static str,
    pub reading: &'static str,
    pub scoring: &'static str,
    pub read_failed: &'static str,
    pub worker_failed: &'static str,
    pub loaded: &'static str,
    pub import_failed: &'static str,
    pub more_problems: &'static str,
    pub copy_link: &'static str,
    pub export_ranking: &'static str,
    pub export_plan: &'static str,
    pub export_data: &'static str,
    pub export_template: &'static str,
    pub source_portal_csv: &'static str,
    pub source_portal_json: &'static str,
    pub howto_title: &'static str,
    pub howto_steps: [&'static str; 5],
    pub howto_files: &'static str,
    pub howto_privacy: &'static str,
    pub national_title: &'static str,
    pub import_warnings: &'static str,
    pub source_file: &'static str,
    pub source_portal_dir: &'static str,

    // Links and storage
    pub link_other_data: &'static str,
    pub bad_link: &'static str,
    pub link_unknown_unit: &'static str,
    pub link_bad_unit: &'static str,
    pub link_no_id: &'static str,
    pub link_too_long: &'static str,
    pub link_malformed: &'static str,
    pub store_damaged: &'static str,
    pub store_failed: &'static str,
    /// A damaged store the browser had no room to set aside ({why}): to download.
    pub store_damaged_unsaved: &'static str,
    /// Why a write failed: storage full, storage not allowed, the browser's own reason ({why}, quoted).
    pub store_fault: [&'static str; 3],
    pub working_unreadable: &'static str,
    pub download_damaged: &'static str,
    pub export_scenarios: &'static str,
    /// Why a store was set aside: not JSON, another version's, damaged.
    pub store_why: [&'static str; 3],
    pub saved_scenarios: &'static str,
    pub save: &'static str,
    pub scenario_name: &'static str,
    pub default_scenario_name: &'static str,
    pub open: &'static str,
    pub rename: &'static str,
    pub delete: &'static str,
    pub no_saved: &'static str,
    pub saved_gone: &'static str,
    pub saved_unreadable: &'static str,
    pub new_version: &'static str,
    pub reload: &'static str,

    // Periods and dates
    pub month: &'static str,
    pub quarter: &'static str,
    pub half_first: &'static str,
    pub half_second: &'static str,
    pub year: &'static str,
    pub custom_period: &'static str,
    pub date: &'static str,

    // Levels: (plural, plural after a number)
    pub provinces: (&'static str, &'static str),
    pub departments: (&'static str, &'static str),
    pub communes: (&'static str, &'static str),

    // Export columns
    pub csv_ranking: [&'static str; 9],
    pub csv_plan: [&'static str; 13],
    pub csv_plan_head: [&'static str; 6],
    pub csv_working_scenario: &'static str,
    pub csv_province_plan: [&'static str; 10],
    pub csv_drag: [&'static str; 8],
    pub csv_yes: &'static str,

    // Problems in data: where…
    pub at_file: &'static str,
    pub at_line: &'static str,
    pub at_unit_row: &'static str,
    pub at_unit: &'static str,
    pub at_field: &'static str,
    // …and what.
    pub p_empty_file: &'static str,
    pub p_not_utf8: &'static str,
    pub p_unreadable: &'static str,
    pub p_bad_json: &'static str,
    pub p_truncated_json: &'static str,
    pub p_unclosed_quote: &'static str,
    pub p_row_width: &'static str,
    pub p_not_portal_file: &'static str,
    pub p_wrong_file_set: &'static str,
    pub p_missing_file: &'static str,
    pub p_corrupt: &'static str,
    pub p_wrong_type: &'static str,
    pub expected: [&'static str; 8],
    pub p_missing_column: &'static str,
    pub p_duplicate_column: &'static str,
    pub p_missing_field: &'static str,
    pub p_unknown_field: &'static str,
    pub p_unsupported_format: &'static str,
    pub p_negative: &'static str,
    pub p_bad_number: &'static str,
    pub p_ambiguous_number: &'static str,
    pub p_bad_score: &'static str,
    pub p_numerator_above: &'static str,
    pub p_half_counts: &'static str,
    pub p_score_above_max: &'static str,
    pub p_unknown_metric: &'static str,
    pub p_unknown_group: &'static str,
    pub p_given_only: &'static str,
    pub p_unknown_methodology: &'static str,
    pub p_unknown_level: &'static str,
    pub p_empty_code: &'static str,
    pub p_duplicate_unit: &'static str,
    pub p_duplicate_unit_at: &'static str,
    pub p_unknown_parent: &'static str,
    pub p_parent_cycle: &'static str,
    pub p_ambiguous_root: &'static str,
    pub p_missing_group: &'static str,
    pub p_group_given_and_counted: &'static str,
    pub p_missing_metric: &'static str,
    pub p_inherited_mismatch: &'static str,
    pub p_unit_missing_in_file: &'static str,
    pub p_incomplete_group: &'static str,
    pub p_differs_from_portal: &'static str,
    pub p_not_portal_response: &'static str,
    pub p_response_not_ok: &'static str,
    pub p_partial_response: &'static str,
    pub p_missing_response: &'static str,
    pub p_duplicate_response: &'static str,
    pub p_har_no_responses: &'static str,
    pub p_har_no_content: &'static str,
    pub p_no_unit_code: &'static str,
    pub p_bad_date: &'static str,
    pub p_bad_period: &'static str,
    pub p_no_units: &'static str,
    pub p_no_files: &'static str,
    /// Why a file cannot be read: it is not there, reading it is not allowed, its links loop.
    pub io_why: [&'static str; 3],
    /// A folder with no file the app reads ({dir}).
    pub p_empty_folder: &'static str,
    pub p_too_long: &'static str,
    pub p_duplicate_key: &'static str,
    pub p_control: &'static str,
    pub p_more_problems: &'static str,
    pub p_too_large: &'static str,
    pub no_data: &'static str,
    pub points_value: &'static str,

    // Province and nation
    pub tab_province: &'static str,
    pub tab_drag: &'static str,
    pub data_label: &'static str,
    pub data_imported: &'static str,
    pub data_province: &'static str,
    pub data_nation: &'static str,
    pub data_loading: &'static str,
    pub link_unknown_data: &'static str,
    pub nation_disagrees: &'static str,
    pub reset_done: &'static str,
    pub compare_col: &'static str,
    pub compare_col_title: &'static str,
    pub compare_only_here_short: &'static str,
    pub compare_open: &'static str,
    pub compare_builtin: &'static str,
    pub compare_none: &'static str,
    pub compare_summary: &'static str,
    pub compare_only_here: &'static str,
    pub compare_only_there: &'static str,
    pub compare_stop: &'static str,
    pub compare_versus: &'static str,
    pub compare_unit: &'static str,
    pub compare_unit_new: &'static str,
    pub undo: &'static str,

    // Language, charts, the report, the presentation
    /// The language toggle: the other language's name.
    pub lang_toggle: &'static str,
    /// The page finds itself in another site's frame.
    pub framed: &'static str,
    /// Downloads every problem of a refused file.
    pub problems_download: &'static str,
    pub lang_toggle_title: &'static str,
    pub chart_ranking_title: &'static str,
    pub chart_ranking_desc: &'static str,
    pub chart_ranking_desc_all: &'static str,
    pub chart_target: &'static str,
    pub chart_ranking_axis: &'static str,
    pub chart_groups_title: &'static str,
    pub chart_group_line: &'static str,
    pub chart_before: &'static str,
    pub chart_after: &'static str,
    pub chart_now: &'static str,
    pub chart_waterfall_title: &'static str,
    pub chart_waterfall_desc: &'static str,
    pub chart_spread_title: &'static str,
    pub chart_spread_desc: &'static str,
    pub chart_spread_axis: &'static str,
    pub chart_save_svg: &'static str,
    pub chart_save_png: &'static str,
    pub charts_title: &'static str,
    pub report_open: &'static str,
    pub report_open_title: &'static str,
    pub report_heading: &'static str,
    pub report_of_unit: &'static str,
    pub report_of_ranking: &'static str,
    pub report_unit: &'static str,
    pub report_period: &'static str,
    pub report_source: &'static str,
    pub report_captured: &'static str,
    pub report_date: &'static str,
    pub report_scenario: &'static str,
    pub report_versus: &'static str,
    pub report_standing: &'static str,
    pub report_lost: &'static str,
    pub report_plan: &'static str,
    pub report_result: &'static str,
    pub report_charts: &'static str,
    pub report_ranking: &'static str,
    pub report_total_now: &'static str,
    pub report_rank_now: &'static str,
    pub report_rank_value: &'static str,
    pub report_lost_total: &'static str,
    pub report_gap: &'static str,
    pub report_gap_met: &'static str,
    pub report_lost_none: &'static str,
    pub report_lost_more: &'static str,
    pub report_plan_none: &'static str,
    pub report_total_after: &'static str,
    pub report_rank_after: &'static str,
    pub report_sign_maker: &'static str,
    pub report_sign_head: &'static str,
    pub report_sign_hint: &'static str,
    pub report_sign_head_hint: &'static str,
    pub report_place_date: &'static str,
    pub report_print: &'static str,
    pub report_close: &'static str,
    pub report_print_hint: &'static str,
    pub report_changes: &'static str,
    pub present_open: &'static str,
    pub present_open_title: &'static str,
    pub present_hint: &'static str,
    pub present_slide_of: &'static str,
    pub present_standing: &'static str,
    pub present_lost: &'static str,
    pub present_plan: &'static str,
    pub present_result: &'static str,
    pub present_ranking: &'static str,
    pub present_spread: &'static str,
    pub present_bottom: &'static str,
    pub present_top: &'static str,
    pub present_leave: &'static str,
    pub present_prev: &'static str,
    pub present_next: &'static str,
    pub present_more_plan: &'static str,
    pub province_bar: &'static str,
    pub province_bar_title: &'static str,
    pub national_rank: &'static str,
    pub provinces_lower: &'static str,
    pub national_none: &'static str,
    pub national_of: &'static str,
    pub national_passes: &'static str,
    pub province_open: &'static str,
    pub nation_title: &'static str,
    pub nation_hint: &'static str,
    pub nation_gap: &'static str,
    pub nation_gap_met: &'static str,
    pub nation_cols: [&'static str; 3],
    pub nation_same: &'static str,
    pub nation_differs: &'static str,
    pub nation_differs_line: &'static str,
    pub nation_total: &'static str,
    pub province_goal_title: &'static str,
    pub province_goal_total: &'static str,
    pub province_goal_rank: &'static str,
    pub province_goal_seek: &'static str,
    pub province_plan_hint: &'static str,
    pub province_plan_cols: [&'static str; 4],
    pub province_plan_sum: &'static str,
    pub province_plan_rank: &'static str,
    pub province_plan_units: &'static str,
    pub province_plan_unreachable: &'static str,
    pub province_plan_nothing: &'static str,
    pub province_plan_needed_rank: &'static str,
    pub province_plan_apply: &'static str,
    pub province_plan_export: &'static str,
    pub province_own: &'static str,
    pub drag_title: &'static str,
    pub drag_hint: &'static str,
    pub drag_cols: [&'static str; 3],
    pub drag_metric: &'static str,
    pub drag_missing_target: &'static str,
    pub drag_by_unit: &'static str,
    pub drag_export: &'static str,
    pub drag_none: &'static str,
    pub drag_more: &'static str,

    // Levers
    pub l_not_movable: &'static str,
    pub l_inherited: &'static str,
    pub l_above_denominator: &'static str,
    pub l_bad_rate: &'static str,
    pub l_unknown: &'static str,

    // Shared scenarios
    pub s_too_long: &'static str,
    pub s_too_many: &'static str,
    pub s_syntax: &'static str,
    pub s_unknown_unit: &'static str,
    pub s_unknown_metric: &'static str,
    pub s_lever: &'static str,
}

/// Fills a template: each `{name}` becomes its value (a name not given stays as written).
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}').map(|close| (&after[..close], close)) {
            Some((name, close)) if values.iter().any(|(n, _)| *n == name) => {
                out.push_str(values.iter().find(|(n, _)| *n == name).map_or("", |(_, v)| v));
                rest = &after[close + 1..];
            }
            _ => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

impl Text {
    /// A group's name in this table's language (the methodology carries both).
    pub fn group_name<'a>(&self, g: &'a crate::engine::methodology::Group) -> &'a str {
        match self.lang {
            Lang::En if !g.name_en.is_empty() => &g.name_en,
            _ => &g.name,
        }
    }

    /// The names shown, then how many more of `total`: "A, B, C và 5 đơn vị khác".
    pub fn some_of<S: AsRef<str>>(&self, names: &[S], total: usize) -> String {
        let mut s = names.iter().map(AsRef::as_ref).collect::<Vec<_>>().join(", ");
        if let Some(more) = self.more_of(names.len(), total) {
            s.push(' ');
            s.push_str(&more);
        }
        s
    }

    /// "và 5 đơn vị khác" when `shown` of `total` are named, none when all are.
    pub fn more_of(&self, shown: usize, total: usize) -> Option<String> {
        (total > shown).then(|| fill(self.and_more, &[("n", &(total - shown).to_string())]))
    }

    /// A change of rank, better by `by` places: ▲2, ▼1, or = .
    pub fn rank_mark(&self, by: i64) -> String {
        match by {
            b if b > 0 => format!("▲{b}"),
            b if b < 0 => format!("▼{}", -b),
            _ => "=".to_owned(),
        }
    }

    /// A snapshot by its period ("Tháng 8/2026"), or by its title when it states none.
    pub fn period_or_title(&self, meta: &crate::engine::snapshot::Meta) -> String {
        meta.period.as_ref().map_or_else(|| meta.title.clone(), |p| self.period(p))
    }

    /// A metric's name in this table's language (the methodology carries both).
    pub fn metric_name<'a>(&self, m: &'a crate::engine::methodology::Metric) -> &'a str {
        match self.lang {
            Lang::En if !m.name_en.is_empty() => &m.name_en,
            _ => &m.name,
        }
    }

    /// A whole number with the thousands separator: 1.234.567.
    pub fn int(&self, n: u64) -> String {
        let digits = n.to_string();
        let mut out = String::with_capacity(digits.len() + digits.len() / 3);
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                out.push(self.thousands);
            }
            out.push(c);
        }
        out
    }

    /// Points with two decimals: 61,39.
    pub fn points(&self, p: Points) -> String {
        format!("{}{}{:02}", self.int(u64::from(p.hundredths() / 100)), self.decimal, p.hundredths() % 100)
    }

    /// A signed difference of points: "+1,25", "−0,50", "0,00".
    pub fn points_delta(&self, before: Points, after: Points) -> String {
        self.hundredths_delta(i64::from(after.hundredths()) - i64::from(before.hundredths()))
    }

    /// A signed number of hundredths as points: 125 → "+1,25", −50 → "−0,50".
    pub fn hundredths_delta(&self, d: i64) -> String {
        let sign = match d {
            d if d > 0 => "+",
            d if d < 0 => "−",
            _ => "",
        };
        format!("{sign}{}{}{:02}", self.int(d.unsigned_abs() / 100), self.decimal, d.unsigned_abs() % 100)
    }

    /// A rate as a percentage with two decimals, rounded half-up: 403016/464494 → "86,76%"; "—" for 0/0.
    pub fn rate(&self, num: u64, den: u64) -> String {
        if den == 0 {
            return "—".to_owned();
        }
        let hundredths = (u128::from(num) * 20_000 + u128::from(den)) / (2 * u128::from(den));
        format!("{}{}{:02}%", self.int((hundredths / 100) as u64), self.decimal, hundredths % 100)
    }

    /// A rate from 0 to 1 as a percentage without useless decimals: 0.8 → "80%", 0.625 → "62,5%".
    pub fn percent(&self, t: Decimal) -> String {
        let (n, d) = t.as_fraction();
        let hundredths = u128::from(n) * 10_000 / u128::from(d.max(1));
        let (whole, frac) = (hundredths / 100, hundredths % 100);
        match frac {
            0 => format!("{whole}%"),
            f if f % 10 == 0 => format!("{whole}{}{}%", self.decimal, f / 10),
            f => format!("{whole}{}{f:02}%", self.decimal),
        }
    }

    /// "2026-09-26" → "26/9/2026" (the text back unchanged if it is not such a date).
    pub fn date(&self, iso: &str) -> String {
        let (y, m, d) = (iso.get(0..4), iso.get(5..7).and_then(|m| m.parse::<u32>().ok()), iso.get(8..10));
        match (y, m, d.and_then(|d| d.parse::<u32>().ok())) {
            (Some(y), Some(m), Some(d)) if iso.len() == 10 => {
                fill(self.date, &[("d", &d.to_string()), ("m", &m.to_string()), ("y", y)])
            }
            _ => iso.to_owned(),
        }
    }

    /// A period as staff name it: "Quý 3/2026", "Tháng 9/2026", "6 tháng đầu năm 2026".
    pub fn period(&self, p: &Period) -> String {
        let year = p.from.get(0..4).unwrap_or("");
        let month: u32 = p.from.get(5..7).and_then(|m| m.parse().ok()).unwrap_or(1);
        let with = |template: &str, n: u32| fill(template, &[("n", &n.to_string()), ("y", year)]);
        match p.kind {
            PeriodKind::Month => with(self.month, month),
            PeriodKind::Quarter => with(self.quarter, month.div_ceil(3)),
            PeriodKind::HalfYear if month <= 6 => with(self.half_first, 1),
            PeriodKind::HalfYear => with(self.half_second, 2),
            PeriodKind::Year => with(self.year, 0),
            PeriodKind::Custom => fill(self.custom_period, &[("from", &self.date(&p.from)), ("to", &self.date(&p.to))]),
        }
    }

    /// "Xã, phường", "Sở, ban, ngành", "Tỉnh".
    pub fn level_plural(&self, level: Level) -> &'static str {
        self.level(level).0
    }

    /// "xã, phường": after a number ("2/148 xã, phường").
    pub fn level_plural_lower(&self, level: Level) -> &'static str {
        self.level(level).1
    }

    fn level(&self, level: Level) -> (&'static str, &'static str) {
        match level {
            Level::Province => self.provinces,
            Level::Department => self.departments,
            Level::Commune => self.communes,
        }
    }

    /// Where a problem is: "tệp x.csv, dòng 3, mã đơn vị H44.01, trường DOSSIER_SYNC__num".
    pub fn place(&self, p: &Place) -> String {
        let mut parts = Vec::new();
        if let Some(file) = &p.file {
            parts.push(fill(self.at_file, &[("file", file)]));
        }
        match p.row {
            Some(Row::Line(n)) => parts.push(fill(self.at_line, &[("n", &n.to_string())])),
            Some(Row::Unit(n)) => parts.push(fill(self.at_unit_row, &[("n", &n.to_string())])),
            None => {}
        }
        if let Some(unit) = &p.unit {
            parts.push(fill(self.at_unit, &[("unit", unit)]));
        }
        if let Some(field) = &p.field {
            parts.push(fill(self.at_field, &[("field", field)]));
        }
        parts.join(", ")
    }

    fn input(&self, input: MetricInput) -> String {
        match input {
            MetricInput::Missing => self.no_data.to_owned(),
            MetricInput::Counts { num, den } => format!("{}/{}", self.int(num), self.int(den)),
            MetricInput::Score(p) => fill(self.points_value, &[("points", &self.points(p))]),
        }
    }

    /// What a problem is, without its place.
    pub fn problem_kind(&self, kind: &ProblemKind) -> String {
        use ProblemKind as K;
        let one = |template: &str, name: &str, value: &str| fill(template, &[(name, value)]);
        match kind {
            K::EmptyFile => self.p_empty_file.to_owned(),
            K::NotUtf8 => self.p_not_utf8.to_owned(),
            K::Unreadable(why) => one(self.p_unreadable, "why", why),
            K::BadJson { column } => one(self.p_bad_json, "column", &column.to_string()),
            K::TruncatedJson => self.p_truncated_json.to_owned(),
            K::UnclosedQuote => self.p_unclosed_quote.to_owned(),
            K::RowWidth { cells, columns } => {
                fill(self.p_row_width, &[("cells", &cells.to_string()), ("columns", &columns.to_string())])
            }
            K::NotPortalFile { expected } => one(self.p_not_portal_file, "files", &expected.join(", ")),
            K::WrongFileSet => self.p_wrong_file_set.to_owned(),
            K::MissingFile => self.p_missing_file.to_owned(),
            K::Corrupt => self.p_corrupt.to_owned(),
            K::WrongType(e) => one(self.p_wrong_type, "what", self.expected[*e as usize]),
            K::MissingColumn => self.p_missing_column.to_owned(),
            K::DuplicateColumn => self.p_duplicate_column.to_owned(),
            K::MissingField => self.p_missing_field.to_owned(),
            K::UnknownField => self.p_unknown_field.to_owned(),
            K::UnsupportedFormat(v) => one(self.p_unsupported_format, "value", v),
            K::Negative(v) => one(self.p_negative, "value", v),
            K::BadNumber(v) => one(self.p_bad_number, "value", v),
            K::AmbiguousNumber(v) => one(self.p_ambiguous_number, "value", v),
            K::BadScore(v) => one(self.p_bad_score, "value", v),
            K::NumeratorAboveDenominator { num, den } => {
                fill(self.p_numerator_above, &[("num", &self.int(*num)), ("den", &self.int(*den))])
            }
            K::HalfCounts => self.p_half_counts.to_owned(),
            K::ScoreAboveMax { score, max } => {
                fill(self.p_score_above_max, &[("score", &self.points(*score)), ("max", &self.points(*max))])
            }
            K::UnknownMetric(id) => one(self.p_unknown_metric, "id", id),
            K::UnknownGroup(id) => one(self.p_unknown_group, "id", id),
            K::GivenOnly => self.p_given_only.to_owned(),
            K::UnknownMethodology(id) => one(self.p_unknown_methodology, "id", id),
            K::UnknownLevel(v) => one(self.p_unknown_level, "value", v),
            K::EmptyCode => self.p_empty_code.to_owned(),
            K::DuplicateUnit(None) => self.p_duplicate_unit.to_owned(),
            K::DuplicateUnit(Some(first)) => one(self.p_duplicate_unit_at, "first", &self.place(first)),
            K::UnknownParent(code) => one(self.p_unknown_parent, "code", code),
            K::ParentCycle => self.p_parent_cycle.to_owned(),
            K::AmbiguousRoot(n) => one(self.p_ambiguous_root, "n", &n.to_string()),
            K::MissingGroup(g) => one(self.p_missing_group, "group", g),
            K::GroupGivenAndCounted(g) => one(self.p_group_given_and_counted, "group", g),
            K::MissingMetric(g) => one(self.p_missing_metric, "group", g),
            K::InheritedMismatch { root, expected } => {
                fill(self.p_inherited_mismatch, &[("root", root), ("expected", &self.input(*expected))])
            }
            K::UnitMissingInFile(file) => one(self.p_unit_missing_in_file, "file", file),
            K::NotPortalResponse => self.p_not_portal_response.to_owned(),
            K::ResponseNotOk(what) => fill(self.p_response_not_ok, &[("what", what)]),
            K::PartialResponse { rows, total } => {
                fill(self.p_partial_response, &[("rows", &self.int(*rows as u64)), ("total", &self.int(*total))])
            }
            K::MissingResponse(endpoint) => fill(self.p_missing_response, &[("endpoint", endpoint)]),
            K::DuplicateResponse(endpoint) => fill(self.p_duplicate_response, &[("endpoint", endpoint)]),
            K::HarNoResponses => self.p_har_no_responses.to_owned(),
            K::HarNoContent => self.p_har_no_content.to_owned(),
            K::NoUnitCode(who) => fill(self.p_no_unit_code, &[("who", who)]),
            K::DiffersFromPortal { group, engine, portal } => fill(
                self.p_differs_from_portal,
                &[("group", group), ("engine", &self.points(*engine)), ("portal", &self.points(*portal))],
            ),
            K::IncompleteGroup { group, fields } => {
                fill(self.p_incomplete_group, &[("group", group), ("fields", &fields.join(", "))])
            }
            K::BadDate(v) => one(self.p_bad_date, "value", v),
            K::BadPeriod(v) => one(self.p_bad_period, "value", v),
            K::NoUnits => self.p_no_units.to_owned(),
            K::NoFiles => format!("{}; {}", self.p_no_files, self.p_wrong_file_set),
            K::EmptyFolder(dir) => format!("{}; {}", one(self.p_empty_folder, "dir", dir), self.p_wrong_file_set),
            K::TooLong { len, max } => {
                fill(self.p_too_long, &[("len", &self.int(*len as u64)), ("max", &self.int(*max as u64))])
            }
            K::ControlCharacter => self.p_control.to_owned(),
            K::DuplicateKey(k) => one(self.p_duplicate_key, "key", k),
            K::MoreProblems(n) => fill(
                self.p_more_problems,
                &[("n", &self.int(*n as u64)), ("max", &self.int(crate::engine::problem::MAX_PROBLEMS as u64))],
            ),
            K::TooLarge { max } => one(self.p_too_large, "max", &self.int(max / (1024 * 1024))),
        }
    }

    /// A problem with its place: "tệp x.csv, dòng 3, …: tử số 5 lớn hơn mẫu số 3".
    pub fn problem(&self, p: &Problem) -> String {
        let place = self.place(&p.place);
        let what = self.problem_kind(&p.kind);
        if place.is_empty() {
            what
        } else {
            format!("{place}: {what}")
        }
    }

    pub fn lever_error(&self, e: &LeverError) -> String {
        match e {
            LeverError::NotMovable(code) => fill(self.l_not_movable, &[("metric", code)]),
            LeverError::Inherited { metric, root } => fill(self.l_inherited, &[("metric", metric), ("root", root)]),
            LeverError::AboveDenominator { num, den } => {
                fill(self.l_above_denominator, &[("num", &self.int(*num)), ("den", &self.int(*den))])
            }
            LeverError::BadRate => self.l_bad_rate.to_owned(),
            LeverError::Unknown => self.l_unknown.to_owned(),
        }
    }

    pub fn share_error(&self, e: &ShareError) -> String {
        match e {
            ShareError::TooLong { len, max } => {
                fill(self.s_too_long, &[("len", &self.int(*len as u64)), ("max", &self.int(*max as u64))])
            }
            ShareError::TooMany { max } => fill(self.s_too_many, &[("max", &self.int(*max as u64))]),
            ShareError::Syntax(at) => fill(self.s_syntax, &[("at", at)]),
            ShareError::UnknownUnit(code) => fill(self.s_unknown_unit, &[("unit", code)]),
            ShareError::UnknownMetric(k) => fill(self.s_unknown_metric, &[("k", &k.to_string())]),
            ShareError::Lever { unit, error } => {
                fill(self.s_lever, &[("unit", unit), ("error", &self.lever_error(error))])
            }
        }
    }
}

// The engine's errors read in Vietnamese wherever they are printed (the command line, logs).

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&VI.place(self))
    }
}

impl fmt::Display for ProblemKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&VI.problem_kind(self))
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&VI.problem(self))
    }
}

impl fmt::Display for LeverError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&VI.lever_error(self))
    }
}

impl fmt::Display for ShareError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&VI.share_error(self))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::problem::Expected;

    #[test]
    fn templates_fill_and_leave_unknown_braces() {
        assert_eq!(fill("tử số {num} lớn hơn mẫu số {den}", &[("num", "5"), ("den", "3")]), "tử số 5 lớn hơn mẫu số 3");
        assert_eq!(fill("{a}{a} {b} {", &[("a", "x")]), "xx {b} {");
        assert_eq!(fill("", &[]), "");
    }

    #[test]
    fn vietnamese_numbers() {
        let t = &VI;
        assert_eq!(t.points(Points(6139)), "61,39");
        assert_eq!(t.points(Points(5)), "0,05");
        assert_eq!(t.int(0), "0");
        assert_eq!(t.int(999), "999");
        assert_eq!(t.int(1234), "1.234");
        assert_eq!(t.int(464_494), "464.494");
        assert_eq!(t.int(1_234_567), "1.234.567");
        assert_eq!(t.rate(403_016, 464_494), "86,76%");
        assert_eq!(t.rate(1, 8), "12,50%");
        assert_eq!(t.rate(1, 1), "100,00%");
        assert_eq!(t.rate(0, 0), "—");
        assert_eq!(t.points_delta(Points(6139), Points(6264)), "+1,25");
        assert_eq!(t.points_delta(Points(6139), Points(6089)), "−0,50");
        assert_eq!(t.points_delta(Points(6139), Points(6139)), "0,00");
        assert_eq!(t.percent(Decimal::parse("0.8").unwrap()), "80%");
        assert_eq!(t.percent(Decimal::parse("0.625").unwrap()), "62,5%");
        assert_eq!(t.percent(Decimal::parse("0.9").unwrap()), "90%");
    }

    #[test]
    fn periods_and_dates_as_staff_write_them() {
        let t = &VI;
        let p = |s: &str| Period::parse_short(s).unwrap();
        assert_eq!(t.period(&p("2026-Q3")), "Quý 3/2026");
        assert_eq!(t.period(&p("2026-09")), "Tháng 9/2026");
        assert_eq!(t.period(&p("2026-H1")), "6 tháng đầu năm 2026");
        assert_eq!(t.period(&p("2026-H2")), "6 tháng cuối năm 2026");
        assert_eq!(t.period(&p("2026")), "Năm 2026");
        let custom = Period { kind: PeriodKind::Custom, from: "2026-01-01".into(), to: "2026-10-10".into() };
        assert_eq!(t.period(&custom), "Từ 1/1/2026 đến 10/10/2026");
        assert_eq!(t.date("2026-09-26"), "26/9/2026");
        assert_eq!(t.date("26/9/2026"), "26/9/2026");
    }

    #[test]
    fn a_problem_names_its_place() {
        let p = Problem::new(
            Place::file("transparency.csv").with_row(Row::Line(3)).with_unit("H44.01").with_field("DOSSIER_SYNC__num"),
            ProblemKind::NumeratorAboveDenominator { num: 5, den: 3 },
        );
        assert_eq!(
            p.to_string(),
            "tệp transparency.csv, dòng 3, mã đơn vị H44.01, trường DOSSIER_SYNC__num: tử số 5 lớn hơn mẫu số 3"
        );
        // Counts read the Vietnamese way, as everywhere in the app.
        let big = ProblemKind::NumeratorAboveDenominator { num: 464_495, den: 464_494 };
        assert_eq!(big.to_string(), "tử số 464.495 lớn hơn mẫu số 464.494");
        let unit = Problem::new(Place::file("a.json").with_row(Row::Unit(4)), ProblemKind::ParentCycle);
        assert_eq!(unit.to_string(), "tệp a.json, đơn vị thứ 4: quan hệ cấp trên tạo thành vòng");
        assert_eq!(Problem::new(Place::default(), ProblemKind::NoUnits).to_string(), "không có đơn vị nào");
    }

    #[test]
    fn every_problem_kind_has_words() {
        // A template left with a placeholder unfilled, or an empty message, is a bug in the table.
        let kinds = [
            ProblemKind::EmptyFile,
            ProblemKind::Unreadable("x".into()),
            ProblemKind::BadJson { column: 3 },
            ProblemKind::RowWidth { cells: 2, columns: 3 },
            ProblemKind::NotPortalFile { expected: vec!["a.csv".into()] },
            ProblemKind::WrongType(Expected::GroupMap),
            ProblemKind::DuplicateUnit(Some(Place::file("a.csv").with_row(Row::Line(2)))),
            ProblemKind::InheritedMismatch { root: "H44".into(), expected: MetricInput::Counts { num: 1, den: 2 } },
            ProblemKind::ScoreAboveMax { score: Points(700), max: Points(600) },
            ProblemKind::AmbiguousRoot(2),
            ProblemKind::TooLong { len: 70, max: 64 },
            ProblemKind::ControlCharacter,
            ProblemKind::DuplicateKey("num".into()),
            ProblemKind::MoreProblems(4_999_004),
            ProblemKind::TooLarge { max: 256 * 1024 * 1024 },
        ];
        let unfilled = |s: &str| {
            s.match_indices('{').any(|(i, _)| {
                let name: String = s[i + 1..].chars().take_while(|c| c.is_ascii_lowercase() || *c == '_').collect();
                !name.is_empty() && s[i + 1 + name.len()..].starts_with('}')
            })
        };
        for k in kinds {
            for t in Lang::ALL.map(Lang::text) {
                let s = t.problem_kind(&k);
                assert!(!s.is_empty() && !unfilled(&s), "{k:?}: {s}");
            }
        }
        assert_eq!(
            VI.problem_kind(&ProblemKind::RowWidth { cells: 2, columns: 3 }),
            "dòng có 2 ô nhưng tiêu đề có 3 cột"
        );
    }

    /// The `{name}`s of a template, in order of first appearance.
    fn placeholders(s: &str) -> Vec<String> {
        let mut out = Vec::new();
        for (i, _) in s.match_indices('{') {
            let name: String = s[i + 1..].chars().take_while(|c| c.is_ascii_lowercase() || *c == '_').collect();
            if !name.is_empty() && s[i + 1 + name.len()..].starts_with('}') && !out.contains(&name) {
                out.push(name);
            }
        }
        crate::engine::sorting::sort(&mut out);
        out
    }

    /// A field's strings, whatever its shape (a label, a pair, an array).
    trait Strings {
        fn strings(&self) -> Vec<&'static str>;
    }
    impl Strings for &'static str {
        fn strings(&self) -> Vec<&'static str> {
            vec![*self]
        }
    }
    impl Strings for (&'static str, &'static str) {
        fn strings(&self) -> Vec<&'static str> {
            vec![self.0, self.1]
        }
    }
    impl<T: Strings, const N: usize> Strings for [T; N] {
        fn strings(&self) -> Vec<&'static str> {
            self.iter().flat_map(Strings::strings).collect()
        }
    }

    /// Every table has every field with the same placeholders as the Vietnamese one. The pattern
    /// names every field (no `..`), so a field added to `Text` must be added here too.
    macro_rules! same_placeholders {
        ($($field:ident),* $(,)?) => {{
            for t in Lang::ALL.map(Lang::text) {
                let Text { lang: _, decimal: _, thousands: _, $($field: _),* } = t;
                $(
                    let (ours, vi) = (t.$field.strings(), VI.$field.strings());
                    assert_eq!(ours.len(), vi.len(), "{:?} {}", t.lang, stringify!($field));
                    for (i, (a, b)) in ours.iter().zip(&vi).enumerate() {
                        assert!(!a.is_empty(), "{:?} {}[{i}] is empty", t.lang, stringify!($field));
                        assert_eq!(placeholders(a), placeholders(b), "{:?} {}[{i}]: {a}", t.lang, stringify!($field));
                    }
                )*
            }
        }};
    }

    #[test]
    fn every_table_has_the_vietnamese_placeholders() {
        same_placeholders!(
            app_name,
            app_subtitle,
            source,
            loading,
            load_failed,
            captured,
            methodology,
            close,
            dismiss,
            peer_group,
            search_placeholder,
            search_label,
            col_rank,
            col_unit,
            col_total,
            col_group_title,
            col_total_title,
            given_legend,
            no_match,
            ranking_caption,
            changed_mark,
            select_hint,
            rank,
            total,
            lost,
            points_unit,
            given_group,
            given_metric,
            inherited,
            monitor,
            null_score,
            target_at,
            of,
            scenario,
            passes,
            and_more,
            no_pass,
            reset,
            reset_unit,
            reset_all,
            at_max,
            group_lever,
            before,
            exact_value,
            bars_title,
            bar_title,
            count_change,
            bad_rate,
            bad_points,
            bad_rank,
            rate_range,
            commune_preset,
            tab_what_if,
            tab_lost,
            tab_goal,
            lost_title,
            lost_hint,
            lost_cols,
            lost_add,
            lost_added,
            lost_nothing,
            fixed_title,
            fixed_inherited,
            fixed_given,
            fixed_no_counts,
            fixed_locked,
            lock,
            ceiling,
            per_point,
            effort_title,
            effort_hint,
            effort_reset,
            kinds,
            goal_title,
            goal_total,
            goal_rank,
            goal_seek,
            goal_or,
            plan_title,
            plan_cols,
            plan_sum,
            plan_nothing,
            plan_apply,
            plan_unreachable,
            plan_needed_rank,
            effort_units,
            targets_title,
            targets_hint,
            targets_apply,
            targets_apply_all,
            targets_score,
            targets_report,
            targets_cols,
            targets_reach,
            target_raised,
            target_met,
            target_na,
            targets_edit,
            targets_name,
            targets_save,
            targets_delete,
            horizon_title,
            horizon_no_dates,
            horizon_not_after,
            horizon_past_period,
            horizon_label,
            horizon_now,
            horizon_month,
            horizon_quarter,
            horizon_year,
            horizon_other,
            horizon_pace,
            horizon_cols,
            horizon_new_rate,
            yes,
            no,
            open_data,
            download_template,
            drop_hint,
            reading,
            scoring,
            read_failed,
            worker_failed,
            loaded,
            import_failed,
            more_problems,
            copy_link,
            export_ranking,
            export_plan,
            export_data,
            export_template,
            source_portal_csv,
            source_portal_json,
            howto_title,
            howto_steps,
            howto_files,
            howto_privacy,
            national_title,
            import_warnings,
            source_file,
            source_portal_dir,
            link_other_data,
            bad_link,
            link_unknown_unit,
            link_bad_unit,
            link_no_id,
            link_too_long,
            link_malformed,
            store_damaged,
            store_failed,
            store_damaged_unsaved,
            store_fault,
            working_unreadable,
            download_damaged,
            export_scenarios,
            store_why,
            saved_scenarios,
            save,
            scenario_name,
            default_scenario_name,
            open,
            rename,
            delete,
            no_saved,
            saved_gone,
            saved_unreadable,
            new_version,
            reload,
            month,
            quarter,
            half_first,
            half_second,
            year,
            custom_period,
            date,
            provinces,
            departments,
            communes,
            csv_ranking,
            csv_plan,
            csv_province_plan,
            csv_drag,
            csv_yes,
            at_file,
            at_line,
            at_unit_row,
            at_unit,
            at_field,
            p_empty_file,
            p_not_utf8,
            p_unreadable,
            p_bad_json,
            p_truncated_json,
            p_unclosed_quote,
            p_row_width,
            p_not_portal_file,
            p_wrong_file_set,
            p_missing_file,
            p_corrupt,
            p_wrong_type,
            expected,
            p_missing_column,
            p_duplicate_column,
            p_missing_field,
            p_unknown_field,
            p_unsupported_format,
            p_negative,
            p_bad_number,
            p_ambiguous_number,
            p_bad_score,
            p_numerator_above,
            p_half_counts,
            p_score_above_max,
            p_unknown_metric,
            p_unknown_group,
            p_given_only,
            p_unknown_methodology,
            p_unknown_level,
            p_empty_code,
            p_duplicate_unit,
            p_duplicate_unit_at,
            p_unknown_parent,
            p_parent_cycle,
            p_ambiguous_root,
            p_missing_group,
            p_group_given_and_counted,
            p_missing_metric,
            p_inherited_mismatch,
            p_unit_missing_in_file,
            p_incomplete_group,
            p_differs_from_portal,
            p_not_portal_response,
            p_response_not_ok,
            p_partial_response,
            p_missing_response,
            p_duplicate_response,
            p_har_no_responses,
            p_har_no_content,
            p_no_unit_code,
            p_bad_date,
            p_bad_period,
            p_no_units,
            p_no_files,
            io_why,
            p_empty_folder,
            p_too_long,
            p_duplicate_key,
            p_control,
            p_more_problems,
            p_too_large,
            no_data,
            points_value,
            tab_province,
            tab_drag,
            data_label,
            data_imported,
            data_province,
            data_nation,
            data_loading,
            link_unknown_data,
            nation_disagrees,
            province_bar,
            province_bar_title,
            national_rank,
            provinces_lower,
            national_none,
            national_of,
            national_passes,
            province_open,
            nation_title,
            nation_hint,
            nation_gap,
            nation_gap_met,
            nation_cols,
            nation_same,
            nation_differs,
            nation_differs_line,
            nation_total,
            province_goal_title,
            province_goal_total,
            province_goal_rank,
            province_goal_seek,
            province_plan_hint,
            province_plan_cols,
            province_plan_sum,
            province_plan_rank,
            province_plan_units,
            province_plan_unreachable,
            province_plan_nothing,
            province_plan_needed_rank,
            province_plan_apply,
            province_plan_export,
            province_own,
            drag_title,
            drag_hint,
            drag_cols,
            drag_metric,
            drag_missing_target,
            drag_by_unit,
            drag_export,
            drag_none,
            drag_more,
            l_not_movable,
            l_inherited,
            l_above_denominator,
            l_bad_rate,
            l_unknown,
            s_too_long,
            s_too_many,
            s_syntax,
            s_unknown_unit,
            s_unknown_metric,
            s_lever,
            col_group_max,
            compare_builtin,
            compare_col,
            compare_col_title,
            compare_none,
            compare_only_here,
            compare_only_here_short,
            compare_only_there,
            compare_open,
            compare_stop,
            compare_summary,
            compare_unit,
            compare_unit_new,
            compare_versus,
            reset_done,
            undo,
            csv_plan_head,
            csv_working_scenario,
            lang_toggle,
            framed,
            problems_download,
            lang_toggle_title,
            chart_ranking_title,
            chart_ranking_desc,
            chart_ranking_desc_all,
            chart_target,
            chart_ranking_axis,
            chart_groups_title,
            chart_group_line,
            chart_before,
            chart_after,
            chart_now,
            chart_waterfall_title,
            chart_waterfall_desc,
            chart_spread_title,
            chart_spread_desc,
            chart_spread_axis,
            chart_save_svg,
            chart_save_png,
            charts_title,
            report_open,
            report_open_title,
            report_heading,
            report_of_unit,
            report_of_ranking,
            report_unit,
            report_period,
            report_source,
            report_captured,
            report_date,
            report_scenario,
            report_versus,
            report_standing,
            report_lost,
            report_plan,
            report_result,
            report_charts,
            report_ranking,
            report_total_now,
            report_rank_now,
            report_rank_value,
            report_lost_total,
            report_gap,
            report_gap_met,
            report_lost_none,
            report_lost_more,
            report_plan_none,
            report_total_after,
            report_rank_after,
            report_sign_maker,
            report_sign_head,
            report_sign_hint,
            report_sign_head_hint,
            report_place_date,
            report_print,
            report_close,
            report_print_hint,
            report_changes,
            present_open,
            present_open_title,
            present_hint,
            present_slide_of,
            present_standing,
            present_lost,
            present_plan,
            present_result,
            present_ranking,
            present_spread,
            present_bottom,
            present_top,
            present_leave,
            present_prev,
            present_next,
            present_more_plan
        );
    }

    #[test]
    fn every_table_keeps_the_kind_keys() {
        for t in Lang::ALL.map(Lang::text) {
            assert_eq!(t.kinds.map(|(k, _)| k), VI.kinds.map(|(k, _)| k), "{:?}", t.lang);
            assert_eq!(t.lang.text().lang, t.lang);
            assert_eq!(Lang::from_code(t.lang.code()), t.lang);
        }
    }

    #[test]
    fn english_numbers_periods_and_problems() {
        let t = &EN;
        assert_eq!(t.points(Points(6139)), "61.39");
        assert_eq!(t.int(1_234_567), "1,234,567");
        assert_eq!(t.rate(403_016, 464_494), "86.76%");
        assert_eq!(t.points_delta(Points(6139), Points(6089)), "−0.50");
        assert_eq!(t.percent(Decimal::parse("0.625").unwrap()), "62.5%");
        let p = |s: &str| Period::parse_short(s).unwrap();
        assert_eq!(t.period(&p("2026-Q3")), "Q3 2026");
        assert_eq!(t.period(&p("2026-09")), "Month 9/2026");
        assert_eq!(t.period(&p("2026-H1")), "First half of 2026");
        assert_eq!(t.period(&p("2026-H2")), "Second half of 2026");
        assert_eq!(t.period(&p("2026")), "Year 2026");
        let custom = Period { kind: PeriodKind::Custom, from: "2026-01-01".into(), to: "2026-10-10".into() };
        assert_eq!(t.period(&custom), "From 1/1/2026 to 10/10/2026");
        let p = Problem::new(
            Place::file("transparency.csv").with_row(Row::Line(3)).with_unit("H44.01"),
            ProblemKind::NumeratorAboveDenominator { num: 464_495, den: 464_494 },
        );
        assert_eq!(
            t.problem(&p),
            "file transparency.csv, line 3, unit code H44.01: numerator 464,495 is greater than denominator 464,494"
        );
        assert_eq!(Lang::from_code("en"), Lang::En);
        assert_eq!(Lang::from_code("xx"), Lang::Vi);
    }
}
