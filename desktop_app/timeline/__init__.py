"""The timeline screen: events on a zoomable time axis (``view.TimelineView``), drawn from a
cached frame the store is asked for once per viewport (``frames``), placed without overlaps
(``layout``, ``scene``) and painted from the palette (``painting``). ``viewport`` and ``axis``
are the pure arithmetic of zoom, pan and ticks."""
