//! Little-endian binary encoding for model files: fixed-width numbers, varints, strings.

use crate::Error;

/// Appends values to a byte buffer.
#[derive(Default)]
pub(crate) struct Writer {
    pub(crate) buf: Vec<u8>,
}

impl Writer {
    pub(crate) fn u8(&mut self, v: u8) {
        self.buf.push(v);
    }
    pub(crate) fn u32(&mut self, v: u32) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
    pub(crate) fn f32(&mut self, v: f32) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
    pub(crate) fn varint(&mut self, mut v: u64) {
        while v >= 0x80 {
            self.buf.push((v as u8) | 0x80);
            v >>= 7;
        }
        self.buf.push(v as u8);
    }
    pub(crate) fn zigzag(&mut self, v: i64) {
        self.varint(((v << 1) ^ (v >> 63)) as u64);
    }
    pub(crate) fn bytes(&mut self, b: &[u8]) {
        self.varint(b.len() as u64);
        self.buf.extend_from_slice(b);
    }
    /// Write what `f` writes as one entropy-coded block (DEFLATE, by `miniz_oxide`).
    pub(crate) fn coded(&mut self, f: impl FnOnce(&mut Writer)) {
        let mut sub = Writer::default();
        f(&mut sub);
        // Level 9 of 10: level 10 ("uber") is several times slower to write for a few KB.
        let packed = miniz_oxide::deflate::compress_to_vec(&sub.buf, 9);
        self.varint(packed.len() as u64);
        self.buf.extend_from_slice(&packed);
    }
}

/// The largest decoded block accepted (a corrupt length must not exhaust memory).
const MAX_BLOCK: usize = 1 << 28;

/// Reads values back, naming the byte offset of any failure.
pub(crate) struct Reader<'a> {
    data: &'a [u8],
    pos: usize,
    name: &'a str,
}

impl<'a> Reader<'a> {
    pub(crate) fn new(data: &'a [u8], name: &'a str) -> Reader<'a> {
        Reader { data, pos: 0, name }
    }
    pub(crate) fn err(&self, message: impl Into<String>) -> Error {
        Error::Model {
            name: self.name.to_string(),
            offset: self.pos,
            message: message.into(),
        }
    }
    pub(crate) fn take(&mut self, n: usize) -> Result<&'a [u8], Error> {
        if self.data.len() - self.pos < n {
            return Err(self.err(format!("truncated: wanted {n} more bytes")));
        }
        let s = &self.data[self.pos..self.pos + n];
        self.pos += n;
        Ok(s)
    }
    pub(crate) fn u8(&mut self) -> Result<u8, Error> {
        Ok(self.take(1)?[0])
    }
    pub(crate) fn u32(&mut self) -> Result<u32, Error> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
    pub(crate) fn f32(&mut self) -> Result<f32, Error> {
        let b = self.take(4)?;
        Ok(f32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
    pub(crate) fn varint(&mut self) -> Result<u64, Error> {
        let mut v: u64 = 0;
        let mut shift = 0;
        loop {
            let b = self.u8()?;
            if shift >= 64 {
                return Err(self.err("varint too long"));
            }
            v |= u64::from(b & 0x7F) << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
            shift += 7;
        }
    }
    pub(crate) fn zigzag(&mut self) -> Result<i64, Error> {
        let v = self.varint()?;
        Ok(((v >> 1) as i64) ^ -((v & 1) as i64))
    }
    pub(crate) fn len(&mut self, max: usize, what: &str) -> Result<usize, Error> {
        let v = self.varint()?;
        if v > max as u64 {
            return Err(self.err(format!("{what} {v} exceeds limit {max}")));
        }
        Ok(v as usize)
    }
    pub(crate) fn bytes(&mut self) -> Result<&'a [u8], Error> {
        let n = self.len(self.data.len(), "byte string length")?;
        self.take(n)
    }
    pub(crate) fn str(&mut self) -> Result<&'a str, Error> {
        let b = self.bytes()?;
        std::str::from_utf8(b).map_err(|_| self.err("string is not UTF-8"))
    }
    /// Decode a block written by [`Writer::coded`]; read it with [`Reader::new`].
    pub(crate) fn coded(&mut self) -> Result<Vec<u8>, Error> {
        let packed = self.bytes()?;
        miniz_oxide::inflate::decompress_to_vec_with_limit(packed, MAX_BLOCK)
            .map_err(|e| self.err(format!("corrupt compressed block: {:?}", e.status)))
    }
    /// A reader over a decoded block, naming the same source in errors.
    pub(crate) fn sub<'b>(&self, data: &'b [u8]) -> Reader<'b>
    where
        'a: 'b,
    {
        Reader::new(data, self.name)
    }
    pub(crate) fn expect_end(&self) -> Result<(), Error> {
        if self.pos != self.data.len() {
            return Err(self.err("trailing bytes"));
        }
        Ok(())
    }
}
