"""Old home of the readers (now `dotterel.sources`) and the ingest loop (now `dotterel.runs.ingest`)."""
