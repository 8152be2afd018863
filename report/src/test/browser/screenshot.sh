#!/usr/bin/env bash
# Renders a sample HTML report in headless Chromium: takes a screenshot and checks it is not blank,
# and dumps the DOM to check the page's script ran (it sorts the summary and sets data-ready).
# Not part of the Maven build; run after `mvn test-compile -pl report`. Fails when there is no Chromium:
# a check that is skipped proves nothing.
# Output: report/target/html-sample/{index.html,screenshot.png,dom.html}
set -euo pipefail
cd "$(dirname "$0")/../../.."   # the report module
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
if [[ ! -x $CHROMIUM ]]; then
  echo "FAILED: no Chromium at $CHROMIUM, so the HTML report was not checked (apt-get install chromium, or set CHROMIUM)" >&2
  exit 1
fi
if [[ ! -f target/test-classes/io/github/lineprof/report/HtmlSample.class ]]; then
  echo "FAILED: compile first: mvn test-compile -pl report" >&2
  exit 1
fi

out=target/html-sample
rm -rf "$out"
java -cp target/classes:target/test-classes io.github.lineprof.report.HtmlSample "$out" >/dev/null
page="file://$(pwd)/$out/index.html"
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
# No network: the page must render from the file alone.
flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking
  --disable-component-update --disable-sync --user-data-dir="$profile" --window-size=1200,900)

"$CHROMIUM" "${flags[@]}" --screenshot="$out/screenshot.png" "$page" 2>"$out/chromium.log" || true
"$CHROMIUM" "${flags[@]}" --dump-dom "$page" >"$out/dom.html" 2>>"$out/chromium.log" || true

fail() { echo "FAILED: $*" >&2; exit 1; }
[[ -s $out/screenshot.png ]] || fail "no screenshot; see $out/chromium.log"

# Decodes the PNG with the standard library only (no PIL here): a blank page has a handful of
# colours, the report has text, the summary's stripes and the heat map's and bars' orange.
python3 - "$out/screenshot.png" <<'PY' || fail "screenshot looks blank"
import struct, sys, zlib
data = open(sys.argv[1], "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
pos, idat = 8, b""
while pos < len(data):
    length, kind = struct.unpack(">I4s", data[pos:pos + 8])
    body = data[pos + 8:pos + 8 + length]
    if kind == b"IHDR":
        width, height, depth, colour = struct.unpack(">IIBB", body[:10])
    elif kind == b"IDAT":
        idat += body
    pos += 12 + length
assert depth == 8 and colour in (2, 6), f"unexpected PNG format depth={depth} colour={colour}"
bpp = 3 if colour == 2 else 4
raw, stride = zlib.decompress(idat), width * bpp
prev, colours, hot = bytearray(stride), set(), 0
for y in range(height):
    start = y * (stride + 1)
    kind, row = raw[start], bytearray(raw[start + 1:start + 1 + stride])
    for i in range(stride):  # undo the PNG row filter
        a = row[i - bpp] if i >= bpp else 0
        b, c = prev[i], prev[i - bpp] if i >= bpp else 0
        if kind == 1: row[i] = (row[i] + a) & 255
        elif kind == 2: row[i] = (row[i] + b) & 255
        elif kind == 3: row[i] = (row[i] + (a + b) // 2) & 255
        elif kind == 4:
            p = a + b - c
            pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            row[i] = (row[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
    for x in range(0, stride, bpp):
        r, g, bl = row[x], row[x + 1], row[x + 2]
        colours.add((r, g, bl))
        hot += r > 200 and g < 170 and bl < 120   # a strongly shaded (hot) line
    prev = row
print(f"screenshot {width}x{height}: {len(colours)} colours, {hot} hot pixels")
sys.exit(0 if len(colours) > 50 and hot > 1000 else 1)
PY

dom=$out/dom.html
grep -q 'data-ready="true"' "$dom" || fail "the page's script did not finish (no data-ready); see $out/chromium.log"
grep -q '<script>alert' "$dom" && fail "unescaped source reached the DOM"
# The script sorts the summary hottest first; the page lists functions in registration order.
first=$(grep -o '<a href="#f[0-9]*">[^<]*</a>' "$dom" | head -1)
[[ $first == *'>Simulation.simulate<'* ]] || fail "summary not sorted by time, first row: $first"
grep -q 'aria-sort="descending"' "$dom" || fail "no sort indicator"
grep -q '<td class="bar"><span class="track"><span style="width:' "$dom" || fail "no per-line bars"
grep -q 'id="hot-only"' "$dom" || fail "no hot-lines switch"
grep -q '<details class="fn" open="">' "$dom" || fail "functions are not foldable (or start folded)"
grep -q '<a class="call" href="#f0">step</a>' "$dom" || fail "the call of step( does not link to its table"
echo "OK: $out/screenshot.png and $out/dom.html"
