"""`python -m review_tool` is the same as the `review-tool` command."""

from review_tool.cli import main

raise SystemExit(main())
