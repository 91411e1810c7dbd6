//! The pure engine: methodology, snapshot model and readers, scoring, ranking. It imports nothing
//! from the UI or the browser (yew, web-sys, gloo, js-sys) and is tested natively; the test
//! `tests/engine_is_pure.rs` keeps it that way.

pub mod chunked;
pub mod compare;
pub mod csv_text;
pub mod import;
pub mod json;
pub mod methodology;
pub mod nation;
pub mod plan;
pub mod points;
pub mod portal_csv;
pub mod portal_json;
pub mod problem;
pub mod projection;
pub mod province;
pub mod ranking;
pub mod scenario;
pub mod scoring;
pub mod share;
pub mod snapshot;
pub mod snapshot_json;
pub mod sorting;
pub mod synthetic;
pub mod template_csv;
pub mod wire;

pub use methodology::Methodology;
pub use points::Points;
pub use problem::{Place, Problem, ProblemKind, Row};
pub use ranking::{Peers, Rank};
pub use scoring::{score, Scores, UnitScore};
pub use snapshot::{Level, Meta, MetricInput, Period, Snapshot, Unit};
