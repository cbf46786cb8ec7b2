"""The benchmark's parts (tools/benchmark.py is the command): builds, projects, sizes, browser, preview, stages."""
