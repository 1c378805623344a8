"""Web archives, MHTML files and photographs written for tests: WARCs with warcio, MHTML with the
standard library's ``email`` package, images with Pillow (EXIF included)."""
from __future__ import annotations

import io
import json
import zipfile
from email.message import EmailMessage
from email.policy import SMTP

ARTICLE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title} | Valley Courier</title>
<meta property="og:site_name" content="Valley Courier">
<meta property="article:published_time" content="{published}"></head>
<body><nav><a href="/">Home</a></nav><article><h1>{title}</h1>
<p>{body}</p><p>The council met again on Tuesday to hear the engineers, who said the old bridge
would need months of repair before traffic could cross it safely again.</p>
<img src="https://tracker.invalid/pixel.gif"><script>document.title = "ran";</script></article></body></html>"""


def article(title: str, body: str = "The bridge over the river was closed to traffic on Friday morning.",
            published: str = "2024-11-16") -> bytes:
    return ARTICLE.format(title=title, body=body, published=published).encode("utf-8")


def warc(pages, gzip: bool = True, extra_records: bool = True) -> bytes:
    """A WARC of ``pages`` — (url, html bytes, WARC-Date) — each as a request/response pair, with
    a PNG, a redirect and a 404 among them when ``extra_records``."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gzip)
    writer.write_record(writer.create_warcinfo_record("test.warc", {"software": "tests"}))

    def response(url, status, content_type, body, date, headers=()):
        http = StatusAndHeaders(status, [("Content-Type", content_type), *headers], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http,
                                                      warc_headers_dict={"WARC-Date": date}))

    for number, (url, html, date) in enumerate(pages):
        request = StatusAndHeaders("GET / HTTP/1.1", [("Host", "example.org")], is_http_request=True)
        writer.write_record(writer.create_warc_record(url, "request", payload=io.BytesIO(b""), http_headers=request,
                                                      warc_headers_dict={"WARC-Date": date}))
        response(url, "200 OK", "text/html; charset=utf-8", html, date)
        if extra_records and number == 0:
            response("https://example.org/logo.png", "200 OK", "image/png", png(), date)
            response("https://example.org/old", "301 Moved Permanently", "text/html", b"<p>moved</p>", date,
                     [("Location", url)])
            response("https://example.org/gone", "404 Not Found", "text/html", article("Not found"), date)
    return out.getvalue()


def wacz(warc_bytes: bytes, listed_urls=()) -> bytes:
    """A WACZ package holding one WARC and a pages list naming ``listed_urls``."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as package:
        package.writestr(zipfile.ZipInfo("archive/data.warc.gz"), warc_bytes, compress_type=zipfile.ZIP_STORED)
        pages = [json.dumps({"format": "json-pages-1.0", "id": "pages"})]
        pages += [json.dumps({"url": url, "ts": "2024-11-16T09:30:00Z", "title": "t"}) for url in listed_urls]
        package.writestr("pages/pages.jsonl", "\n".join(pages) + "\n")
        package.writestr("datapackage.json", json.dumps({"profile": "data-package", "wacz_version": "1.1.1"}))
    return out.getvalue()


def mhtml(html: str, url: str = "https://example.org/news/bridge", date: str = "Sat, 16 Nov 2024 10:20:30 +0100") -> bytes:
    """An MHTML file as Chrome writes it: the page as a quoted-printable part, then an image."""
    message = EmailMessage()
    message["From"] = "<Saved by Blink>"
    message["Snapshot-Content-Location"] = url
    message["Subject"] = "Bridge closed"
    message["Date"] = date
    message["MIME-Version"] = "1.0"
    message.make_related()
    message.set_param("type", "text/html")
    page = EmailMessage()
    page.set_content(html, subtype="html", charset="utf-8", cte="quoted-printable")
    page["Content-Location"] = url
    message.attach(page)
    image = EmailMessage()
    image.set_content(png(), maintype="image", subtype="png", cte="base64")
    image["Content-Location"] = "https://example.org/logo.png"
    message.attach(image)
    return message.as_bytes(policy=SMTP)


def png(size=(4, 4)) -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", size, "green").save(out, "PNG")
    return out.getvalue()


def photo(path, size=(80, 40), fmt: str = "JPEG", taken: str | None = "2008:10:22 16:28:39", offset: str | None = None,
          gps=None, orientation: int | None = None, make: str | None = "Canon", model: str | None = "Canon EOS 5D",
          colour="navy") -> None:
    """An image file with the EXIF given; ``gps`` is ((lat d, m, s), "N"|"S", (lon d, m, s), "E"|"W").
    The left half is ``colour``, the right half white, so that orientation shows."""
    from PIL import ExifTags, Image

    image = Image.new("RGB", size, "white")
    image.paste(Image.new("RGB", (size[0] // 2, size[1]), colour), (0, 0))
    exif = Image.Exif()
    if orientation:
        exif[ExifTags.Base.Orientation] = orientation
    if make:
        exif[ExifTags.Base.Make] = make
    if model:
        exif[ExifTags.Base.Model] = model
    if taken:
        exif.get_ifd(ExifTags.IFD.Exif)[ExifTags.Base.DateTimeOriginal] = taken
    if offset:
        exif.get_ifd(ExifTags.IFD.Exif)[ExifTags.Base.OffsetTimeOriginal] = offset
    if gps:
        (lat, lat_ref, lon, lon_ref) = gps
        info = exif.get_ifd(ExifTags.IFD.GPSInfo)
        info.update({ExifTags.GPS.GPSLatitudeRef: lat_ref, ExifTags.GPS.GPSLatitude: lat,
                     ExifTags.GPS.GPSLongitudeRef: lon_ref, ExifTags.GPS.GPSLongitude: lon})
    image.save(path, fmt, exif=exif) if len(exif) else image.save(path, fmt)


def garble_exif(path) -> None:
    """Overwrite the EXIF segment's contents after its header with noise (a JPEG still)."""
    data = bytearray(open(path, "rb").read())
    start = data.index(b"Exif\x00\x00") + 6
    for index in range(start, min(start + 64, len(data))):
        data[index] = (index * 37 + 11) & 0xFF
    open(path, "wb").write(bytes(data))
