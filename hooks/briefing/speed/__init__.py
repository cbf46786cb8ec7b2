"""Process helpers that only make builds faster (a forked background job, garbage-collector pauses);
plain Python, no MkDocs. The accelerations that rely on MkDocs' and Material's internals are the hook
files in ``hooks/speedups/``."""
