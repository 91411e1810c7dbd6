//! Problems found in user data, each with the place it was found (file, row, unit, field) and a
//! Vietnamese message. Readers collect every problem they can instead of stopping at the first.

use std::fmt;

use super::points::group_thousands;

/// Where a problem is: as precise as the reader knows.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Place {
    pub file: Option<String>,
    pub row: Option<Row>,
    pub unit: Option<String>,
    pub field: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Row {
    /// A line of a text file (1-based, the header of a CSV file is line 1).
    Line(u64),
    /// The n-th unit (1-based) of a snapshot file's `units` list.
    Unit(usize),
}

impl Place {
    pub fn file(name: &str) -> Place {
        Place { file: Some(name.to_owned()), ..Place::default() }
    }
    pub fn with_row(mut self, row: Row) -> Place {
        self.row = Some(row);
        self
    }
    pub fn with_unit(mut self, code: &str) -> Place {
        if !code.is_empty() {
            self.unit = Some(code.to_owned());
        }
        self
    }
    pub fn with_field(mut self, field: impl Into<String>) -> Place {
        self.field = Some(field.into());
        self
    }
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut parts = Vec::new();
        if let Some(file) = &self.file {
            parts.push(format!("tệp {file}"));
        }
        match self.row {
            Some(Row::Line(n)) => parts.push(format!("dòng {n}")),
            Some(Row::Unit(n)) => parts.push(format!("đơn vị thứ {n}")),
            None => {}
        }
        if let Some(unit) = &self.unit {
            parts.push(format!("mã đơn vị {unit}"));
        }
        if let Some(field) = &self.field {
            parts.push(format!("trường {field}"));
        }
        f.write_str(&parts.join(", "))
    }
}

/// What is wrong.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ProblemKind {
    #[error("không đọc được tệp: {0}")]
    Syntax(String),
    #[error("tệp không phải văn bản UTF-8")]
    NotUtf8,
    #[error("phải là {0}")]
    WrongType(&'static str),
    #[error("thiếu tệp (cần đủ các tệp của từng nhóm chỉ số)")]
    MissingFile,
    #[error("thiếu cột")]
    MissingColumn,
    #[error("thiếu trường bắt buộc")]
    MissingField,
    #[error("trường không được hỗ trợ")]
    UnknownField,
    #[error("không hỗ trợ định dạng «{0}» (cần chiso.snapshot phiên bản 1)")]
    UnsupportedFormat(String),
    #[error("số lượng không được âm: «{0}»")]
    Negative(String),
    #[error("«{0}» không phải số nguyên không âm")]
    BadNumber(String),
    #[error("«{0}» không rõ nghĩa: dấu phẩy có thể là phần thập phân; hãy ghi số nguyên không có dấu phân cách, hoặc nhóm hàng nghìn bằng dấu chấm (1.234)")]
    AmbiguousNumber(String),
    #[error("«{0}» không phải điểm hợp lệ (số không âm, tối đa 2 chữ số thập phân)")]
    BadScore(String),
    #[error("tử số {} lớn hơn mẫu số {}", group_thousands(*.num), group_thousands(*.den))]
    NumeratorAboveDenominator { num: u64, den: u64 },
    #[error("có tử số mà thiếu mẫu số, hoặc ngược lại")]
    HalfCounts,
    #[error("điểm {score} vượt điểm tối đa {max}")]
    ScoreAboveMax { score: String, max: String },
    #[error("chỉ tiêu không có trong phương pháp {0}")]
    UnknownMetric(String),
    #[error("nhóm chỉ số không có trong phương pháp {0}")]
    UnknownGroup(String),
    #[error("chỉ tiêu này chỉ nhận điểm cho sẵn ({{\"score\": …}}), không nhận tử số/mẫu số")]
    GivenOnly,
    #[error("phương pháp tính «{0}» không có trong chương trình")]
    UnknownMethodology(String),
    #[error("cấp đơn vị «{0}» không hợp lệ")]
    UnknownLevel(String),
    #[error("mã đơn vị trống")]
    EmptyCode,
    #[error("mã đơn vị trùng với {0}")]
    DuplicateUnit(String),
    #[error("đơn vị cấp trên «{0}» không có trong dữ liệu")]
    UnknownParent(String),
    #[error("quan hệ cấp trên tạo thành vòng")]
    ParentCycle,
    #[error("không xác định được đơn vị cấp trên: có {0} đơn vị cấp tỉnh cùng với các đơn vị cấp dưới")]
    AmbiguousRoot(usize),
    #[error("thiếu nhóm {0}: không có số liệu chỉ tiêu và không có điểm nhóm cho sẵn")]
    MissingGroup(String),
    #[error("nhóm {0} vừa có điểm cho sẵn vừa có số liệu chỉ tiêu; chỉ được có một trong hai")]
    GroupGivenAndCounted(String),
    #[error("thiếu số liệu chỉ tiêu (nhóm {0} có số liệu các chỉ tiêu khác)")]
    MissingMetric(String),
    #[error("chỉ tiêu tính ở cấp tỉnh: giá trị khác của đơn vị gốc {root} ({expected})")]
    InheritedMismatch { root: String, expected: String },
    #[error("đơn vị có trong tệp {0} nhưng không có trong tệp này")]
    UnitMissingInFile(String),
    #[error("ngày «{0}» không hợp lệ (cần dạng YYYY-MM-DD)")]
    BadDate(String),
    #[error("kỳ «{0}» không hợp lệ")]
    BadPeriod(String),
    #[error("không có đơn vị nào")]
    NoUnits,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub place: Place,
    pub kind: ProblemKind,
}

impl Problem {
    pub fn new(place: Place, kind: ProblemKind) -> Problem {
        Problem { place, kind }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let place = self.place.to_string();
        if place.is_empty() {
            write!(f, "{}", self.kind)
        } else {
            write!(f, "{place}: {}", self.kind)
        }
    }
}

impl std::error::Error for Problem {}

/// Parses a count as staff write it: a plain integer ("1234567") or Vietnamese thousands grouping
/// with dots ("1.234.567"). A comma is refused as ambiguous (decimal comma in Vietnamese, grouping in
/// English); a dot that does not group by three ("1.5") is refused as a fraction.
pub fn parse_count(text: &str) -> Result<u64, ProblemKind> {
    let t = text.trim();
    let bad = || ProblemKind::BadNumber(t.to_owned());
    if t.is_empty() {
        return Err(bad());
    }
    if let Some(rest) = t.strip_prefix('-') {
        return Err(if rest.bytes().all(|b| b.is_ascii_digit() || b == b'.') && !rest.is_empty() {
            ProblemKind::Negative(t.to_owned())
        } else {
            bad()
        });
    }
    if t.contains(',') {
        let plain = t.bytes().all(|b| b.is_ascii_digit() || b == b',');
        return Err(if plain { ProblemKind::AmbiguousNumber(t.to_owned()) } else { bad() });
    }
    let groups: Vec<&str> = t.split('.').collect();
    let well_grouped = groups.iter().all(|g| !g.is_empty() && g.bytes().all(|b| b.is_ascii_digit()))
        && (groups.len() == 1 || (groups[0].len() <= 3 && groups[1..].iter().all(|g| g.len() == 3)));
    if !well_grouped {
        return Err(bad());
    }
    groups.concat().parse::<u64>().map_err(|_| bad())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_in_vietnamese_forms() {
        assert_eq!(parse_count("1234"), Ok(1234));
        assert_eq!(parse_count(" 1.234.567 "), Ok(1_234_567));
        assert_eq!(parse_count("0"), Ok(0));
        assert_eq!(parse_count("-5"), Err(ProblemKind::Negative("-5".into())));
        assert_eq!(parse_count("1,234"), Err(ProblemKind::AmbiguousNumber("1,234".into())));
        assert_eq!(parse_count("1.5"), Err(ProblemKind::BadNumber("1.5".into())));
        assert_eq!(parse_count("12a"), Err(ProblemKind::BadNumber("12a".into())));
        assert_eq!(
            parse_count("99999999999999999999999"),
            Err(ProblemKind::BadNumber("99999999999999999999999".into()))
        );
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
    }
}
