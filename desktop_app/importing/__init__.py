"""Importing sources, without Qt: read files into a plan, then apply it as one undoable edit."""
from desktop_app.importing.plan import (
    ADD, DECISIONS, MERGE, SKIP, Duplicate, ImportCancelled, ImportPlan, ImportResult, plan_import,
)
from desktop_app.importing.reading import ImportRecord

__all__ = ["ADD", "DECISIONS", "MERGE", "SKIP", "Duplicate", "ImportCancelled", "ImportPlan", "ImportRecord",
           "ImportResult", "plan_import"]
