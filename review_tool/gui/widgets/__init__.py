"""Widgets: thin views that call Workspace services through the TaskRunner, never the ORM."""
