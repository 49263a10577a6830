"""The first stage: readers (files, JSONL lines, HTML pages, feeds) and normalisation into `SourceItem`s."""
