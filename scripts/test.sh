#!/usr/bin/env bash
# Installs dependencies, builds everything and runs the whole test suite
# (lit + FileCheck, through ctest). Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."

./scripts/install-deps.sh
./scripts/build.sh
ctest --test-dir build --output-on-failure --verbose
