//! Glyph outlines as TrueType wants them: quadratic curves. CFF faces draw with cubic
//! curves, which are approximated here; TrueType faces' quadratics pass through.

/// Outline points `(x, y, on_curve)`, one list per contour, in font units.
#[derive(Default)]
pub(super) struct Pen {
    /// The finished contours.
    pub(super) contours: Vec<Vec<(f32, f32, bool)>>,
    current: Vec<(f32, f32, bool)>,
    last: (f32, f32),
}

impl Pen {
    /// Ends the contour being drawn. A closing point on the starting point is dropped
    /// (TrueType contours close by themselves), and so is a contour of a single point.
    pub(super) fn finish(&mut self) {
        let mut c = std::mem::take(&mut self.current);
        if let (Some(first), Some(last)) = (c.first().copied(), c.last().copied())
            && c.len() > 1
            && last.2
            && (first.0 - last.0).abs() < 0.01
            && (first.1 - last.1).abs() < 0.01
        {
            c.pop();
        }
        if c.len() > 1 {
            self.contours.push(c);
        }
    }

    /// A cubic curve as quadratic ones, halved until each is within a quarter unit (the
    /// points are rounded to whole units anyway), at most 64 pieces.
    fn cubic(&mut self, p: [(f32, f32); 4], depth: u32) {
        let [p0, p1, p2, p3] = p;
        // The distance between the cubic and its single-quadratic approximation is at
        // most √3/36 · |p3 − 3p2 + 3p1 − p0|.
        let dx = p3.0 - 3.0 * p2.0 + 3.0 * p1.0 - p0.0;
        let dy = p3.1 - 3.0 * p2.1 + 3.0 * p1.1 - p0.1;
        let err = (dx * dx + dy * dy).sqrt() * 3f32.sqrt() / 36.0;
        if err <= 0.25 || depth >= 6 {
            let qx = (3.0 * (p1.0 + p2.0) - p0.0 - p3.0) / 4.0;
            let qy = (3.0 * (p1.1 + p2.1) - p0.1 - p3.1) / 4.0;
            self.current.push((qx, qy, false));
            self.current.push((p3.0, p3.1, true));
            return;
        }
        // De Casteljau at t = ½.
        let mid = |a: (f32, f32), b: (f32, f32)| ((a.0 + b.0) / 2.0, (a.1 + b.1) / 2.0);
        let (a, b, c) = (mid(p0, p1), mid(p1, p2), mid(p2, p3));
        let (d, e) = (mid(a, b), mid(b, c));
        let f = mid(d, e);
        self.cubic([p0, a, d, f], depth + 1);
        self.cubic([f, e, c, p3], depth + 1);
    }
}

impl ttf_parser::OutlineBuilder for Pen {
    fn move_to(&mut self, x: f32, y: f32) {
        self.finish();
        self.current.push((x, y, true));
        self.last = (x, y);
    }

    fn line_to(&mut self, x: f32, y: f32) {
        self.current.push((x, y, true));
        self.last = (x, y);
    }

    fn quad_to(&mut self, x1: f32, y1: f32, x: f32, y: f32) {
        self.current.push((x1, y1, false));
        self.current.push((x, y, true));
        self.last = (x, y);
    }

    fn curve_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, x: f32, y: f32) {
        self.cubic([self.last, (x1, y1), (x2, y2), (x, y)], 0);
        self.last = (x, y);
    }

    fn close(&mut self) {
        self.finish();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ttf_parser::OutlineBuilder;

    #[test]
    fn a_cubic_becomes_quadratics_close_to_it() {
        let mut pen = Pen::default();
        pen.move_to(0.0, 0.0);
        pen.curve_to(0.0, 500.0, 500.0, 1000.0, 1000.0, 1000.0);
        pen.close();
        let [c] = &pen.contours[..] else { panic!("{:?}", pen.contours) };
        assert!(c.len() > 3, "split into several quadratics: {c:?}");
        assert_eq!(c[0], (0.0, 0.0, true));
        assert_eq!(*c.last().unwrap(), (1000.0, 1000.0, true));
        // On-curve points lie on the cubic: x(t) and y(t) for some t agree.
        let at = |t: f32| {
            let u = 1.0 - t;
            let x = 3.0 * u * t * t * 500.0 + t * t * t * 1000.0;
            let y = 3.0 * u * u * t * 500.0 + 3.0 * u * t * t * 1000.0 + t * t * t * 1000.0;
            (x, y)
        };
        for p in c.iter().filter(|p| p.2) {
            let near = (0..=1000)
                .map(|i| at(i as f32 / 1000.0))
                .any(|(x, y)| (x - p.0).abs() < 1.0 && (y - p.1).abs() < 1.0);
            assert!(near, "{p:?} is off the curve");
        }
    }

    #[test]
    fn a_closing_point_on_the_start_is_dropped() {
        let mut pen = Pen::default();
        pen.move_to(0.0, 0.0);
        pen.line_to(100.0, 0.0);
        pen.line_to(100.0, 100.0);
        pen.line_to(0.0, 0.0);
        pen.close();
        pen.move_to(5.0, 5.0);
        pen.close();
        assert_eq!(
            pen.contours,
            [vec![(0.0, 0.0, true), (100.0, 0.0, true), (100.0, 100.0, true)]]
        );
    }
}
