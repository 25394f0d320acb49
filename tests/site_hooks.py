"""MkDocs hooks (mkdocs.yml `hooks:`): figures and notebooks built from snippets."""
