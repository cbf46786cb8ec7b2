"""Search: the entries of Material's search (accents folded) and the prebuilt lunr index that the
browser loads instead of building it; ``prebuilt``, ``tokens``, ``worker.js`` and ``material`` follow
Material 9.8's search worker and plugin internals (tests/test_internals.py notices when they change)."""
