#!/usr/bin/env bash
# The README's test command: installs what the tests need when it is missing, then runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian packages the tests drive (Jupyter's own client libraries, for the kernel tests).
apt_packages=(python3-jupyter-client python3-nbclient)
missing=()
for p in "${apt_packages[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if ((${#missing[@]})); then
  if [[ $(id -u) -ne 0 ]]; then
    echo "tests/test.sh: missing Debian packages: ${missing[*]}; install them with: sudo apt-get install ${missing[*]}" >&2
    exit 2
  fi
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# Microsoft's engine, pinned in dotnet-tools.json, for the conformance tests.
dotnet tool restore >/dev/null

dotnet test "$@"
