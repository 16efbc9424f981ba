//! Geometry of a page as the reader sees it: affine matrices, points and boxes in
//! device space (points, origin at the top left of the visible page, y growing downwards,
//! so that "higher on the page" is "smaller y" everywhere in the reader).

/// An affine matrix `[a b c d e f]`, applied to row vectors as PDF 32000-1 §8.3.4 says:
/// `x' = a·x + c·y + e`, `y' = b·x + d·y + f`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct Matrix(pub [f64; 6]);

impl Matrix {
    pub(super) const IDENTITY: Matrix = Matrix([1.0, 0.0, 0.0, 1.0, 0.0, 0.0]);

    /// A translation.
    pub(super) fn translate(x: f64, y: f64) -> Matrix {
        Matrix([1.0, 0.0, 0.0, 1.0, x, y])
    }

    /// `self` followed by `then` (PDF's `self × then`).
    pub(super) fn then(&self, then: &Matrix) -> Matrix {
        let [a, b, c, d, e, f] = self.0;
        let [a2, b2, c2, d2, e2, f2] = then.0;
        Matrix([
            a * a2 + b * c2,
            a * b2 + b * d2,
            c * a2 + d * c2,
            c * b2 + d * d2,
            e * a2 + f * c2 + e2,
            e * b2 + f * d2 + f2,
        ])
    }

    /// Applies the matrix to a point.
    pub(super) fn apply(&self, x: f64, y: f64) -> (f64, f64) {
        let [a, b, c, d, e, f] = self.0;
        (a * x + c * y + e, b * x + d * y + f)
    }

    /// Whether every coefficient is a finite number (a hostile `cm` can make them NaN).
    pub(super) fn is_finite(&self) -> bool {
        self.0.iter().all(|v| v.is_finite())
    }
}

/// An axis-aligned box in device space.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct BoxD {
    pub x0: f64,
    pub y0: f64,
    pub x1: f64,
    pub y1: f64,
}

impl BoxD {
    /// The box spanned by two corners, in any order.
    pub(super) fn from_corners((ax, ay): (f64, f64), (bx, by): (f64, f64)) -> BoxD {
        BoxD { x0: ax.min(bx), y0: ay.min(by), x1: ax.max(bx), y1: ay.max(by) }
    }

    /// The bounding box of some points (`None` for none).
    pub(super) fn around(points: &[(f64, f64)]) -> Option<BoxD> {
        let (&first, rest) = points.split_first()?;
        Some(rest.iter().fold(BoxD::from_corners(first, first), |b, &(x, y)| BoxD {
            x0: b.x0.min(x),
            y0: b.y0.min(y),
            x1: b.x1.max(x),
            y1: b.y1.max(y),
        }))
    }

    /// The part of both boxes (possibly empty: then `x0 > x1` or `y0 > y1`).
    pub(super) fn intersect(&self, o: &BoxD) -> BoxD {
        BoxD {
            x0: self.x0.max(o.x0),
            y0: self.y0.max(o.y0),
            x1: self.x1.min(o.x1),
            y1: self.y1.min(o.y1),
        }
    }

    /// Whether the point lies inside, with `slack` points to spare on every side.
    pub(super) fn contains(&self, x: f64, y: f64, slack: f64) -> bool {
        x >= self.x0 - slack && x <= self.x1 + slack && y >= self.y0 - slack && y <= self.y1 + slack
    }

    pub(super) fn width(&self) -> f64 {
        self.x1 - self.x0
    }

    pub(super) fn height(&self) -> f64 {
        self.y1 - self.y0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn then_applies_self_first() {
        let scale = Matrix([2.0, 0.0, 0.0, 2.0, 0.0, 0.0]);
        let shift = Matrix::translate(10.0, 5.0);
        assert_eq!(scale.then(&shift).apply(1.0, 1.0), (12.0, 7.0));
        assert_eq!(shift.then(&scale).apply(1.0, 1.0), (22.0, 12.0));
    }
}
