"""执法案卷评查 review tool: case-file review and scoring for fire-rescue enforcement."""

__version__ = "0.1.0"
