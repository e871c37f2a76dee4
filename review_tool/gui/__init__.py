"""The Qt front end (PySide6). Nothing in the core imports this package."""

from review_tool.gui.compat import immortalize_singletons

immortalize_singletons()  # before any PySide6 call: see compat.py (PySide6 6.12 on CPython 3.11)
