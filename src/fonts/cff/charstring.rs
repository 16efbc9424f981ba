//! Type 2 charstrings (Adobe TN 5177) made self-contained for a subset: subroutine calls
//! inlined and stem hints dropped.
//!
//! Hints (hstem, vstem, hstemhm, vstemhm, hintmask, cntrmask) help only screen rendering
//! at small sizes and are a sixth of a CJK glyph's size. Operands are copied byte for
//! byte, so no number is re-encoded; the glyph's width (the extra first operand of the
//! first stack-clearing operator) is kept. Anything this does not expect — arithmetic
//! operators, `seac`-style accents, runaway recursion — gives `None`, and the caller
//! falls back to a general subsetter.

use super::index::Index;

const HSTEM: u8 = 1;
const VSTEM: u8 = 3;
const VMOVETO: u8 = 4;
const CALLSUBR: u8 = 10;
const RETURN: u8 = 11;
const ESCAPE: u8 = 12;
const ENDCHAR: u8 = 14;
const HSTEMHM: u8 = 18;
const HINTMASK: u8 = 19;
const CNTRMASK: u8 = 20;
const RMOVETO: u8 = 21;
const HMOVETO: u8 = 22;
const VSTEMHM: u8 = 23;
const CALLGSUBR: u8 = 29;

/// The escaped operators a flattened glyph may keep: the four flex operators.
const FLEX: [u8; 4] = [34, 35, 36, 37];
/// Deprecated `dotsection`: dropped.
const DOTSECTION: u8 = 0;

/// Subroutine nesting allowed by the Type 2 format.
const MAX_DEPTH: usize = 10;
/// Argument stack limit of the Type 2 format.
const MAX_STACK: usize = 48;
/// Bytes of charstring interpreted for one glyph before giving up (subroutines calling
/// each other can make the work exponential in a hostile font).
const MAX_WORK: usize = 1 << 20;
/// Largest flattened glyph kept.
const MAX_OUT: usize = 1 << 16;

/// The subroutines a glyph may call.
pub(super) struct Subrs<'a> {
    pub(super) global: Index<'a>,
    pub(super) local: Option<Index<'a>>,
}

/// `cs` with its subroutines inlined and its hints dropped, or `None`.
pub(super) fn flatten(cs: &[u8], subrs: &Subrs) -> Option<Vec<u8>> {
    let mut f = Flattener {
        out: Vec::with_capacity(cs.len() * 2),
        stack: Vec::with_capacity(MAX_STACK),
        stems: 0,
        cleared: false,
        work: 0,
    };
    match f.run(cs, subrs, 0)? {
        Flow::End => Some(f.out),
        Flow::Return => None,
    }
}

/// How a charstring (or subroutine) ended.
enum Flow {
    Return,
    End,
}

struct Flattener {
    out: Vec<u8>,
    /// Each operand on the stack: where its bytes start in `out`, and its value when it
    /// is an integer.
    stack: Vec<(usize, Option<i32>)>,
    /// Stem hints declared so far (they size the hint masks).
    stems: usize,
    /// Whether the first stack-clearing operator (the one that may carry the width) has
    /// been seen.
    cleared: bool,
    work: usize,
}

impl Flattener {
    fn run(&mut self, cs: &[u8], subrs: &Subrs, depth: usize) -> Option<Flow> {
        self.work += cs.len();
        if depth > MAX_DEPTH || self.work > MAX_WORK || self.out.len() > MAX_OUT {
            return None;
        }
        let mut i = 0;
        while i < cs.len() {
            let b0 = cs[i];
            if let Some((value, len)) = number(&cs[i..]) {
                if self.stack.len() == MAX_STACK {
                    return None;
                }
                self.stack.push((self.out.len(), value));
                self.out.extend_from_slice(&cs[i..i + len]);
                i += len;
                continue;
            }
            match b0 {
                CALLSUBR | CALLGSUBR => {
                    let (at, value) = self.stack.pop()?;
                    self.out.truncate(at);
                    let index = if b0 == CALLSUBR { subrs.local.as_ref()? } else { &subrs.global };
                    let n = usize::try_from(value? + bias(index.len())).ok()?;
                    if let Flow::End = self.run(index.get(n)?, subrs, depth + 1)? {
                        return Some(Flow::End);
                    }
                    i += 1;
                }
                RETURN => return Some(Flow::Return),
                HSTEM | VSTEM | HSTEMHM | VSTEMHM | HINTMASK | CNTRMASK => {
                    let n = self.stack.len();
                    let width = usize::from(!self.cleared && n % 2 == 1);
                    self.cleared = true;
                    self.stems += (n - width) / 2;
                    if let Some(&(at, _)) = self.stack.get(width) {
                        self.out.truncate(at);
                    }
                    self.stack.clear();
                    i += 1;
                    if matches!(b0, HINTMASK | CNTRMASK) {
                        i += self.stems.div_ceil(8);
                    }
                }
                ENDCHAR => {
                    // Operands other than the width would be a `seac` accent.
                    let width = usize::from(!self.cleared);
                    if self.stack.len() > width {
                        return None;
                    }
                    self.out.push(ENDCHAR);
                    return Some(Flow::End);
                }
                RMOVETO | HMOVETO | VMOVETO => {
                    self.cleared = true;
                    self.op(&[b0]);
                    i += 1;
                }
                ESCAPE => {
                    let b1 = *cs.get(i + 1)?;
                    if b1 == DOTSECTION {
                        self.stack.clear();
                    } else if FLEX.contains(&b1) {
                        self.op(&[ESCAPE, b1]);
                    } else {
                        return None;
                    }
                    i += 2;
                }
                // Path operators.
                5..=8 | 24..=27 | 30 | 31 => {
                    self.op(&[b0]);
                    i += 1;
                }
                _ => return None,
            }
        }
        // A subroutine may end without `return`.
        Some(Flow::Return)
    }

    /// Writes an operator after the operands already written, and clears the stack.
    fn op(&mut self, op: &[u8]) {
        self.out.extend_from_slice(op);
        self.stack.clear();
    }
}

/// The operand at the start of `cs`: its integer value (`None` for a 16.16 fixed number)
/// and its length; `None` if `cs` starts with an operator.
fn number(cs: &[u8]) -> Option<(Option<i32>, usize)> {
    let b0 = *cs.first()? as i32;
    let byte = |k: usize| cs.get(k).map(|b| *b as i32);
    match b0 {
        28 => Some((Some(i16::from_be_bytes([*cs.get(1)?, *cs.get(2)?]) as i32), 3)),
        32..=246 => Some((Some(b0 - 139), 1)),
        247..=250 => Some((Some((b0 - 247) * 256 + byte(1)? + 108), 2)),
        251..=254 => Some((Some(-(b0 - 251) * 256 - byte(1)? - 108), 2)),
        255 => cs.get(4).map(|_| (None, 5)),
        _ => None,
    }
}

/// The subroutine number bias for an INDEX of `count` subroutines.
fn bias(count: usize) -> i32 {
    match count {
        0..1240 => 107,
        1240..33900 => 1131,
        _ => 32768,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn no_subrs() -> Subrs<'static> {
        Subrs { global: Index::read(&[0, 0], 0).unwrap().0, local: None }
    }

    #[test]
    fn hints_go_and_the_width_stays() {
        let s = no_subrs();
        // width 244 (247 136), hstem 10 20, hintmask (1 stem: 1 byte), rmoveto 5 5.
        let cs = [247, 136, 149, 159, HSTEM, HINTMASK, 0x80, 144, 144, RMOVETO, ENDCHAR];
        assert_eq!(flatten(&cs, &s).unwrap(), [247, 136, 144, 144, RMOVETO, ENDCHAR]);
        // No width, vstem then hmoveto.
        assert_eq!(
            flatten(&[149, 159, VSTEM, 144, HMOVETO, ENDCHAR], &s).unwrap(),
            [144, HMOVETO, ENDCHAR]
        );
        // Width on a bare endchar.
        assert_eq!(flatten(&[200, ENDCHAR], &s).unwrap(), [200, ENDCHAR]);
        // One hstemhm, then 9 implicit vstems before a hintmask: 10 stems, 2 mask bytes.
        let mut cs = vec![139, 140, HSTEMHM];
        cs.extend(std::iter::repeat_n(139, 18));
        cs.extend([HINTMASK, 0xff, 0xff, 139, 139, RMOVETO, ENDCHAR]);
        assert_eq!(flatten(&cs, &s).unwrap(), [139, 139, RMOVETO, ENDCHAR]);
    }

    #[test]
    fn subroutines_are_inlined() {
        // Local subr 0 (number -107): "10 20 rlineto return"; global subr 0: "endchar".
        let mut local = Vec::new();
        super::super::index::write(&mut local, [&[149u8, 159, 5, RETURN][..]].into_iter());
        let mut global = Vec::new();
        super::super::index::write(&mut global, [&[ENDCHAR][..]].into_iter());
        let s = Subrs {
            global: Index::read(&global, 0).unwrap().0,
            local: Some(Index::read(&local, 0).unwrap().0),
        };
        // 5 5 rmoveto, callsubr(-107), callgsubr(-107)
        let cs = [144, 144, RMOVETO, 32, CALLSUBR, 32, CALLGSUBR];
        assert_eq!(flatten(&cs, &s).unwrap(), [144, 144, RMOVETO, 149, 159, 5, ENDCHAR]);
        // An operand pushed before the call is used inside it.
        let cs = [144, 32, CALLSUBR, ENDCHAR];
        assert!(flatten(&cs, &s).is_some());
        // A missing subroutine, a call without a number, an accent, arithmetic.
        assert!(flatten(&[139, CALLSUBR, ENDCHAR], &s).is_none());
        assert!(flatten(&[CALLGSUBR, ENDCHAR], &s).is_none());
        assert!(flatten(&[139, 139, 139, 139, ENDCHAR], &s).is_none());
        assert!(flatten(&[139, 139, ESCAPE, 10, ENDCHAR], &s).is_none());
        // No endchar at all.
        assert!(flatten(&[144, 144, RMOVETO], &s).is_none());
    }

    #[test]
    fn recursion_is_bounded() {
        // Global subr 0 calls itself.
        let mut global = Vec::new();
        super::super::index::write(&mut global, [&[32u8, CALLGSUBR][..]].into_iter());
        let s = Subrs { global: Index::read(&global, 0).unwrap().0, local: None };
        assert!(flatten(&[32, CALLGSUBR, ENDCHAR], &s).is_none());
    }
}
