//! Browser hooks the components use: each adds listeners or observers and removes them in
//! `on_cleanup`, so an unmounted widget leaves nothing behind on the host page.

mod listener;
mod use_element_size;

pub use listener::{listen, Listener};
pub use use_element_size::use_element_size;
