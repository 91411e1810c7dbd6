//! Every word the app shows, in one table per language: [`VI`] (the default). Messages with values in
//! them are templates (`"tử số {num} lớn hơn mẫu số {den}"`) filled by [`fill`], so that a second
//! language is a second table, not a second code path. Numbers are written each language's way by the
//! same table (61,39 and 1.234 in Vietnamese). Group and metric names come from the methodology data.
//!
//! The engine holds no display text: its error types get their `Display` here (in Vietnamese, which
//! the command line prints too).

mod vi;

use std::fmt;

use crate::engine::points::Decimal;
use crate::engine::problem::{Place, Problem, ProblemKind, Row};
use crate::engine::scenario::LeverError;
use crate::engine::share::ShareError;
use crate::engine::snapshot::{Period, PeriodKind};
use crate::engine::{Level, MetricInput, Points};

pub use vi::VI;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Vi,
}

impl Lang {
    pub const ALL: [Lang; 1] = [Lang::Vi];

    /// The language's code ("vi"), as the import worker is told it.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Vi => "vi",
        }
    }

    /// A language from its code; the default for an unknown one.
    pub fn from_code(code: &str) -> Lang {
        Lang::ALL.into_iter().find(|l| l.code() == code).unwrap_or_default()
    }

    pub fn text(self) -> &'static Text {
        match self {
            Lang::Vi => &VI,
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
    pub csv_plan: [&'static str; 11],
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
        let d = i64::from(after.hundredths()) - i64::from(before.hundredths());
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
        ];
        let unfilled = |s: &str| {
            s.match_indices('{').any(|(i, _)| {
                let name: String = s[i + 1..].chars().take_while(|c| c.is_ascii_lowercase() || *c == '_').collect();
                !name.is_empty() && s[i + 1 + name.len()..].starts_with('}')
            })
        };
        for k in kinds {
            let s = VI.problem_kind(&k);
            assert!(!s.is_empty() && !unfilled(&s), "{k:?}: {s}");
        }
        assert_eq!(
            VI.problem_kind(&ProblemKind::RowWidth { cells: 2, columns: 3 }),
            "dòng có 2 ô nhưng tiêu đề có 3 cột"
        );
    }
}
