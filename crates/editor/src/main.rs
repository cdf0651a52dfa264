fn main() {
    #[cfg(target_arch = "wasm32")]
    timeline_editor::ui::start();
}
