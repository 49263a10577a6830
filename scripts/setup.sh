#!/usr/bin/env bash
# Create .venv with the locked dependencies (hash-checked) and dotterel installed editable.
# Safe to re-run: an up-to-date environment is left as it is.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
stamp=.venv/.dotterel-lock.sha256
want=$(sha256sum scripts/pip.lock requirements.lock pyproject.toml | sha256sum | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  # the bundled pip is too old for the lock; bring the pinned one first (hash-checked too)
  .venv/bin/python -m pip install --quiet --disable-pip-version-check --require-hashes -r scripts/pip.lock
  .venv/bin/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
  .venv/bin/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
  echo "$want" > "$stamp"
fi
.venv/bin/dotterel --version
