//! A vector of fixed-size chunks shared between copies: cloning it clones one pointer per chunk, and
//! changing an element copies only that element's chunk (when another copy still holds it). A
//! scenario's scores are the previous scores with a few units changed: on 10,000 units a slider step
//! copies ~80 pointers and one chunk instead of 10,000 entries.

use std::ops::Index;
use std::rc::Rc;

const CHUNK: usize = 128;

#[derive(Clone)]
pub struct Chunked<T> {
    chunks: Vec<Rc<Vec<T>>>,
    len: usize,
}

impl<T: Clone> Chunked<T> {
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    pub fn iter(&self) -> impl Iterator<Item = &T> + '_ {
        self.chunks.iter().flat_map(|c| c.iter())
    }

    pub fn get(&self, i: usize) -> Option<&T> {
        self.chunks.get(i / CHUNK).and_then(|c| c.get(i % CHUNK))
    }

    /// The element, to change in place; its chunk is copied first if another copy shares it.
    pub fn make_mut(&mut self, i: usize) -> &mut T {
        assert!(i < self.len, "index {i} out of {}", self.len);
        &mut Rc::make_mut(&mut self.chunks[i / CHUNK])[i % CHUNK]
    }
}

impl<T> Index<usize> for Chunked<T> {
    type Output = T;
    fn index(&self, i: usize) -> &T {
        &self.chunks[i / CHUNK][i % CHUNK]
    }
}

impl<T> FromIterator<T> for Chunked<T> {
    fn from_iter<I: IntoIterator<Item = T>>(iter: I) -> Self {
        let mut chunks = Vec::new();
        let mut current = Vec::with_capacity(CHUNK);
        let mut len = 0;
        for x in iter {
            current.push(x);
            len += 1;
            if current.len() == CHUNK {
                chunks.push(Rc::new(std::mem::replace(&mut current, Vec::with_capacity(CHUNK))));
            }
        }
        if !current.is_empty() {
            chunks.push(Rc::new(current));
        }
        Chunked { chunks, len }
    }
}

impl<T: PartialEq> PartialEq for Chunked<T> {
    fn eq(&self, other: &Self) -> bool {
        self.len == other.len
            && self.chunks.iter().zip(&other.chunks).all(|(a, b)| Rc::ptr_eq(a, b) || a.as_slice() == b.as_slice())
    }
}

impl<T: Eq> Eq for Chunked<T> {}

impl<T: std::fmt::Debug> std::fmt::Debug for Chunked<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.chunks.iter().flat_map(|c| c.iter())).finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copies_share_chunks_until_changed() {
        let a: Chunked<u32> = (0..1000).collect();
        assert_eq!((a.len(), a[0], a[999], a.get(1000)), (1000, 0, 999, None));
        let mut b = a.clone();
        *b.make_mut(300) = 7;
        assert_eq!((a[300], b[300]), (300, 7));
        assert!(Rc::ptr_eq(&a.chunks[0], &b.chunks[0]) && !Rc::ptr_eq(&a.chunks[2], &b.chunks[2]));
        assert_ne!(a, b);
        *b.make_mut(300) = 300;
        assert_eq!(a, b);
        assert_eq!(b.iter().copied().collect::<Vec<_>>(), (0..1000).collect::<Vec<_>>());
        let empty: Chunked<u32> = std::iter::empty().collect();
        assert!(empty.is_empty() && empty.iter().next().is_none());
    }
}
