//! Lengths with their unit in the type: points for the PDF, millimetres for the
//! standard's page, twips (twentieths of a point) for DOCX.
//!
//! 1 in = 25.4 mm = 72 pt = 1440 twip. The newtypes are `Copy` and convert only
//! explicitly, so a length in millimetres cannot be drawn as if it were in points.
//! Arithmetic in points stays in `f32`, the precision the layout engine works in.

use std::ops::{Add, Div, Mul, Sub};

/// Points per millimetre (72 / 25.4), in `f32` as the layout has always used it.
const PT_PER_MM: f32 = 72.0 / 25.4;

/// A length in PostScript points (1/72 in): PDF coordinates and type sizes.
#[derive(Clone, Copy, Debug, Default, PartialEq, PartialOrd)]
pub struct Pt(pub f32);

/// A length in millimetres: how GB/T 9704 gives the page.
#[derive(Clone, Copy, Debug, Default, PartialEq, PartialOrd)]
pub struct Mm(pub f32);

/// A length in twips (1/20 pt, 1/1440 in): the unit of most DOCX lengths. Signed,
/// because some of them (character spacing) are negative.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Twip(pub i32);

impl Mm {
    /// In points, computed as `mm × (72 / 25.4)` in `f32`: every position of the PDF
    /// depends on this exact rounding, so it must not be reordered.
    pub const fn to_pt(self) -> Pt {
        Pt(self.0 * PT_PER_MM)
    }

    /// In twips, rounded to the nearest (halves away from zero). Computed in `f64`
    /// from the millimetres (`mm × 1440 / 25.4`), not through the `f32` points, so that
    /// e.g. 156 mm is 8844 twip (8844.09) rather than whatever `f32` rounding gives.
    pub fn to_twip(self) -> Twip {
        Twip(twips_of_mm(f64::from(self.0)).round() as i32)
    }

    /// In twips, rounded down: for a length that must not come out longer than the
    /// millimetres it stands for (a line pitch that has to fit a page's lines).
    pub fn to_twip_floor(self) -> Twip {
        Twip(twips_of_mm(f64::from(self.0)).floor() as i32)
    }
}

/// Twips in `mm` millimetres, unrounded.
fn twips_of_mm(mm: f64) -> f64 {
    mm * 1440.0 / 25.4
}

impl Pt {
    /// In millimetres.
    pub fn to_mm(self) -> Mm {
        Mm(self.0 / PT_PER_MM)
    }

    /// In twips (× 20), rounded to the nearest, halves away from zero: −0.214 pt of
    /// tracking is −4 twip.
    pub fn to_twip(self) -> Twip {
        Twip((self.0 * 20.0).round() as i32)
    }

    /// In twips, rounded down (towards minus infinity): −0.207 pt is −5 twip.
    pub fn to_twip_floor(self) -> Twip {
        Twip((self.0 * 20.0).floor() as i32)
    }
}

impl Twip {
    /// In points (÷ 20); exact for every length a page has.
    pub fn to_pt(self) -> Pt {
        Pt(self.0 as f32 / 20.0)
    }
}

/// `+`, `−` between lengths of one unit, and `×`, `÷` by a plain number.
macro_rules! length_ops {
    ($t:ident, $n:ty) => {
        impl Add for $t {
            type Output = $t;
            fn add(self, rhs: $t) -> $t {
                $t(self.0 + rhs.0)
            }
        }
        impl Sub for $t {
            type Output = $t;
            fn sub(self, rhs: $t) -> $t {
                $t(self.0 - rhs.0)
            }
        }
        impl Mul<$n> for $t {
            type Output = $t;
            fn mul(self, rhs: $n) -> $t {
                $t(self.0 * rhs)
            }
        }
        impl Div<$n> for $t {
            type Output = $t;
            fn div(self, rhs: $n) -> $t {
                $t(self.0 / rhs)
            }
        }
    };
}

length_ops!(Pt, f32);
length_ops!(Mm, f32);
length_ops!(Twip, i32);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conversions() {
        assert_eq!(Mm(25.4).to_pt(), Pt(72.0));
        assert_eq!(Mm(25.4).to_twip(), Twip(1440));
        assert_eq!(Pt(16.0).to_twip(), Twip(320));
        assert_eq!(Pt(-0.214).to_twip(), Twip(-4));
        assert_eq!(Pt(0.125).to_twip(), Twip(3), "halves round away from zero");
        assert_eq!(Pt(-0.125).to_twip(), Twip(-3), "halves round away from zero");
        assert_eq!(Twip(579).to_pt(), Pt(28.95));
        assert!((Pt(72.0).to_mm().0 - 25.4).abs() < 1e-5);
        // 225 mm / 22 lines is 579.8 twip: rounded it would be 580, floored 579.
        assert_eq!((Mm(225.0) / 22.0).to_twip_floor(), Twip(579));
        assert_eq!((Mm(225.0) / 22.0).to_twip(), Twip(580));
    }

    #[test]
    fn millimetres_to_points_is_the_layouts_historic_rounding() {
        // The layout computed `mm * (72.0 / 25.4)` in f32; the PDF bytes depend on it.
        let mm: f32 = 72.0 / 25.4;
        for v in [7.0f32, 26.0, 28.0, 35.0, 37.0, 156.0, 210.0, 225.0, 297.0] {
            assert_eq!(Mm(v).to_pt().0.to_bits(), (v * mm).to_bits(), "{v} mm");
        }
    }

    #[test]
    fn arithmetic_keeps_the_unit() {
        assert_eq!(Mm(210.0) - Mm(28.0) - Mm(26.0), Mm(156.0));
        assert_eq!(Pt(1.0) + Pt(2.0), Pt(3.0));
        assert_eq!(Pt(3.0) * 2.0, Pt(6.0));
        assert_eq!(Twip(11906) - Twip(1474), Twip(10432));
        assert_eq!(Twip(12756) / 22, Twip(579));
    }
}
