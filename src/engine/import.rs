//! Every way staff bring data, behind one entry point shared by the command line and the web app: a
//! snapshot JSON file, the portal's six per-group CSV files, the portal's own JSON answers (six files,
//! or a HAR file saved from the browser), or the one-table CSV template.

use super::methodology::Methodology;
use super::problem::{Place, Problem, ProblemKind};
use super::snapshot::{Meta, Snapshot};
use super::{portal_csv, portal_json, snapshot_json, template_csv};

/// Names a snapshot of the portal's files after its root; a list of provinces has none (the caller
/// names it).
fn named_after_root(mut s: Snapshot) -> Snapshot {
    let roots: Vec<&str> = s.units.iter().filter(|u| u.parent.is_none()).map(|u| u.name.as_str()).collect();
    s.meta.title = match roots[..] {
        [root] => root.to_owned(),
        _ => String::new(),
    };
    s
}

/// Which reader made a snapshot, for the caller to name its source (the engine holds no display text).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Origin {
    /// The portal's six per-group CSV files.
    PortalCsv,
    /// The portal's JSON answers (files or a HAR).
    PortalJson,
    /// The one-table template, with its file name.
    Template(String),
    /// A snapshot file (its source is inside it).
    Snapshot,
}

/// A snapshot read, with which reader made it and the warnings of what it read differently from what
/// the files say.
#[derive(Clone, Debug, PartialEq)]
pub struct Imported {
    pub snapshot: Snapshot,
    pub origin: Origin,
    pub warnings: Vec<Problem>,
}

/// Reads the files given together (name, content) into one snapshot, or every problem found.
pub fn read_files(files: &[(String, Vec<u8>)]) -> Result<Imported, Vec<Problem>> {
    // Too large to read in a page (or a sign of a device file): refused before anything is parsed.
    let big: Vec<Problem> = files
        .iter()
        .filter(|(_, b)| b.len() as u64 > MAX_INPUT)
        .map(|(n, _)| Problem::new(Place::file(n), ProblemKind::TooLarge { max: MAX_INPUT }))
        .collect();
    if !big.is_empty() {
        return Err(big);
    }
    read_all(files).map_err(super::problem::cap)
}

/// The largest file the app reads (bytes): five times the 50 MB the page is made for.
pub const MAX_INPUT: u64 = 256 * 1024 * 1024;

fn read_all(files: &[(String, Vec<u8>)]) -> Result<Imported, Vec<Problem>> {
    let methodology = Methodology::default_version();
    if !files.is_empty() && files.iter().all(|(n, b)| portal_json::looks_like(n, b)) {
        let (s, warnings) = portal_json::read(files, methodology)?;
        return Ok(Imported { snapshot: named_after_root(s), origin: Origin::PortalJson, warnings });
    }
    let portal = portal_csv::file_names(&methodology);
    let is_portal = |name: &str| portal.contains(&base_name(name));
    if files.iter().any(|(n, _)| is_portal(n)) {
        let map =
            files.iter().filter(|(n, _)| is_portal(n)).map(|(n, b)| (base_name(n).to_owned(), b.clone())).collect();
        let expected: Vec<String> = portal.iter().map(|n| (*n).to_owned()).collect();
        let mut problems: Vec<Problem> = files
            .iter()
            .filter(|(n, _)| !is_portal(n))
            .map(|(n, _)| Problem::new(Place::file(n), ProblemKind::NotPortalFile { expected: expected.clone() }))
            .collect();
        return match portal_csv::import(&map, methodology, Meta::default()) {
            Ok((s, warnings)) if problems.is_empty() => {
                Ok(Imported { snapshot: named_after_root(s), origin: Origin::PortalCsv, warnings })
            }
            Ok(_) => Err(problems),
            Err(mut more) => {
                problems.append(&mut more);
                Err(problems)
            }
        };
    }
    match files {
        [(name, bytes)] if name.to_ascii_lowercase().ends_with(".csv") => {
            let title = name.rsplit_once('.').map_or(name.as_str(), |(stem, _)| stem).to_owned();
            let s = template_csv::read(bytes, name, methodology, Meta { title, ..Meta::default() })?;
            Ok(Imported { snapshot: s, origin: Origin::Template(name.clone()), warnings: Vec::new() })
        }
        [(name, bytes)] => {
            let text =
                std::str::from_utf8(bytes).map_err(|_| vec![Problem::new(Place::file(name), ProblemKind::NotUtf8)])?;
            Ok(Imported { snapshot: snapshot_json::parse(text, name)?, origin: Origin::Snapshot, warnings: Vec::new() })
        }
        [] => Err(vec![Problem::new(Place::default(), ProblemKind::NoFiles)]),
        _ => Err(vec![Problem::new(Place::default(), ProblemKind::WrongFileSet)]),
    }
}

fn base_name(path: &str) -> &str {
    path.rsplit(['/', '\\']).next().unwrap_or(path)
}
