"""Photographs' EXIF read with Pillow: the time taken (with its offset), GPS in every hemisphere,
orientation, camera and size; missing or garbled EXIF leaves those facts unknown; a file that is
not an image is refused in one line."""
from __future__ import annotations

import pytest

from db.errors import FileProblem
from desktop_app.formats.image_exif import read_image
from tests.capture_making import garble_exif, photo

SYDNEY = ((33.0, 51.0, 54.5), "S", (151.0, 12.0, 36.0), "E")
RIO_WEST = ((22.0, 54.0, 30.0), "S", (43.0, 11.0, 47.0), "W")
REYKJAVIK = ((64.0, 8.0, 48.0), "N", (21.0, 56.0, 24.0), "W")


def test_time_place_camera_and_size(tmp_path):
    path = tmp_path / "harbour.jpg"
    photo(path, size=(80, 40), gps=SYDNEY, offset="+10:00")
    facts = read_image(path)
    assert facts.media_type == "image/jpeg"
    assert (facts.width, facts.height, facts.orientation) == (80, 40, 1)
    assert facts.taken == "2008-10-22T16:28:39+10:00"
    assert facts.latitude == pytest.approx(-33.865139, abs=1e-6)
    assert facts.longitude == pytest.approx(151.21, abs=1e-6)
    assert (facts.make, facts.model, facts.camera) == ("Canon", "Canon EOS 5D", "Canon EOS 5D")


@pytest.mark.parametrize("gps, latitude, longitude", [
    (RIO_WEST, -22.908333, -43.196389),
    (REYKJAVIK, 64.146667, -21.94),
])
def test_southern_and_western_hemispheres_are_negative(tmp_path, gps, latitude, longitude):
    path = tmp_path / "place.jpg"
    photo(path, gps=gps)
    facts = read_image(path)
    assert facts.latitude == pytest.approx(latitude, abs=1e-6)
    assert facts.longitude == pytest.approx(longitude, abs=1e-6)


def test_no_offset_means_local_time(tmp_path):
    path = tmp_path / "local.jpg"
    photo(path)
    assert read_image(path).taken == "2008-10-22T16:28:39"


def test_orientation_turns_the_size(tmp_path):
    path = tmp_path / "turned.jpg"
    photo(path, size=(80, 40), orientation=6)
    facts = read_image(path)
    assert (facts.width, facts.height, facts.orientation) == (40, 80, 6)


@pytest.mark.parametrize("taken", ["0000:00:00 00:00:00", "    :  :     :  :  ", "2008:13:45 16:28:39"])
def test_a_clock_never_set_gives_no_time(tmp_path, taken):
    path = tmp_path / "zero.jpg"
    photo(path, taken=taken)
    assert read_image(path).taken is None


def test_garbage_exif_imports_without_its_facts(tmp_path):
    path = tmp_path / "garbled.jpg"
    photo(path, gps=SYDNEY)
    garble_exif(path)
    facts = read_image(path)
    assert (facts.width, facts.height) == (80, 40)
    assert (facts.taken, facts.latitude, facts.longitude, facts.make) == (None, None, None, None)


@pytest.mark.parametrize("fmt, suffix, media_type", [("PNG", ".png", "image/png"), ("WEBP", ".webp", "image/webp"),
                                                      ("TIFF", ".tif", "image/tiff")])
def test_other_formats_without_metadata(tmp_path, fmt, suffix, media_type):
    path = tmp_path / f"plain{suffix}"
    photo(path, fmt=fmt, taken=None, make=None, model=None)
    facts = read_image(path)
    assert (facts.media_type, facts.width, facts.height, facts.taken, facts.latitude) == (media_type, 80, 40, None, None)


def test_a_png_with_exif(tmp_path):
    path = tmp_path / "screenshot.png"
    photo(path, fmt="PNG", gps=REYKJAVIK, offset="-01:00")
    facts = read_image(path)
    assert facts.taken == "2008-10-22T16:28:39-01:00" and facts.latitude == pytest.approx(64.146667, abs=1e-6)


@pytest.mark.parametrize("content, problem", [
    (b"this is a text file named like a photo\n", "is not an image Sourceline can read"),
    (b"", "is not an image Sourceline can read"),
])
def test_not_an_image_is_refused_in_one_line(tmp_path, content, problem):
    path = tmp_path / "holiday.jpg"
    path.write_bytes(content)
    with pytest.raises(FileProblem) as refused:
        read_image(path)
    assert str(refused.value) == f"{path}: {problem} (JPEG, PNG, WebP or TIFF)"


def test_a_photo_cut_short_is_refused(tmp_path):
    path = tmp_path / "cut.jpg"
    photo(path, size=(400, 300))
    path.write_bytes(path.read_bytes()[:700])
    with pytest.raises(FileProblem, match="is a damaged image"):
        read_image(path)
