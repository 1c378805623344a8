#!/usr/bin/env bash
# Smoke test of the one-folder bundle (make package-test): the bundled program starts its window
# headless, creates the sample project, lists events, formats a bibliography with the bundled
# pandoc and CSL styles, draws a picture with the bundled Qt plugins, and opens a project the way
# a file manager does, through the installed desktop entry. It runs with an emptied environment
# (no PYTHONPATH, no virtualenv on PATH), as on a machine without Python.
set -euo pipefail

BUNDLE="${1:-dist/sourceline}"
PROGRAM="$(cd "$(dirname "$BUNDLE/sourceline")" && pwd)/sourceline"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
WORK="$(mktemp -d)"
WINDOW=""  # the process id of a window left running, ended on exit
trap '[ -z "$WINDOW" ] || kill "$WINDOW" 2>/dev/null; rm -rf "$WORK"' EXIT
# Where QSettings keeps the window's settings, among them the recent projects: a project is on
# that list only once the window has opened it.
SETTINGS="$WORK/.config/Sourceline/Sourceline.conf"

# Standard error goes to a file, shown when a step fails. A window that cannot open a project
# says why in a message box and waits for a click: the time limit turns that into a failure.
run() {
    timeout -k 5 120 env -i HOME="$WORK" PATH=/usr/bin:/bin LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen \
        "$PROGRAM" "$@" 2>"$WORK/stderr"
}
# Whether the window's list of recent projects holds $1 (QSettings writes a lone path as it is).
recent() { grep -qxF "recentProjects=$1" "$SETTINGS" 2>/dev/null; }
step() { printf '%-58s' "$1"; }
ok() { echo "ok${1:+ ($1)}"; }
fail() { echo "FAILED: $1"; cat "$WORK/stderr" 2>/dev/null; exit 1; }

[ -x "$PROGRAM" ] || fail "$PROGRAM is missing (run make package)"

step "no test tools, Qt translations or GTK theme bundled"
leaked="$(find "$BUNDLE" \( -iname '*pytest*' -o -iname '*hypothesis*' -o -path '*/tests/*' \
    -o -path '*/Qt/translations' -o -name 'libqgtk3.so' -o -name 'libgtk-3.so*' \) -print -quit)"
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

step "import a saved web page (lxml.html)"
printf '%s' '<html><head><title>Shelling reported</title></head><body><article>' \
    '<p>On 15 November 2024 shelling was reported in the town.</p></article></body></html>' >"$WORK/page.html"
run import --db "$WORK/sample.sourceline" "$WORK/page.html" >"$WORK/import.txt" || fail "exit status $?"
grep -q "added 1" "$WORK/import.txt" || fail "the page was not imported: $(cat "$WORK/import.txt")"
ok

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

step "export --format chronology as PDF (Qt text layout)"
run export --db "$WORK/sample.sourceline" --format chronology -o "$WORK/chronology.pdf" >/dev/null \
    || fail "exit status $?"
[ "$(head -c 5 "$WORK/chronology.pdf")" = "%PDF-" ] || fail "chronology.pdf is not a PDF"
pages="$(grep -ao '/Count [0-9]*' "$WORK/chronology.pdf" | head -n 1 | cut -d ' ' -f 2)"
[ "${pages:-0}" -gt 1 ] || fail "expected a chronology of several pages, got ${pages:-none}"
ok "$pages pages"

step "import a PDF (PDFium from pypdfium2) and find its dates"
run import --db "$WORK/sample.sourceline" "$WORK/chronology.pdf" >"$WORK/import.txt" || fail "exit status $?"
grep -qi "added 1" "$WORK/import.txt" || fail "the PDF was not imported: $(cat "$WORK/import.txt")"
run dates "$WORK/chronology.pdf" --format json >"$WORK/dates.json" || fail "exit status $?"
grep -q '"page_label"' "$WORK/dates.json" || fail "no dates with their pages in the PDF"
ok

step "export the PDF with its highlights (pypdf)"
pdf_source="$(run sources --db "$WORK/sample.sourceline" --format csv | awk -F, '$0 ~ /application\/pdf/ {print $1}' | tail -n 1)"
[ -n "$pdf_source" ] || fail "the imported PDF is not among the sources"
run annotate --db "$WORK/sample.sourceline" --source "$pdf_source" --quote "Kursk incursion" >/dev/null \
    || fail "annotate: exit status $?"
run export --db "$WORK/sample.sourceline" --format annotated-pdf --source "$pdf_source" -o "$WORK/annotated.pdf" \
    >/dev/null || fail "exit status $?"
grep -aq "/Highlight" "$WORK/annotated.pdf" || fail "annotated.pdf holds no highlight"
ok

step "screenshots of pages and the About dialog, headless"
run screenshots --out "$WORK/shots" --only main-window --only reader --only about >/dev/null || fail "exit status $?"
for shot in main-window reader about; do [ -s "$WORK/shots/$shot.png" ] || fail "$shot.png missing"; done
ok

step "sourceline PATH --quit-after-paint opens the sample"
rm -f "$SETTINGS"
ms="$(run "$WORK/sample.sourceline" --quit-after-paint)" || fail "exit status $?"
recent "$WORK/sample.sourceline" || fail "the window painted without opening $WORK/sample.sourceline"
ok "first paint after ${ms} ms"

# A file manager runs the Exec line of the installed desktop entry with the file for %f: here the
# entry that install.sh (make install-desktop) writes, with the bundle as its program, given a
# project whose folder and name have spaces. The window stays open; it is ended once the project
# is on its recent list (or after a minute).
step "the desktop entry's Exec line opens a project"
PREFIX="$WORK/local" SOURCELINE_PROGRAM="$PROGRAM" "$HERE/linux/install.sh" >/dev/null 2>"$WORK/stderr" \
    || fail "install.sh: exit status $?"
project="$WORK/Case files/Sample case.sourceline"
mkdir -p "$(dirname "$project")"
cp "$WORK/sample.sourceline" "$project"
entry="$WORK/local/share/applications/org.sourceline.Sourceline.desktop"
read -r -a command <<<"$(sed -n 's/^Exec=//p' "$entry")"
[ "${command[-1]}" = "%f" ] || fail "the Exec line does not end in %f: ${command[*]}"
command[-1]="$project"
rm -f "$SETTINGS"
env -i HOME="$WORK" PATH=/usr/bin:/bin LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen \
    "${command[@]}" >/dev/null 2>"$WORK/stderr" &
WINDOW=$!
for _ in $(seq 300); do
    recent "$project" && break
    if ! kill -0 "$WINDOW" 2>/dev/null; then
        wait "$WINDOW" && status=0 || status=$?
        WINDOW=""
        fail "the window closed (exit status $status)"
    fi
    sleep 0.2
done
recent "$project" || fail "after a minute the window has not opened $project"
kill "$WINDOW" && wait "$WINDOW" 2>/dev/null || true
WINDOW=""
ok "a link to the bundle, a path with spaces"

echo "bundle: $(du -sh "$BUNDLE" | cut -f1) in $BUNDLE"
