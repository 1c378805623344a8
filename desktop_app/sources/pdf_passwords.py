"""A password-protected PDF dropped or chosen for import asks for its password (again, when the
one typed is not it; Cancel leaves the file out, shown as a file that cannot be imported)."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QInputDialog, QLineEdit

from desktop_app.formats.pdf_text import PdfPasswordNeeded
from desktop_app.importing import plan_import

TITLE = "Password-Protected PDF"


def ask_for_passwords(window, paths, db, plan):
    """The plan again with the passwords asked for, until every protected PDF opens or is given up."""
    passwords: dict[Path, str] = {}
    given_up: set[Path] = set()
    while True:
        needing = [p for p in plan.problems if isinstance(p, PdfPasswordNeeded) and Path(p.path) not in given_up]
        if not needing:
            return plan
        for problem in needing:
            path = Path(problem.path)
            said = " The password typed is not this PDF's." if problem.wrong else ""
            password, ok = QInputDialog.getText(window, TITLE, f"{path.name} is protected by a password.{said}\n\n"
                                                "Password:", QLineEdit.EchoMode.Password)
            if ok and password:
                passwords[path] = password
            else:
                given_up.add(path)
        plan = plan_import(paths, db, passwords)
