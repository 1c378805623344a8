"""Text for the pages of a PDF that have none (scans), by OCR — only when ``ocrmypdf`` is installed.

Never required: without it such pages are imported as pictures and the import says which. With
it, ``ocrmypdf --skip-text`` adds an invisible text layer to a copy of the file (the original is
kept untouched as the source's original), over the same page geometry, and those pages' text and
boxes are read from the copy.
"""
from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from desktop_app.formats import pdf_text

EXTRACTION = f"ocrmypdf; {pdf_text.EXTRACTION}"
TIMEOUT_S = 30 * 60


def command() -> str | None:
    """The ocrmypdf program, if installed."""
    return shutil.which("ocrmypdf")


def recognise(data: bytes, path, password: str | None, indexes: list[int]) -> tuple[dict[int, pdf_text.PageText], str]:
    """The pages (0-based ``indexes``) OCR found text on, and, when it found none, why."""
    program = command()
    if program is None:
        return {}, "no OCR: ocrmypdf is not installed"
    if password:
        return {}, "no OCR: ocrmypdf does not read password-protected PDFs"
    with tempfile.TemporaryDirectory(prefix="sourceline-ocr-") as folder:
        given, made = Path(folder) / "in.pdf", Path(folder) / "out.pdf"
        given.write_bytes(data)
        pages = ",".join(str(i + 1) for i in indexes)
        try:
            run = subprocess.run([program, "--skip-text", "--output-type", "pdf", "--quiet", "--pages", pages,
                                  str(given), str(made)], capture_output=True, text=True, timeout=TIMEOUT_S)
        except (OSError, subprocess.TimeoutExpired) as error:
            return {}, f"ocrmypdf failed ({error})"
        if run.returncode != 0 or not made.is_file():
            last = (run.stderr.strip().splitlines() or ["no output"])[-1]
            return {}, f"ocrmypdf failed ({last})"
        read = pdf_text.read_pdf(made.read_bytes(), path, only=indexes)
    found = {page.index: page for page in read.pages if page.has_text}
    return found, "" if found else "OCR found no text on them"
