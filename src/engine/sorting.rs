//! Every sort of the program goes through here, to one instantiation of the standard library's
//! stable sort: of positions (`u32`), compared by a `dyn` closure.
//!
//! Why: `slice::sort_by` is generic over the element and the closure, and each call site compiles a
//! copy of the whole sorting machinery (driftsort, quicksort, small sorts: 3 to 5 KB of wasm each).
//! The page had 26 of them, 95 KB of its 952 KB. Sorting positions and then moving the elements into
//! place keeps one copy; the cost is an indirect call per comparison: 50,000 units by (total,
//! tiebreak), the ranking's sort, took 10-12 ms natively against 8 ms for the standard unstable sort
//! in the same run (1.3 times); a what-if step sorts only a table ordered by name or by a group.
//! `clippy.toml` refuses the standard sorts elsewhere, so that the saving stays.
//!
//! Every sort here is stable: where a caller used an unstable sort, equal elements were either
//! impossible (the comparison ends on a unique key) or interchangeable, so the result is the same.

use std::cmp::Ordering;

/// Sorts `v` by `cmp`, keeping equal elements in their order.
pub fn sort_by<T>(v: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    if v.len() < 2 {
        return;
    }
    let mut order: Vec<u32> = (0..v.len() as u32).collect();
    sort_positions(&mut order, &mut |a, b| cmp(&v[a as usize], &v[b as usize]));
    place(v, &mut order);
}

/// Sorts `v` by a key (computed at each comparison, as `slice::sort_by_key` does).
pub fn sort_by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `v` in its natural order.
pub fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, |a, b| a.cmp(b));
}

/// The one instantiation of the standard sort.
#[inline(never)]
#[allow(clippy::disallowed_methods)]
fn sort_positions(order: &mut [u32], cmp: &mut dyn FnMut(u32, u32) -> Ordering) {
    order.sort_by(|&a, &b| cmp(a, b));
}

/// Moves each element where `order` says (`order[i]`: the position of the element that goes to `i`),
/// following each cycle of the permutation with swaps: no element is copied or cloned.
fn place<T>(v: &mut [T], order: &mut [u32]) {
    const DONE: u32 = u32::MAX;
    for start in 0..v.len() {
        let mut at = start;
        loop {
            let from = order[at];
            order[at] = DONE;
            if from == DONE || from as usize == start {
                break;
            }
            v.swap(at, from as usize);
            at = from as usize;
        }
    }
}

// The tests compare with the standard sorts on purpose.
#[cfg(test)]
#[allow(clippy::disallowed_methods)]
mod tests {
    use super::*;

    /// A small deterministic generator (no dependency).
    fn numbers(seed: u64, n: usize, range: u64) -> Vec<u64> {
        let mut x = seed;
        (0..n)
            .map(|_| {
                x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                (x >> 33) % range
            })
            .collect()
    }

    #[test]
    fn equals_the_standard_stable_sort_with_ties_kept_in_order() {
        for (seed, n, range) in [(1, 0, 5), (2, 1, 5), (3, 2, 2), (4, 17, 3), (5, 1000, 10), (6, 5000, 1_000_000)] {
            // (key, original position): a stable sort by key keeps positions ascending among ties.
            let v: Vec<(u64, usize)> = numbers(seed, n, range).into_iter().enumerate().map(|(i, k)| (k, i)).collect();
            let mut ours = v.clone();
            sort_by_key(&mut ours, |&(k, _)| k);
            let mut std = v.clone();
            std.sort_by_key(|&(k, _)| k);
            assert_eq!(ours, std, "seed {seed}, {n} elements");
            let mut down = v.clone();
            sort_by(&mut down, |a, b| b.0.cmp(&a.0));
            let mut std_down = v;
            std_down.sort_by_key(|b| std::cmp::Reverse(b.0));
            assert_eq!(down, std_down);
        }
    }

    #[test]
    fn moves_elements_that_cannot_be_copied() {
        // Owned strings in an order whose permutation has several cycles.
        let mut names: Vec<String> = numbers(7, 300, 40).iter().map(|k| format!("xã {k:02}")).collect();
        let mut expected = names.clone();
        expected.sort();
        sort(&mut names);
        assert_eq!(names, expected);
        let mut few = vec![String::from("xã Ea Kao"), "phường Buôn Ma Thuột".into(), "Sở Tài chính".into()];
        sort(&mut few);
        assert_eq!(few, ["Sở Tài chính", "phường Buôn Ma Thuột", "xã Ea Kao"]);
    }
}
