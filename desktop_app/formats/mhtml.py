"""The page inside an MHTML file (``.mhtml``/``.mht``): what Chrome's "Save page as… single file",
Hunchly and Internet Explorer write — a MIME message whose parts are the page and its resources.

The standard library's ``email`` parser reads it (quoted-printable and base64 parts decoded).
The page is the part the message names as its start, else the part saved from the address the
``Snapshot-Content-Location`` header gives, else the first HTML part; its capture time is the
message's ``Date:``. The other parts (images, style sheets, frames) are never read.
"""
from __future__ import annotations

import email
import email.policy
from email.message import EmailMessage
from pathlib import Path

from db.errors import FileProblem
from desktop_app.formats.capture_time import from_mail_date
from desktop_app.formats.file_read import read_bytes
from desktop_app.formats.web_archive import HTML_TYPES, CapturedPage

# MHTML files carry their images, fonts and frames; a long page with photographs is tens of MB.
MAX_MHTML_BYTES = 100 * 1024 * 1024


def read_mhtml(path) -> CapturedPage:
    """The captured page of the MHTML file at ``path``; FileProblem if it has none."""
    path = Path(path)
    raw = read_bytes(path, MAX_MHTML_BYTES)
    message = email.message_from_bytes(raw, policy=email.policy.default)
    if not message.is_multipart() and message.get_content_type() not in HTML_TYPES:
        raise FileProblem(path, None, "is not an MHTML file: it is not a MIME message holding a web page")
    part = _page_part(message)
    if part is None:
        raise FileProblem(path, None, "holds no HTML page (an MHTML file's page is a text/html part)")
    html = part.get_payload(decode=True) or b""
    if not html.strip():
        raise FileProblem(path, None, "its page is empty")
    url = (part.get("Content-Location") or message.get("Snapshot-Content-Location") or "").strip()
    charset = part.get_param("charset")
    return CapturedPage(url, from_mail_date(message.get("Date")), html,
                        charset.lower() if isinstance(charset, str) else None)


def _page_part(message: EmailMessage) -> EmailMessage | None:
    html_parts = [part for part in message.walk()
                  if not part.is_multipart() and part.get_content_type() in HTML_TYPES]
    if not html_parts:
        return None
    start = message.get_param("start")  # multipart/related names its root part by Content-ID
    if isinstance(start, str):
        chosen = next((part for part in html_parts if (part.get("Content-ID") or "").strip() == start.strip()), None)
        if chosen is not None:
            return chosen
    snapshot = (message.get("Snapshot-Content-Location") or "").strip()
    if snapshot:
        chosen = next((part for part in html_parts if (part.get("Content-Location") or "").strip() == snapshot), None)
        if chosen is not None:
            return chosen
    return html_parts[0]
