"""French language rules the whole pipeline shares: typography, collation, articles before names.

Plain Python with no dependency on the pipeline's stages, so that every stage may use it."""
