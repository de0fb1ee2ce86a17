//! Reading the generated binary tables (`src/unicode/nfc.bin`, `src/host/uts46.bin`,
//! `src/phone/metadata.bin`): bytes and LEB128 varints, every read checked.

/// A cursor over a table's bytes.
pub(crate) struct Reader<'a> {
    data: &'a [u8],
    /// Where the next read starts.
    pub(crate) at: usize,
}

impl<'a> Reader<'a> {
    /// A reader at the start of `data`.
    pub(crate) fn new(data: &'a [u8]) -> Self {
        Reader { data, at: 0 }
    }

    /// The next byte.
    pub(crate) fn byte(&mut self) -> Option<u8> {
        let b = *self.data.get(self.at)?;
        self.at += 1;
        Some(b)
    }

    /// The next `n` bytes.
    pub(crate) fn bytes(&mut self, n: usize) -> Option<&'a [u8]> {
        let s = self.data.get(self.at..self.at.checked_add(n)?)?;
        self.at += n;
        Some(s)
    }

    /// The next LEB128 varint of at most 64 bits.
    pub(crate) fn varint(&mut self) -> Option<u64> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            v |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Some(v);
            }
        }
        None
    }

    /// The next varint, which must fit in 32 bits.
    pub(crate) fn varint_u32(&mut self) -> Option<u32> {
        u32::try_from(self.varint()?).ok()
    }

    /// The next `n` varints, each fitting in 32 bits.
    pub(crate) fn varints_u32(&mut self, n: usize) -> Option<Vec<u32>> {
        (0..n).map(|_| self.varint_u32()).collect()
    }

    /// The next varint as a count or length.
    pub(crate) fn varint_usize(&mut self) -> Option<usize> {
        usize::try_from(self.varint()?).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::Reader;

    #[test]
    fn varints_bytes_and_ends() {
        // 0, 127, 128, 300, u32::MAX, then 2^32 (too large for varint_u32), then a cut varint.
        let data = [
            0x00, 0x7f, 0x80, 0x01, 0xac, 0x02, 0xff, 0xff, 0xff, 0xff, 0x0f, 0x80, 0x80, 0x80,
            0x80, 0x10, 0x07, b'a', b'b', 0x80,
        ];
        let mut r = Reader::new(&data);
        assert_eq!(r.varint(), Some(0));
        assert_eq!(r.varint_u32(), Some(127));
        assert_eq!(r.varint_usize(), Some(128));
        assert_eq!(r.varints_u32(1), Some(vec![300]));
        assert_eq!(r.varint_u32(), Some(u32::MAX));
        assert_eq!(r.varint_u32(), None);
        assert_eq!(r.byte(), Some(7));
        assert_eq!(r.bytes(2), Some(&b"ab"[..]));
        assert_eq!(r.bytes(2), None);
        assert_eq!(r.varint(), None);
        // Longer than 64 bits.
        assert_eq!(Reader::new(&[0xff; 11]).varint(), None);
    }
}
