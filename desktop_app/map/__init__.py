"""The map beside the timeline: where events happened, offline (see projection.py for the why of Web Mercator)."""
