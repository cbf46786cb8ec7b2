"""Load: read the content files (the preview may narrow which) and validate them into the model
(``briefing.structure``), with ``path:line: field: message`` diagnostics for everything else; the
Markdown syntax of our own (glossary marks, footnotes) is parsed here too."""
