//! Browser hooks the components use: each adds listeners or observers and removes them in
//! `on_cleanup`, so an unmounted widget leaves nothing behind on the host page.

mod listener;
mod use_drag_pan;
mod use_element_size;
mod use_wheel_zoom;

pub use listener::{listen, Listener};
pub use use_drag_pan::{use_drag_pan, UseDragPanReturn};
pub use use_element_size::use_element_size;
pub use use_wheel_zoom::{use_wheel_zoom_with_options, UseWheelZoomOptions, UseWheelZoomReturn};
