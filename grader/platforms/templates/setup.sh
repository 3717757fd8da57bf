#!/usr/bin/env bash
# Gradescope runs this once, when it builds the autograder's image (made by `mpkit gradescope`).
# It installs the kit from the copy in this zip into a virtual environment; pip fetches only
# the kit's dependencies.
set -euo pipefail
ROOT="${MPKIT_AUTOGRADER_ROOT:-/autograder}"
SOURCE="$(cd "$(dirname "$0")" && pwd)"
if ! python3 -m venv "$ROOT/mpkit-venv"; then
    apt-get update
    apt-get install -y python3 python3-venv python3-pip
    python3 -m venv "$ROOT/mpkit-venv"
fi
"$ROOT/mpkit-venv/bin/python" -m pip install --quiet --upgrade pip
"$ROOT/mpkit-venv/bin/python" -m pip install --quiet "$SOURCE/mpkit"
