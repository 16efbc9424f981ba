#!/usr/bin/env bash
# Makes the bundled Noto CJK files from Debian 12's fonts-noto-cjk (1:20220127+repack1-1):
# the Simplified Chinese face (index 2) of each collection, every character of its cmap
# kept with its glyph id and advance, without the OpenType layout tables (nianbao does
# no shaping). Needs fontTools (pip install fonttools). See README.md.
set -euo pipefail
src=/usr/share/fonts/opentype/noto
out="$(dirname "$0")"
for f in NotoSerifCJK-Regular NotoSerifCJK-Bold NotoSansCJK-Regular; do
  pyftsubset "$src/$f.ttc" --font-number=2 --unicodes='*' --layout-features='' \
    --drop-tables+=GSUB,GPOS,GDEF,BASE,JSTF,MATH --retain-gids \
    --output-file="$out/${f/CJK-/CJKsc-}.otf"
done
