//! The page's side effects, each in one hook over the one state: the address (read on change, written
//! once the user pauses), the browser's store (read at start, written as the state changes, followed
//! across tabs). Views never touch `location`, `localStorage` or timers.

mod link;
mod store;

pub use link::{location_hash, use_link};
pub use store::{kept_for, use_store};
