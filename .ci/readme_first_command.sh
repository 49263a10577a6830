#!/usr/bin/env bash
# Runs the README's first command verbatim in a temporary copy of the checkout (its own fresh .venv,
# built with the stock python3), and checks what a newcomer would: exit 0 and stored events printed.
set -euo pipefail
cd "$(dirname "$0")/.."
cmd=$(awk '/^```bash$/{getline; print; exit}' README.md)
[ -n "$cmd" ] || { echo "readme_first_command: no bash block in README.md" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# the files a clone would have (tracked, plus untracked ones git does not ignore); never a built .venv
git ls-files -z --cached --others --exclude-standard | tar --null -T - -cf - | tar -xf - -C "$tmp"
start=$(date +%s)
echo "readme_first_command: $cmd" >&2
if ! out=$(cd "$tmp" && bash -c "$cmd" 2>"$tmp/stderr.log"); then
  echo "readme_first_command: failed; last lines of stderr:" >&2
  grep -v "^WARNING: Location" "$tmp/stderr.log" | tail -20 >&2
  exit 1
fi
# events must be printed (the events table lists PLOVER types such as ASSAULT, AGREE, ...)
if ! grep -Eq '\b(AGREE|CONSULT|SUPPORT|CONCEDE|COOPERATE|AID|RETREAT|REQUEST|ACCUSE|REJECT|THREATEN|PROTEST|SANCTION|MOBILIZE|COERCE|ASSAULT)\b' <<<"$out"; then
  echo "readme_first_command: exit 0 but no events in the output" >&2
  exit 1
fi
echo "readme_first_command: ok in $(( $(date +%s) - start )) s from a fresh copy to the first result" >&2
