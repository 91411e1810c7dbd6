//! The data the site carries: real captures of the portal, each written by `chiso import` from the
//! folder of the same name in `data/` (the test `builtin_datasets` checks every file is exactly that
//! output), each one static file of the site loaded only when chosen (`#data=<id>`).
//!
//! Data is not code: the web app fetches the file it needs and keeps the wasm small. Native tools and
//! tests use the copies compiled in here ([`json`]); the linker drops them from the web build, which
//! never calls it.

use crate::engine::{snapshot_json, Period, Snapshot};

/// What a dataset holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// One province and its departments and communes (the province's name, as the portal writes it).
    Province(&'static str),
    /// The national list: the provinces, one row each.
    Nation,
}

/// One built-in dataset.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Dataset {
    /// The folder's name in `data/`: the id in the address.
    pub id: &'static str,
    pub kind: Kind,
    /// The period, as `chiso import --period` takes it (2026, 2026-Q3, 2026-08).
    pub period: &'static str,
    /// The day it was captured from the portal.
    pub captured: &'static str,
    /// The national list of the same period and day, if the site has it: the province's national rank.
    pub nation: Option<&'static str>,
    /// Where the figures come from (the folder's README says more).
    pub source: &'static str,
}

impl Dataset {
    /// The site's file, beside the page.
    pub fn file(&self) -> String {
        format!("{}.json", self.id)
    }

    pub fn period(&self) -> Option<Period> {
        Period::parse_short(self.period)
    }
}

const PORTAL: &str = "Cổng Dịch vụ công quốc gia (dichvucong.gov.vn)";
const NATION_2026_10_10: &str = "vietnam-34-provinces-2026-year-20261010";

/// The users' own province first: it is what the app opens with. (`chiso datasets` writes the files.)
pub const ALL: [Dataset; 4] = [
    Dataset {
        id: "dak-lak-2026-year-20261010",
        kind: Kind::Province("Đắk Lắk"),
        period: "2026",
        captured: "2026-10-10",
        nation: Some(NATION_2026_10_10),
        source: "Cổng Dịch vụ công quốc gia (dichvucong.gov.vn), bản ghi của hauphanquoc/766-Analyze",
    },
    Dataset {
        id: "phu-tho-2026-q3",
        kind: Kind::Province("Phú Thọ"),
        period: "2026-Q3",
        captured: "2026-09-26",
        nation: None,
        source: PORTAL,
    },
    Dataset {
        id: "phu-tho-2026-08",
        kind: Kind::Province("Phú Thọ"),
        period: "2026-08",
        captured: "2026-09-28",
        nation: None,
        source: PORTAL,
    },
    Dataset {
        id: NATION_2026_10_10,
        kind: Kind::Nation,
        period: "2026",
        captured: "2026-10-10",
        nation: None,
        source:
            "Cổng Dịch vụ công quốc gia (dichvucong.gov.vn): bảng xếp hạng 34 tỉnh, bản ghi của duynghiaqn/Crawler-766",
    },
];

/// The dataset the app opens with.
pub const DEFAULT: &str = ALL[0].id;

pub fn find(id: &str) -> Option<&'static Dataset> {
    ALL.iter().find(|d| d.id == id)
}

/// The snapshot file of a built-in dataset, compiled in (native tools, tests).
pub fn json(id: &str) -> Option<&'static str> {
    Some(match id {
        "dak-lak-2026-year-20261010" => include_str!("../data/dak-lak-2026-year-20261010.json"),
        "phu-tho-2026-q3" => include_str!("../data/phu-tho-2026-q3.json"),
        "phu-tho-2026-08" => include_str!("../data/phu-tho-2026-08.json"),
        "vietnam-34-provinces-2026-year-20261010" => {
            include_str!("../data/vietnam-34-provinces-2026-year-20261010.json")
        }
        _ => return None,
    })
}

/// A built-in dataset's snapshot, from the compiled-in copy.
pub fn load(id: &str) -> Option<Snapshot> {
    let d = find(id)?;
    Some(snapshot_json::parse(json(id)?, &d.file()).expect("the built-in snapshots are valid (tested natively)"))
}

/// Phú Thọ, Q3/2026: the snapshot the engine's and the state's tests are written against.
pub fn sample() -> Snapshot {
    load("phu-tho-2026-q3").expect("phu-tho-2026-q3 is built in")
}
