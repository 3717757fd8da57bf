#!/usr/bin/env bash
# Gradescope runs this once, when it builds the autograder's image (made by `mpkit gradescope`).
# The kit needs Python 3.10 or later: choose the Ubuntu 22.04 or 24.04 base image in the
# assignment's autograder settings (their python3 is 3.10 and 3.12; Ubuntu 20.04's is 3.8).
# On an image without one it tries apt (python3, python3-venv), then Python 3.12 through uv
# (https://docs.astral.sh/uv/), and stops with a message naming the image to choose when both
# fail. Then it installs the kit from the copy in this zip into a virtual environment; pip
# fetches only the kit's dependencies.
set -euo pipefail
ROOT="${MPKIT_AUTOGRADER_ROOT:-/autograder}"
SOURCE="$(cd "$(dirname "$0")" && pwd)"
NEEDED="3.10"

supported() {  # the first Python of 3.10 or later on PATH
    local candidate
    for candidate in python3.14 python3.13 python3.12 python3.11 python3.10 python3; do
        if command -v "$candidate" >/dev/null 2>&1 &&
            "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 10))' >/dev/null 2>&1; then
            echo "$candidate"
            return 0
        fi
    done
    return 1
}

found() {  # what python3 is here, for the messages
    python3 --version 2>&1 || echo "no python3"
}

with_uv() {  # Python 3.12 from uv's own builds, under $ROOT: any Linux image, no PPA
    command -v curl >/dev/null 2>&1 || return 1
    curl -LsSf https://astral.sh/uv/install.sh | env UV_INSTALL_DIR="$ROOT/uv" UV_NO_MODIFY_PATH=1 sh || return 1
    UV_PYTHON_INSTALL_DIR="$ROOT/uv-python" "$ROOT/uv/uv" python install 3.12 >&2 || return 1
    UV_PYTHON_INSTALL_DIR="$ROOT/uv-python" "$ROOT/uv/uv" python find 3.12
}

PY="$(supported || true)"
if [ -z "$PY" ]; then
    echo "mpkit: the autograder needs Python $NEEDED or later; this image has $(found). Installing one." >&2
    if command -v apt-get >/dev/null 2>&1; then
        { apt-get update && apt-get install -y python3 python3-venv python3-pip; } >&2 || true
        PY="$(supported || true)"
    fi
fi
if [ -z "$PY" ]; then
    PY="$(with_uv || true)"
fi
if [ -z "$PY" ]; then
    echo "mpkit: cannot build the autograder: it needs Python $NEEDED or later, and this image has" \
         "$(found), which apt and uv could not replace. Choose the Ubuntu 22.04 or 24.04 base image" \
         "in the assignment's autograder settings and upload the zip again." >&2
    exit 1
fi
echo "mpkit: installing the kit with $PY ($("$PY" --version 2>&1))" >&2
if ! "$PY" -m venv "$ROOT/mpkit-venv"; then  # Debian and Ubuntu ship venv apart
    apt-get install -y "$(basename "$PY")-venv"
    "$PY" -m venv "$ROOT/mpkit-venv"
fi
"$ROOT/mpkit-venv/bin/python" -m pip install --quiet --upgrade pip
"$ROOT/mpkit-venv/bin/python" -m pip install --quiet "$SOURCE/mpkit"
