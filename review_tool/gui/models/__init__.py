"""Qt item models over the services' frozen DTOs (style §8.4).

Custom roles: `ROW_ROLE` carries the row's DTO, `SORT_ROLE` a sort key.
"""

from PySide6.QtCore import Qt

ROW_ROLE = Qt.ItemDataRole.UserRole
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
KIND_ROLE = Qt.ItemDataRole.UserRole + 2  # tree models: what a node is ("section", "item", "file", "document")
ID_ROLE = Qt.ItemDataRole.UserRole + 3  # tree models: the node's id (item id, document id …)
