"""Exports, without Qt: what to export (``selection``), the chronology, the evidence and
timeline tables, TimelineJS data and citation lists (``exports`` names them all)."""
