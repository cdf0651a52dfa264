fn main() {
    #[cfg(target_arch = "wasm32")]
    timeline::platform::start();
}
