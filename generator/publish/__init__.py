"""Layer 3: from a checked Site to the public website — pages, Markdown, MkDocs, search."""
