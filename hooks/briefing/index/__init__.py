"""Index: the cross-references the pages are made of (chronology, backlinks, entity events,
co-occurrence, glossary usage) and the plain text of contributors' Markdown."""
