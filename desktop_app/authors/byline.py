"""Who added and who last changed a record, said in one line (Qt-free, for every view)."""
from __future__ import annotations

from datetime import datetime, timezone


def when(stamp: str | None) -> str:
    """A stored UTC time (``2024-11-19T08:30:00.123Z``) as local day and minute."""
    if not stamp:
        return ""
    try:
        moment = datetime.strptime(stamp[:19], "%Y-%m-%dT%H:%M:%S").replace(tzinfo=timezone.utc).astimezone()
    except ValueError:
        return stamp
    return f"{moment.day} {moment:%b %Y %H:%M}"


def byline(created_by: str | None, created_at: str | None, modified_by: str | None = None,
           modified_at: str | None = None) -> str:
    """"Added by Ana Ruiz on 19 Nov 2024 08:30 · changed by Ben Okafor on 20 Nov 2024 10:02".
    An author not recorded (work from before authors were kept, a bulk import) is left unnamed;
    a record never changed since it was added says only who added it."""
    added = "Added" + (f" by {created_by}" if created_by else "") + (f" on {when(created_at)}" if created_at else "")
    changed_later = modified_at and created_at and modified_at[:16] != created_at[:16]
    if not changed_later and (modified_by == created_by or not modified_by):
        return added
    changed = "changed" + (f" by {modified_by}" if modified_by else "") + (f" on {when(modified_at)}" if modified_at else "")
    return f"{added} · {changed}"
