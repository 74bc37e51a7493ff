"""Regenerate docs/data-model.md and docs/glossary.md from the schema and the glossary."""

from pathlib import Path

from eipkit._docs import data_model_markdown, glossary_markdown

DOCS = Path(__file__).resolve().parent.parent / "docs"

if __name__ == "__main__":
    (DOCS / "data-model.md").write_text(data_model_markdown() + "\n", encoding="utf-8")
    (DOCS / "glossary.md").write_text(glossary_markdown(), encoding="utf-8")
    print(f"wrote {DOCS / 'data-model.md'} and {DOCS / 'glossary.md'}")
