#!/usr/bin/env bash
# Installs what rainforest needs from Debian 12 packages, then builds it (Release).
# Idempotent: packages already present are not reinstalled. Runs as root or with sudo.
set -euo pipefail
cd "$(dirname "$0")/.."

PACKAGES=(
  build-essential cmake ninja-build git pkg-config
  libeigen3-dev libboost-graph-dev libyaml-cpp-dev libhdf5-dev hdf5-tools
  libcli11-dev libgtest-dev libgmock-dev clang-format clang-tidy
  libnlopt-cxx-dev libopenmpi-dev openmpi-bin clang libclang-rt-14-dev
  python3-h5py python3-numpy python3-pandas python3-matplotlib python3-scipy python3-yaml chromium
  python3-xarray python3-h5netcdf python3-statsmodels r-cran-hdf5r r-bioc-rhdf5
)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "rainforest setup: installing ${missing[*]}" >&2
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

cmake --preset release >/dev/null
cmake --build --preset release
