"""The bundle's recipe (packaging/sourceline.spec) leaves out no library the program runs on,
and carries PDFium, which pypdfium2 loads through ctypes where PyInstaller's analysis cannot see
it. Building the bundle takes minutes, so `make package-test` (packaging/smoke_test.sh) opens
a PDF with the built bundle; these read the recipe the build follows."""
from __future__ import annotations

import ast
import re
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "packaging" / "sourceline.spec"


def spec_list(name: str) -> list[str]:
    tree = ast.parse(SPEC.read_text())
    assigned = next(node for node in tree.body if isinstance(node, ast.Assign)
                    and any(isinstance(t, ast.Name) and t.id == name for t in node.targets))
    return ast.literal_eval(assigned.value)


def runtime_modules() -> dict[str, str]:
    """Top-level module -> the runtime dependency (pyproject's) that provides it."""
    wanted = {re.split(r"[<>=!;\[ ]", spec, maxsplit=1)[0].lower().replace("_", "-")
              for spec in tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]}
    return {module: dist for module, dists in packages_distributions().items() for dist in dists
            if dist.lower().replace("_", "-") in wanted}


def test_no_library_the_program_runs_on_is_excluded_from_the_bundle():
    modules = runtime_modules()
    assert {"pypdf", "pypdfium2", "pypdfium2_raw", "lxml"} <= set(modules)  # the mapping found them
    excluded = [name for name in spec_list("EXCLUDES") if name in modules]
    assert excluded == [], f"the spec excludes runtime dependencies: {excluded}"


def test_the_bundle_carries_pdfium_and_the_files_pypdfium2_reads():
    import pypdfium2
    import pypdfium2_raw

    raw = Path(pypdfium2_raw.__file__).parent
    library = [p for p in raw.iterdir() if "pdfium" in p.name and p.suffix in (".so", ".dylib", ".dll")]
    assert library, f"no PDFium library in {raw}"  # what the spec's pdfium_library finds
    assert (raw / "version.json").is_file() and (Path(pypdfium2.__file__).parent / "version.json").is_file()
    spec = SPEC.read_text()
    assert '(str(path), "pypdfium2_raw") for path in pdfium_library' in spec
    assert '(str(pdfium_folder / "version.json"), "pypdfium2_raw")' in spec
    assert '(str(Path(pypdfium2.__file__).parent / "version.json"), "pypdfium2")' in spec
    smoke = (ROOT / "packaging" / "smoke_test.sh").read_text()
    assert 'run import --db "$WORK/sample.sourceline" "$WORK/chronology.pdf"' in smoke
