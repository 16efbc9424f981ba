//! One glyph as a TrueType `glyf` record: a simple glyph with its contours, no
//! instructions (the subsets are not hinted), every coordinate as a 16-bit delta.

/// A glyph record and what the font's header tables need to know about it.
pub(super) struct Glyph {
    /// The record, unpadded.
    pub(super) data: Vec<u8>,
    /// `(x_min, y_min, x_max, y_max)`.
    pub(super) bbox: (i16, i16, i16, i16),
    /// Number of points, for `maxp`.
    pub(super) points: u16,
    /// Number of contours, for `maxp`.
    pub(super) contours: u16,
}

/// Encodes contours of `(x, y, on_curve)` points; `None` for a glyph without any (a
/// space), which takes no bytes in `glyf`. CFF contours run the other way round from
/// TrueType's, so `reverse` turns them, starting each on an on-curve point.
///
/// Every point is written with the plain flags and two-byte deltas: the short forms
/// would save a little space in a file that is compressed in the package anyway.
pub(super) fn encode(contours: &[Vec<(f32, f32, bool)>], reverse: bool) -> Option<Glyph> {
    let mut pts: Vec<(i16, i16, bool)> = Vec::new();
    let mut ends: Vec<u16> = Vec::new();
    for c in contours {
        let mut c: Vec<(i16, i16, bool)> =
            c.iter().map(|&(x, y, on)| (x.round() as i16, y.round() as i16, on)).collect();
        if reverse {
            c.reverse();
            if let Some(k) = c.iter().position(|p| p.2) {
                c.rotate_left(k);
            }
        }
        pts.extend(c);
        ends.push(pts.len() as u16 - 1);
    }
    let x0 = pts.iter().map(|p| p.0).min()?;
    let x1 = pts.iter().map(|p| p.0).max()?;
    let y0 = pts.iter().map(|p| p.1).min()?;
    let y1 = pts.iter().map(|p| p.1).max()?;
    let mut d = Vec::with_capacity(12 + pts.len() * 5);
    for v in [ends.len() as i16, x0, y0, x1, y1] {
        d.extend_from_slice(&v.to_be_bytes());
    }
    ends.iter().for_each(|e| d.extend_from_slice(&e.to_be_bytes()));
    d.extend_from_slice(&0u16.to_be_bytes()); // no instructions
    pts.iter().for_each(|p| d.push(u8::from(p.2)));
    let (mut px, mut py) = (0i16, 0i16);
    for p in &pts {
        d.extend_from_slice(&p.0.wrapping_sub(px).to_be_bytes());
        px = p.0;
    }
    for p in &pts {
        d.extend_from_slice(&p.1.wrapping_sub(py).to_be_bytes());
        py = p.1;
    }
    Some(Glyph {
        data: d,
        bbox: (x0, y0, x1, y1),
        points: pts.len() as u16,
        contours: ends.len() as u16,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_triangle_is_encoded_as_the_format_says() {
        let tri = vec![(0.0, 0.0, true), (100.4, 0.0, true), (50.0, 80.6, false)];
        let g = encode(std::slice::from_ref(&tri), false).unwrap();
        assert_eq!((g.bbox, g.points, g.contours), ((0, 0, 100, 81), 3, 1));
        let be = |v: i16| v.to_be_bytes();
        let mut want = Vec::new();
        for v in [1, 0, 0, 100, 81, 2, 0] {
            want.extend_from_slice(&be(v));
        }
        want.extend_from_slice(&[1, 1, 0]);
        for v in [0, 100, -50, 0, 0, 81] {
            want.extend_from_slice(&be(v));
        }
        assert_eq!(g.data, want);
        // Reversed, the contour still starts on the curve.
        let r = encode(&[tri], true).unwrap();
        assert_eq!(&r.data[14..17], &[1, 1, 0]);
        assert!(encode(&[], false).is_none());
    }
}
