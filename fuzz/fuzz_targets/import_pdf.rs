//! PDF bytes → `import::pdf::read`: nothing may panic, hang or run out of memory,
//! whatever the bytes (a report or a refusal, nothing else).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = nianbao::import::pdf::read(data);
});
