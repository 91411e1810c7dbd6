//! chiso: the calculator for the Decision 766 citizen/business service index.
//!
//! `engine` is pure Rust (scoring exactly as the national portal does); the web UI builds on it.

// A `Problem` names its file, row, unit and field (about 144 bytes): returned only on bad input, a
// cold path, so it is not boxed.
#![allow(clippy::result_large_err)]

pub mod engine;
