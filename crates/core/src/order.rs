//! One sort for the whole crate.
//!
//! Every `sort_by` call with its own closure stamps out the standard library's whole sort
//! (driftsort, its small-sort networks, heapsort fallback: about 4 KB of wasm each). The core
//! sorts in a few places, so each of them sorts indices through the one comparator signature
//! below and the widget carries a single copy.

use std::cmp::Ordering;

/// Sorts `indices` stably by `cmp` (on the indices themselves).
pub fn sort_indices(indices: &mut [usize], cmp: &dyn Fn(usize, usize) -> Ordering) {
    indices.sort_by(|&a, &b| cmp(a, b));
}

/// `items` reordered stably by `cmp`, which compares two items by their positions in `items`.
pub fn sorted_by<T>(items: Vec<T>, cmp: &dyn Fn(&T, &T) -> Ordering) -> Vec<T> {
    let mut order: Vec<usize> = (0..items.len()).collect();
    sort_indices(&mut order, &|a, b| cmp(&items[a], &items[b]));
    let mut slots: Vec<Option<T>> = items.into_iter().map(Some).collect();
    order.into_iter().filter_map(|i| slots[i].take()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorted_by_is_stable_and_complete() {
        let items = vec![(3, 'a'), (1, 'b'), (3, 'c'), (0, 'd'), (1, 'e')];
        let out = sorted_by(items, &|a, b| a.0.cmp(&b.0));
        assert_eq!(out, vec![(0, 'd'), (1, 'b'), (1, 'e'), (3, 'a'), (3, 'c')]);
    }

    #[test]
    fn sort_indices_orders_by_the_comparator() {
        let keys: [f64; 4] = [5.0, -1.0, 2.5, 2.5];
        let mut v = vec![0, 1, 2, 3];
        sort_indices(&mut v, &|a, b| keys[a].total_cmp(&keys[b]).then(a.cmp(&b)));
        assert_eq!(v, vec![1, 2, 3, 0]);
    }
}
