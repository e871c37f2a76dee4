"""Demo data: a demo organisation (`org.DEMO_ORG`) and realistic months of case files.

- `org`: units, officers and users as frozen dataclasses (no database).
- `casefiles`: `generate_month`, `generate_history`, `generate_large_pdf` write PDFs, recordings,
  registers, `defects.json` and `manifest.json`, and return the ground truth (`DemoMonth`).

Nothing is imported here, so `review_tool.demo.org` stays cheap to import.
"""
