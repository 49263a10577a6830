"""Readers that turn files, JSONL lines, HTML pages and feeds into `SourceItem`s."""
