//! Ruling lines into table grids. Lines that cross or touch form one table; the distinct
//! positions of its vertical lines are the column edges, those of its horizontal lines
//! the row edges; a slot edge without a line under it joins the slots on both sides, so
//! a merged cell comes out as one cell with its rowspan and colspan.

use super::geom::BoxD;
use super::marks::Rule;

/// Positions closer than this (points) are one edge: Word and LibreOffice draw the
/// borders of neighbouring cells a quarter point apart.
const SNAP: f64 = 2.0;

/// Edges closer than this (points) are one edge of the grid: no text fits between them,
/// so they are a double border (Word's 「双线」), not a row or column of their own.
const MIN_CELL: f64 = 4.0;

/// A table's grid found on a page: edges top-down and left-right, and its cells as
/// (row, col, rowspan, colspan) in row-major order of their top left slot.
#[derive(Debug, PartialEq)]
pub(super) struct Grid {
    pub xs: Vec<f64>,
    pub ys: Vec<f64>,
    pub cells: Vec<(usize, usize, usize, usize)>,
}

impl Grid {
    /// The area the table covers.
    pub(super) fn area(&self) -> BoxD {
        BoxD {
            x0: self.xs[0],
            y0: self.ys[0],
            x1: self.xs[self.xs.len() - 1],
            y1: self.ys[self.ys.len() - 1],
        }
    }

    /// The slot (row, col) under a point inside the table (one on the last edge
    /// belongs to the last row or column).
    pub(super) fn slot(&self, x: f64, y: f64) -> Option<(usize, usize)> {
        let find = |edges: &[f64], v: f64| {
            let last = edges.len().checked_sub(2)?;
            edges
                .windows(2)
                .position(|w| v >= w[0] && v < w[1])
                .or((v == edges[last + 1]).then_some(last))
        };
        Some((find(&self.ys, y)?, find(&self.xs, x)?))
    }
}

/// The tables drawn by a page's ruling lines, top to bottom.
pub(super) fn grids(rules: &[Rule]) -> Vec<Grid> {
    let h = merge(rules.iter().filter(|r| r.horizontal).copied().collect());
    let v = merge(rules.iter().filter(|r| !r.horizontal).copied().collect());
    // Tables are the connected groups of crossing lines.
    let mut parent: Vec<usize> = (0..h.len() + v.len()).collect();
    for (i, a) in h.iter().enumerate() {
        for (j, b) in v.iter().enumerate() {
            if crosses(a, b) {
                union(&mut parent, i, h.len() + j);
            }
        }
    }
    let mut groups: Vec<(Vec<Rule>, Vec<Rule>)> = Vec::new();
    let mut index: Vec<Option<usize>> = vec![None; parent.len()];
    for i in 0..parent.len() {
        let root = find(&mut parent, i);
        let g = *index[root].get_or_insert_with(|| {
            groups.push((Vec::new(), Vec::new()));
            groups.len() - 1
        });
        if i < h.len() {
            groups[g].0.push(h[i]);
        } else {
            groups[g].1.push(v[i - h.len()]);
        }
    }
    let mut out: Vec<Grid> = groups.iter().filter_map(|(h, v)| grid(h, v)).collect();
    out.sort_by(|a, b| a.ys[0].total_cmp(&b.ys[0]).then(a.xs[0].total_cmp(&b.xs[0])));
    out
}

/// Joins collinear lines that overlap or touch (a border drawn cell by cell).
fn merge(mut rules: Vec<Rule>) -> Vec<Rule> {
    rules.sort_by(|a, b| a.at.total_cmp(&b.at).then(a.from.total_cmp(&b.from)));
    let mut lanes: Vec<Vec<Rule>> = Vec::new();
    for r in rules {
        match lanes.last_mut() {
            Some(lane) if (r.at - lane[0].at).abs() <= SNAP => lane.push(r),
            _ => lanes.push(vec![r]),
        }
    }
    let mut out = Vec::new();
    for mut lane in lanes {
        lane.sort_by(|a, b| a.from.total_cmp(&b.from));
        let at = lane.iter().map(|r| r.at).sum::<f64>() / lane.len() as f64;
        let mut cur: Option<Rule> = None;
        for r in lane {
            cur = match cur {
                Some(c) if r.from <= c.to + SNAP => Some(Rule { to: c.to.max(r.to), ..c }),
                Some(c) => {
                    out.push(c);
                    Some(Rule { at, ..r })
                }
                None => Some(Rule { at, ..r }),
            };
        }
        out.extend(cur);
    }
    out
}

fn crosses(h: &Rule, v: &Rule) -> bool {
    v.at >= h.from - SNAP && v.at <= h.to + SNAP && h.at >= v.from - SNAP && h.at <= v.to + SNAP
}

fn find(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

fn union(parent: &mut [usize], a: usize, b: usize) {
    let (ra, rb) = (find(parent, a), find(parent, b));
    if ra != rb {
        parent[ra.max(rb)] = ra.min(rb);
    }
}

/// Distinct positions, snapped together.
fn edges(mut at: Vec<f64>) -> Vec<f64> {
    at.sort_by(f64::total_cmp);
    let mut out: Vec<Vec<f64>> = Vec::new();
    for a in at {
        match out.last_mut() {
            Some(group) if a - group[group.len() - 1] < MIN_CELL => group.push(a),
            _ => out.push(vec![a]),
        }
    }
    out.iter().map(|g| g.iter().sum::<f64>() / g.len() as f64).collect()
}

/// Whether lines at `at` (an edge, perhaps the middle of a double border) cover at least
/// half of the stretch `from..to`.
fn covered(rules: &[Rule], at: f64, from: f64, to: f64) -> bool {
    let len: f64 = rules
        .iter()
        .filter(|r| (r.at - at).abs() <= MIN_CELL / 2.0 + SNAP / 2.0)
        .map(|r| (r.to.min(to) - r.from.max(from)).max(0.0))
        .sum();
    len >= 0.5 * (to - from)
}

/// The grid of one group of crossing lines, or `None` when it is no table (a single
/// box, an underline, a frame around a paragraph).
fn grid(h: &[Rule], v: &[Rule]) -> Option<Grid> {
    if h.len() < 2 || v.is_empty() {
        return None;
    }
    let mut xs = edges(v.iter().map(|r| r.at).collect());
    let mut ys = edges(h.iter().map(|r| r.at).collect());
    // A table open at its sides (no outer vertical lines) still ends where its
    // horizontal lines end; likewise at the top and bottom.
    let (left, right) =
        h.iter().fold((f64::MAX, f64::MIN), |(l, r), x| (l.min(x.from), r.max(x.to)));
    let (top, bottom) =
        v.iter().fold((f64::MAX, f64::MIN), |(t, b), x| (t.min(x.from), b.max(x.to)));
    let open_left = left < xs[0] - 3.0 * SNAP;
    let open_right = right > xs[xs.len() - 1] + 3.0 * SNAP;
    if open_left {
        xs.insert(0, left);
    }
    if open_right {
        xs.push(right);
    }
    if top < ys[0] - 3.0 * SNAP {
        ys.insert(0, top);
    }
    if bottom > ys[ys.len() - 1] + 3.0 * SNAP {
        ys.push(bottom);
    }
    let (rows, cols) = (ys.len().checked_sub(1)?, xs.len().checked_sub(1)?);
    if rows == 0 || cols == 0 || rows * cols > 10_000 {
        return None;
    }
    // Slots joined across every missing inner edge.
    let mut parent: Vec<usize> = (0..rows * cols).collect();
    for r in 0..rows {
        for c in 0..cols {
            if c + 1 < cols && !covered(v, xs[c + 1], ys[r], ys[r + 1]) {
                union(&mut parent, r * cols + c, r * cols + c + 1);
            }
            if r + 1 < rows && !covered(h, ys[r + 1], xs[c], xs[c + 1]) {
                union(&mut parent, r * cols + c, (r + 1) * cols + c);
            }
        }
    }
    let mut span: Vec<Option<(usize, usize, usize, usize)>> = vec![None; rows * cols];
    for r in 0..rows {
        for c in 0..cols {
            let root = find(&mut parent, r * cols + c);
            let s = span[root].get_or_insert((r, c, r, c));
            *s = (s.0.min(r), s.1.min(c), s.2.max(r), s.3.max(c));
        }
    }
    let mut cells: Vec<(usize, usize, usize, usize)> =
        span.iter().flatten().map(|&(r0, c0, r1, c1)| (r0, c0, r1 - r0 + 1, c1 - c0 + 1)).collect();
    cells.sort_unstable();
    // A box around a paragraph, or a lone line with ticks, is no table.
    if cells.len() < 2 {
        return None;
    }
    Some(Grid { xs, ys, cells })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hr(at: f64, from: f64, to: f64) -> Rule {
        Rule { horizontal: true, at, from, to }
    }

    fn vr(at: f64, from: f64, to: f64) -> Rule {
        Rule { horizontal: false, at, from, to }
    }

    /// A 3×3 grid whose top row is one cell and whose left column's two lower slots
    /// are one cell, drawn cell edge by cell edge with Word's quarter-point offsets.
    #[test]
    fn spans_from_missing_lines() {
        let rules = vec![
            hr(0.0, 0.0, 90.0),
            hr(10.25, 0.0, 45.0),
            hr(10.0, 45.0, 90.0),
            hr(20.0, 30.0, 90.0),
            hr(30.0, 0.0, 90.0),
            vr(0.0, 0.0, 30.0),
            vr(30.0, 10.0, 30.0),
            vr(60.25, 10.0, 30.0),
            vr(90.0, 0.0, 30.0),
        ];
        let g = &grids(&rules)[0];
        assert_eq!(g.xs.len(), 4);
        assert_eq!(g.ys.len(), 4);
        assert_eq!(
            g.cells,
            [(0, 0, 1, 3), (1, 0, 2, 1), (1, 1, 1, 1), (1, 2, 1, 1), (2, 1, 1, 1), (2, 2, 1, 1)]
        );
    }

    /// A double outer border (two lines 3 points apart on every side) is one edge.
    #[test]
    fn a_double_border_is_one_edge() {
        let mut rules = vec![hr(10.0, 0.0, 90.0), vr(45.0, -3.0, 23.0)];
        for (a, b) in [(-3.0, 0.0), (20.0, 23.0)] {
            rules.extend([hr(a, -3.0, 93.0), hr(b, -3.0, 93.0)]);
        }
        for (a, b) in [(-3.0, 0.0), (90.0, 93.0)] {
            rules.extend([vr(a, -3.0, 23.0), vr(b, -3.0, 23.0)]);
        }
        let g = &grids(&rules)[0];
        assert_eq!((g.xs.len(), g.ys.len()), (3, 3));
        assert_eq!(g.cells, [(0, 0, 1, 1), (0, 1, 1, 1), (1, 0, 1, 1), (1, 1, 1, 1)]);
    }

    #[test]
    fn a_frame_and_an_underline_are_no_tables() {
        let frame =
            [hr(0.0, 0.0, 50.0), hr(20.0, 0.0, 50.0), vr(0.0, 0.0, 20.0), vr(50.0, 0.0, 20.0)];
        assert!(grids(&frame).is_empty());
        assert!(grids(&[hr(5.0, 0.0, 100.0)]).is_empty());
    }

    #[test]
    fn a_table_without_outer_side_lines() {
        let rules =
            [hr(0.0, 0.0, 90.0), hr(10.0, 0.0, 90.0), hr(20.0, 0.0, 90.0), vr(45.0, 0.0, 20.0)];
        let g = &grids(&rules)[0];
        assert_eq!(g.xs, [0.0, 45.0, 90.0]);
        assert_eq!(g.cells.len(), 4);
    }
}
