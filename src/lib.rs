//! chiso: the calculator for the Decision 766 citizen/business service index.
//!
//! `engine` is pure Rust (scoring exactly as the national portal does); the web UI builds on it.

pub mod engine;
