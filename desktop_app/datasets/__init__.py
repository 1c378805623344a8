"""Event datasets: CSV files of events (ACLED exports, or any CSV through a column mapping)
imported in bulk. Qt-free; the window's dialog is ``desktop_app.datasets_ui``."""
from desktop_app.datasets.importer import (BAD_ROW_CHOICES, DatasetImport, ImportCancelled, ImportReport,
                                           import_dataset)
from desktop_app.datasets.mapping import ACLED, Mapping, guess_mapping, load_mapping

__all__ = ["ACLED", "BAD_ROW_CHOICES", "DatasetImport", "ImportCancelled", "ImportReport", "Mapping",
           "guess_mapping", "import_dataset", "load_mapping"]
