"""Run machinery: the resumable ingest loop (`ingest.py`) and Dask analysis workers (`workers.py`)."""
