"""Re-applying the style sheet after a widget's dynamic property changed (Qt does not by itself)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


def restyle(*widgets: QWidget) -> None:
    """The style sheet's `[property="value"]` selectors are read again for each widget."""
    for widget in widgets:
        widget.style().unpolish(widget)
        widget.style().polish(widget)
