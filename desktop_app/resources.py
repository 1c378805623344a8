"""Where the files in ``resources/`` are: beside the code, or inside a PyInstaller bundle."""
from __future__ import annotations

import sys
from pathlib import Path


def resource_path(*parts: str) -> Path:
    """The path of ``resources/<parts...>``.

    A PyInstaller bundle unpacks its data under ``sys._MEIPASS`` (the spec must add
    ``("resources", "resources")``); from a checkout, ``resources/`` sits at the repository root.
    """
    bundle = getattr(sys, "_MEIPASS", None)
    root = Path(bundle) if bundle else Path(__file__).resolve().parents[1]
    return root.joinpath("resources", *parts)
