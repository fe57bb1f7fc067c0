#!/usr/bin/env bash
# Installs everything the test suite needs on a fresh Debian machine, then runs
# ruff, mypy and the whole pytest suite. This is the README's test command and CI's.
set -euo pipefail
cd "$(dirname "$0")/.."

# System packages: Chromium for the browser tests, PostgreSQL for the store tests.
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium fonts-noto-color-emoji fonts-wqy-zenhei)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi

python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e '.[test]'

.venv/bin/ruff check src tests benchmarks scripts
.venv/bin/ruff format --check src tests benchmarks scripts
.venv/bin/mypy
.venv/bin/python -m pytest -q "$@"
