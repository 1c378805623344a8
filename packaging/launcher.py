"""The bundle's entry point: the same ``sourceline`` command as ``pip install`` makes."""
import sys

from desktop_app.cli import main

if __name__ == "__main__":
    sys.exit(main())
