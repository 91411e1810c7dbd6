//! The page's side effects, each in one hook over the one state: the address (read on change, written
//! once the user pauses), the browser's store (read at start, written as the state changes, followed
//! across tabs), the service worker (offline use, new versions). Views never touch `location`,
//! `localStorage`, timers or workers.

mod keys;
mod link;
mod present;
mod service_worker;
mod store;

pub use keys::use_keys;
pub use link::{location_hash, open_dataset, page_address, use_link};
pub use present::{kept_lang, today, use_framed_warning, use_fullscreen, use_lang, use_leave_on_exit_fullscreen};
pub use service_worker::{apply_update, use_service_worker};
pub use store::{keep_damaged, kept_for, planning_action, use_store};
