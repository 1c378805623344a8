#!/usr/bin/env bash
# Smoke test of the one-folder bundle (make package-test): the bundled program starts its window
# headless, creates the sample project, lists events, formats a bibliography with the bundled
# pandoc and CSL styles, draws a picture with the bundled Qt plugins. It runs with an emptied
# environment (no PYTHONPATH, no virtualenv on PATH), as on a machine without Python.
set -euo pipefail

BUNDLE="${1:-dist/sourceline}"
PROGRAM="$BUNDLE/sourceline"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

# Standard error goes to a file, shown when a step fails.
run() {
    env -i HOME="$WORK" PATH=/usr/bin:/bin LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen "$PROGRAM" "$@" 2>"$WORK/stderr"
}
step() { printf '%-58s' "$1"; }
ok() { echo "ok${1:+ ($1)}"; }
fail() { echo "FAILED: $1"; cat "$WORK/stderr" 2>/dev/null; exit 1; }

[ -x "$PROGRAM" ] || fail "$PROGRAM is missing (run make package)"

step "nothing of the test tools is bundled"
leaked="$(find "$BUNDLE" \( -iname '*pytest*' -o -iname '*hypothesis*' -o -path '*/tests/*' \) -print -quit)"
[ -z "$leaked" ] || fail "found $leaked"
ok

step "the window starts and paints (--quit-after-paint)"
ms="$(run --quit-after-paint)" || fail "exit status $?"
ok "first paint after ${ms} ms"

step "new --sample creates the sample project"
run new "$WORK/sample.sourceline" --sample >/dev/null || fail "exit status $?"
ok

step "events --format json lists its events"
run events --db "$WORK/sample.sourceline" --format json >"$WORK/events.json" || fail "exit status $?"
count="$(grep -c '"date_edtf"' "$WORK/events.json" || true)"
[ "$count" -gt 10 ] || fail "expected the sample's events, got $count"
ok "$count events"

step "export --format bibliography (pandoc + CSL style APA)"
run export --db "$WORK/sample.sourceline" --format bibliography --style apa -o "$WORK/refs.html" >/dev/null \
    || fail "exit status $?"
entries="$(grep -c 'class="csl-entry"' "$WORK/refs.html" || true)"
[ "$entries" -gt 0 ] || fail "no bibliography entries in refs.html"
ok "$entries entries"

step "export --format png (Qt drawing, headless)"
run export --db "$WORK/sample.sourceline" --format png --width 800 -o "$WORK/timeline.png" >/dev/null \
    || fail "exit status $?"
[ "$(head -c 4 "$WORK/timeline.png" | tail -c 3)" = "PNG" ] || fail "timeline.png is not a PNG"
ok

step "screenshots of pages and the About dialog, headless"
run screenshots --out "$WORK/shots" --only main-window --only reader --only about >/dev/null || fail "exit status $?"
for shot in main-window reader about; do [ -s "$WORK/shots/$shot.png" ] || fail "$shot.png missing"; done
ok

step "the window opens the sample project"
run "$WORK/sample.sourceline" --quit-after-paint >/dev/null || fail "exit status $?"
ok

echo "bundle: $(du -sh "$BUNDLE" | cut -f1) in $BUNDLE"
