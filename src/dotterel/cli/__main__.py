"""`python -m dotterel.cli ...` (Dask's spawned workers re-import this guarded entry point)."""

from dotterel.cli.app import main

if __name__ == "__main__":
    main()
