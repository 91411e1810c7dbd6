//! Problems found in user data, each with the place it was found (file, row, unit, field). Readers
//! collect every problem they can instead of stopping at the first.
//!
//! The engine holds data, not display text: what a problem says to a person, in Vietnamese or English,
//! is written by `present::text` (which also gives these types their `Display`).

use super::points::Points;
use super::snapshot::MetricInput;

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
    /// The unit by its code (a long one quoted by its start only: a message never repeats a huge value).
    pub fn with_unit(mut self, code: &str) -> Place {
        if !code.is_empty() {
            self.unit = Some(excerpt(code));
        }
        self
    }
    pub fn with_field(mut self, field: impl Into<String>) -> Place {
        self.field = Some(field.into());
        self
    }
}

/// What a value should have been, where a file holds something else.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expected {
    /// A JSON object `{ … }` (the whole file).
    Document,
    /// A JSON object `{ … }` (a unit).
    Object,
    List,
    Text,
    /// A unit code or null (a parent).
    UnitCodeOrNull,
    /// `{"num": …, "den": …}` or `{"score": …}`.
    MetricInput,
    /// `{ metric code: … }`.
    MetricMap,
    /// `{ group code: score }`.
    GroupMap,
}

/// What is wrong.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ProblemKind {
    /// The file holds nothing (or only a header).
    EmptyFile,
    NotUtf8,
    /// The browser or the system could not read the file (its own reason).
    Unreadable(String),
    /// A JSON syntax error at this column (the line is the place's row).
    BadJson {
        column: u64,
    },
    /// The JSON text ends before its last value does.
    TruncatedJson,
    /// An object gives this key twice (the line is the place's row).
    DuplicateKey(String),
    /// A quote opened on this line (the place's row) is never closed.
    UnclosedQuote,
    /// A CSV row with a different number of cells than its header.
    RowWidth {
        cells: usize,
        columns: usize,
    },
    /// A file given with the portal's group files that is not one of them.
    NotPortalFile {
        expected: Vec<String>,
    },
    /// Several files that are not the portal's group files.
    WrongFileSet,
    /// Bytes that this program did not write (the import worker's answer damaged).
    Corrupt,
    /// One of the portal's group files is missing.
    MissingFile,
    WrongType(Expected),
    MissingColumn,
    DuplicateColumn,
    MissingField,
    UnknownField,
    UnsupportedFormat(String),
    Negative(String),
    BadNumber(String),
    AmbiguousNumber(String),
    BadScore(String),
    NumeratorAboveDenominator {
        num: u64,
        den: u64,
    },
    HalfCounts,
    ScoreAboveMax {
        score: Points,
        max: Points,
    },
    /// Not a metric of this methodology (its id).
    UnknownMetric(String),
    UnknownGroup(String),
    GivenOnly,
    UnknownMethodology(String),
    UnknownLevel(String),
    EmptyCode,
    /// The code is taken; where it was first seen, if known.
    DuplicateUnit(Option<Place>),
    UnknownParent(String),
    ParentCycle,
    AmbiguousRoot(usize),
    MissingGroup(String),
    GroupGivenAndCounted(String),
    MissingMetric(String),
    InheritedMismatch {
        root: String,
        expected: MetricInput,
    },
    UnitMissingInFile(String),
    /// A warning, not an error: a group whose counts are only partly there (these fields are empty) is
    /// taken as the portal's group score.
    IncompleteGroup {
        group: String,
        fields: Vec<String>,
    },
    /// A JSON file given as one of the portal's answers that is not one.
    NotPortalResponse,
    /// The portal answered with an error (its code and message).
    ResponseNotOk(String),
    /// An answer with only some of its rows (one page of several).
    PartialResponse {
        rows: usize,
        total: u64,
    },
    /// No answer of this endpoint among the files.
    MissingResponse(String),
    /// Two different answers of this endpoint (two periods, two pages).
    DuplicateResponse(String),
    /// A HAR file with no answer of the evaluation endpoints.
    HarNoResponses,
    /// A HAR file saved without the answers' content.
    HarNoContent,
    /// A unit no answer gives a code for (its name or id).
    NoUnitCode(String),
    /// A warning: the engine scores a group otherwise than the portal published it.
    DiffersFromPortal {
        group: String,
        engine: Points,
        portal: Points,
    },
    BadDate(String),
    BadPeriod(String),
    NoUnits,
    /// Nothing to read: no file chosen.
    NoFiles,
    /// A folder with none of the files the app reads (its path).
    EmptyFolder(String),
    /// A text longer than the field may hold (in characters).
    TooLong {
        len: usize,
        max: usize,
    },
    /// A control character (NUL, escape, a line break…) in a code, a name or a title.
    ControlCharacter,
    /// Problems past the first `MAX_PROBLEMS` are counted, not listed.
    MoreProblems(usize),
    /// An input larger than the app reads (in bytes).
    TooLarge {
        max: u64,
    },
}

/// The most problems listed for one reading; the rest are counted (`ProblemKind::MoreProblems`).
pub const MAX_PROBLEMS: usize = 1_000;
/// What a unit code may hold (the portal's are like "H15.120"), in characters.
pub const MAX_CODE: usize = 64;
/// A unit's name, in characters (the longest on the portal is under 120).
pub const MAX_NAME: usize = 300;
/// The snapshot's title and source, in characters.
pub const MAX_TITLE: usize = 500;

/// Checks a code, a name or a title: at most `max` characters, no control character. (A value that
/// fails is quoted by `excerpt` only.)
pub fn check_text(text: &str, max: usize) -> Result<(), ProblemKind> {
    let len = text.chars().count();
    if len > max {
        return Err(ProblemKind::TooLong { len, max });
    }
    if text.chars().any(char::is_control) {
        return Err(ProblemKind::ControlCharacter);
    }
    Ok(())
}

/// Keeps the first `MAX_PROBLEMS` problems and says how many more there were (capping twice counts
/// the same).
pub fn cap(mut problems: Vec<Problem>) -> Vec<Problem> {
    let mut more = match problems.last().map(|p| &p.kind) {
        Some(&ProblemKind::MoreProblems(n)) => {
            problems.pop();
            n
        }
        _ => 0,
    };
    if problems.len() > MAX_PROBLEMS {
        more += problems.len() - MAX_PROBLEMS;
        problems.truncate(MAX_PROBLEMS);
    }
    if more > 0 {
        problems.push(Problem::new(Place::default(), ProblemKind::MoreProblems(more)));
    }
    problems
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub struct Problem {
    pub place: Place,
    pub kind: ProblemKind,
}

impl Problem {
    pub fn new(place: Place, kind: ProblemKind) -> Problem {
        Problem { place, kind }
    }
}

/// Longest excerpt of a bad value a problem quotes (in characters): a 50 MB cell is quoted by its
/// beginning, not copied into every message about it.
pub const EXCERPT_CHARS: usize = 40;

/// The beginning of a value, for quoting it in a problem: at most [`EXCERPT_CHARS`] characters, then
/// "…" when something was cut.
pub fn excerpt(text: &str) -> String {
    let (head, cut) = match text.char_indices().nth(EXCERPT_CHARS) {
        None => (text, false),
        Some((at, _)) => (&text[..at], true),
    };
    // A control character is written as its escape (\u{1b}, \0): quoted back raw, it would act on the
    // terminal or the page that shows the message.
    let mut out: String =
        head.chars().map(|c| if c.is_control() { c.escape_default().to_string() } else { c.to_string() }).collect();
    if cut {
        out.push('…');
    }
    out
}

/// Parses a count as staff write it: a plain integer ("1234567") or Vietnamese thousands grouping
/// with dots ("1.234.567"). A comma is refused as ambiguous (decimal comma in Vietnamese, grouping in
/// English); a dot that does not group by three ("1.5") is refused as a fraction.
pub fn parse_count(text: &str) -> Result<u64, ProblemKind> {
    let t = text.trim();
    let bad = || ProblemKind::BadNumber(excerpt(t));
    if t.is_empty() {
        return Err(bad());
    }
    if let Some(rest) = t.strip_prefix('-') {
        return Err(if rest.bytes().all(|b| b.is_ascii_digit() || b == b'.') && !rest.is_empty() {
            ProblemKind::Negative(excerpt(t))
        } else {
            bad()
        });
    }
    if t.contains(',') {
        let plain = t.bytes().all(|b| b.is_ascii_digit() || b == b',');
        return Err(if plain { ProblemKind::AmbiguousNumber(excerpt(t)) } else { bad() });
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
        let long = "7".repeat(1_000_000);
        assert_eq!(
            parse_count(&format!("{long}x")),
            Err(ProblemKind::BadNumber(format!("{}…", &long[..EXCERPT_CHARS])))
        );
        assert_eq!(excerpt("Tam Sơn"), "Tam Sơn");
    }
}
