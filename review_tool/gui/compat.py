"""Work-arounds for the Qt binding we ship with. Applied when `review_tool.gui` is imported.

PySide6 6.12 (shiboken6 6.12.0) on CPython 3.11 returns `None` from every void
method without taking a reference for it: each `label.setText(...)`,
`timer.start()`, `QCoreApplication.processEvents()` … called from Python lowers
None's reference count by one. The binding is evidently built for CPython 3.12+,
where None, True and False are immortal (PEP 683) and their counts do not matter.
On 3.11 None starts near 5,000 references in this application, so after a few
thousand such calls the interpreter aborts with "Fatal Python error: none_dealloc".

The fix here does on 3.11 what 3.12 does by design: it lifts the reference counts
of None, True and False so high (2**40) that no session can bring them to zero.
It touches nothing on 3.12+, on debug builds or on other interpreters. Remove it
once the binding is fixed or Python 3.11 support is dropped.
"""

from __future__ import annotations

import sys

_LIFT = 1 << 40


def immortalize_singletons() -> bool:
    """Make None/True/False immortal on CPython < 3.12. Returns True if it changed anything."""
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython" or hasattr(sys, "gettotalrefcount"):
        return False
    import ctypes

    changed = False
    for obj in (None, True, False):
        count = ctypes.c_ssize_t.from_address(id(obj))  # ob_refcnt is the first field of every object
        if count.value < _LIFT:
            count.value += _LIFT
            changed = True
    return changed
