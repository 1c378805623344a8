"""Reliability and safety in the window: what happens when things go wrong.

- ``crash_report``: unhandled exceptions are logged and shown (a plain message for a busy
  project, a full disk or a damaged file; a copyable report for a bug); the app keeps running.
- ``problems`` (Qt-free): what to say when SQLite or the disk fails — a busy project, a full disk,
  a damaged file; the command line uses it too.
- ``logs``: the rotating log file in the user's data folder.
- ``opening``: a file that cannot be opened is explained and never modified; a damaged one is
  offered a restore.
- ``backup_schedule`` / ``restore_dialog``: backups on opening, daily, before bulk deletes;
  File → Restore from Backup….
- ``instance_lock``: a banner when another program has the project open.
- ``refresh``: the window re-reads what another program changed when it is activated.
- ``shutdown``: closing the window during a long operation cancels it cleanly.
- ``damage``: damage found while working stops writing and is told once, offering check or restore.
- ``check_dialog``: Tools → Check Project… (``sourceline check`` in the window).
- ``write_wait``: an edit waiting for another writer says so (status bar, busy cursor).
"""
from __future__ import annotations


def install(window) -> None:
    # Imported here, not above: the command line reads problems.py without loading Qt.
    from desktop_app.main_window.project_action import project_action
    from desktop_app.reliability.backup_schedule import BackupSchedule
    from desktop_app.reliability.check_dialog import check_project
    from desktop_app.reliability.damage import DamageAlarm
    from desktop_app.reliability.write_wait import WriteWait
    from desktop_app.reliability.instance_lock import InstanceGuard
    from desktop_app.reliability.refresh import RefreshOnFocus
    from desktop_app.reliability.restore_dialog import restore_from_backup
    from desktop_app.reliability.shutdown import CloseGuard

    project_action(window, "file", "restore_backup", "Restore from &Backup…",
                   "Replace the project's content with one of its backups", restore_from_backup)
    project_action(window, "tools", "check_project", "&Check Project…",
                   "Check the project file's integrity; rebuild its indexes and counts if needed", check_project)
    window.damage_alarm = DamageAlarm(window)
    window.write_wait = WriteWait(window)
    window.backup_schedule = BackupSchedule(window)
    window.instance_guard = InstanceGuard(window)
    window.refresh_on_focus = RefreshOnFocus(window)
    window.close_guard = CloseGuard(window)
