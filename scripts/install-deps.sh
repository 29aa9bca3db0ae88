#!/usr/bin/env bash
# Installs the Debian packages Kiln needs to build and test. Idempotent: only
# calls apt-get when a package is missing. Needs root (or sudo). Arguments
# name further packages (e.g. what scripts/check-real-models.sh needs).
set -euo pipefail

packages=(
  cmake ninja-build ccache git python3
  clang-22 lld-22 llvm-22-dev llvm-22-tools libmlir-22-dev mlir-22-tools
  libonnx-dev libprotobuf-dev protobuf-compiler python3-onnx python3-numpy
  libonnx-testdata libgtest-dev
  python3-dev pybind11-dev python3-pytest
  "$@"
)

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" ||
    missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
echo "Installing: ${missing[*]}"
$sudo apt-get update -q
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
