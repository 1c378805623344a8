#!/usr/bin/env bash
# Install Sourceline's menu entry, icons, AppStream metadata and the .sourceline file type for
# the current user (make install-desktop). Files go under PREFIX (default ~/.local):
#   bin/sourceline                         a link to the program
#   lib/sourceline/                        the bundle, when dist/sourceline exists (make package)
#   share/applications/                    org.sourceline.Sourceline.desktop
#   share/metainfo/                        org.sourceline.Sourceline.metainfo.xml
#   share/mime/packages/                   application/x-sourceline-project for *.sourceline
#   share/icons/hicolor/{scalable,NxN}/apps/
# The program is, in order: $SOURCELINE_PROGRAM, the bundle in dist/sourceline, the virtualenv's
# `sourceline` (make run's). The menu entry runs it by absolute path, so it works even when
# PREFIX/bin is not on the desktop session's PATH.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
PREFIX="${PREFIX:-$HOME/.local}"
DATA="$PREFIX/share"
APP_ID=org.sourceline.Sourceline

# A path with a space is quoted, as the Desktop Entry spec asks; the characters the spec would have
# escaped inside quotes are refused rather than risked.
exec_path="$PREFIX/bin/sourceline"
case "$exec_path" in
    *[\"\`\$\\]*) echo "install.sh: PREFIX may not contain \", \`, \$ or \\: $PREFIX" >&2; exit 1 ;;
    *[[:space:]]*) exec_path="\"$exec_path\"" ;;
esac

if [ -n "${SOURCELINE_PROGRAM:-}" ]; then
    program="$SOURCELINE_PROGRAM"
elif [ -x "$ROOT/dist/sourceline/sourceline" ]; then
    rm -rf "$PREFIX/lib/sourceline"
    mkdir -p "$PREFIX/lib"
    cp -a "$ROOT/dist/sourceline" "$PREFIX/lib/sourceline"
    program="$PREFIX/lib/sourceline/sourceline"
elif [ -x "$ROOT/.venv/bin/sourceline" ]; then
    program="$ROOT/.venv/bin/sourceline"
else
    echo "install.sh: no program to install: run 'make package' (or 'make venv') first" >&2
    exit 1
fi
[ -x "$program" ] || { echo "install.sh: $program is not an executable program" >&2; exit 1; }

mkdir -p "$PREFIX/bin"
ln -sfn "$program" "$PREFIX/bin/sourceline"

install -d "$DATA/applications" "$DATA/metainfo" "$DATA/mime/packages"
# Exec= gets the absolute path; %f stays, so a file opened from the file manager is passed on.
EXEC_LINE="Exec=$exec_path %f" awk '/^Exec=sourceline / { print ENVIRON["EXEC_LINE"]; next } { print }' \
    "$HERE/$APP_ID.desktop" >"$DATA/applications/$APP_ID.desktop"
install -m 644 "$HERE/$APP_ID.metainfo.xml" "$DATA/metainfo/$APP_ID.metainfo.xml"
install -m 644 "$HERE/$APP_ID.mime.xml" "$DATA/mime/packages/$APP_ID.xml"

install -D -m 644 "$ROOT/resources/icons/sourceline.svg" "$DATA/icons/hicolor/scalable/apps/$APP_ID.svg"
for png in "$ROOT"/resources/icons/png/sourceline-*.png; do
    size="$(basename "$png" .png)"
    size="${size#sourceline-}"
    install -D -m 644 "$png" "$DATA/icons/hicolor/${size}x${size}/apps/$APP_ID.png"
done

# Refresh the caches desktops read, when their tools are installed.
if command -v update-mime-database >/dev/null; then update-mime-database "$DATA/mime" 2>/dev/null; fi
if command -v update-desktop-database >/dev/null; then update-desktop-database -q "$DATA/applications"; fi
# An icon cache is refreshed only where one exists: a new one would have to be kept up to date
# by every later install into the same folder.
if [ -f "$DATA/icons/hicolor/icon-theme.cache" ] && command -v gtk-update-icon-cache >/dev/null; then
    gtk-update-icon-cache -q -t -f "$DATA/icons/hicolor" || true
fi

echo "Installed Sourceline for ${USER:-$(id -un)}: $DATA/applications/$APP_ID.desktop runs $program"
case ":$PATH:" in
    *":$PREFIX/bin:"*) ;;
    *) echo "Note: $PREFIX/bin is not on your PATH; the menu entry works, 'sourceline' in a terminal needs it." ;;
esac
