"""MHTML files (Chrome's and Hunchly's single-file pages) read with the standard library's email
parser: the page part found and decoded from quoted-printable, its address and capture time."""
from __future__ import annotations

import pytest

from db.errors import FileProblem
from desktop_app.formats.mhtml import read_mhtml
from tests.capture_making import article, mhtml

# Long lines and non-ASCII characters make the quoted-printable encoding soft-break and escape.
BODY = ("Le pont sur la rivière a été fermé vendredi matin; " * 8).strip()


def test_the_page_part_decoded_with_its_address_and_time(tmp_path):
    html = article("Pont fermé", body=BODY).decode("utf-8")
    path = tmp_path / "bridge.mhtml"
    path.write_bytes(mhtml(html))
    raw = path.read_bytes()
    assert b"Content-Transfer-Encoding: quoted-printable" in raw and b"=C3=A8" in raw and b"=\r\n" in raw
    page = read_mhtml(path)
    assert page.url == "https://example.org/news/bridge"
    assert page.captured == "2024-11-16T10:20:30+01:00"
    assert page.html.decode(page.charset).replace("\r\n", "\n").strip() == html  # MIME lines end in CRLF
    assert page.charset == "utf-8"


def test_the_snapshot_address_chooses_among_several_html_parts(tmp_path):
    from email import message_from_bytes
    from email.message import EmailMessage
    from email.policy import SMTP, default

    message = message_from_bytes(mhtml(article("Main page").decode()), policy=default)
    frame = EmailMessage()
    frame.set_content("<p>an advertising frame</p>", subtype="html")
    frame["Content-Location"] = "https://ads.invalid/frame"
    parts = message.get_payload()
    message.set_payload([frame, *parts])  # the frame comes first in the file
    path = tmp_path / "framed.mht"
    path.write_bytes(message.as_bytes(policy=SMTP))
    page = read_mhtml(path)
    assert page.url == "https://example.org/news/bridge"
    assert b"Main page" in page.html


def test_a_message_without_a_date_has_no_capture_time(tmp_path):
    raw = mhtml(article("Undated").decode()).replace(b"Date: Sat, 16 Nov 2024 10:20:30 +0100\r\n", b"")
    path = tmp_path / "undated.mhtml"
    path.write_bytes(raw)
    assert read_mhtml(path).captured is None


@pytest.mark.parametrize("content", [b"just some notes, no MIME at all\n", b"\x00\x01\x02binary" * 10])
def test_not_mhtml_is_refused_in_one_line(tmp_path, content):
    path = tmp_path / "notes.mhtml"
    path.write_bytes(content)
    with pytest.raises(FileProblem) as refused:
        read_mhtml(path)
    assert "\n" not in str(refused.value) and str(path) in str(refused.value)


def test_mhtml_without_an_html_part(tmp_path):
    raw = (b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=XX\r\n\r\n--XX\r\n"
           b"Content-Type: image/png\r\n\r\nnot really\r\n--XX--\r\n")
    path = tmp_path / "images.mhtml"
    path.write_bytes(raw)
    with pytest.raises(FileProblem, match="holds no HTML page"):
        read_mhtml(path)
