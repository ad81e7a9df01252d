#!/usr/bin/env bash
# Configures and builds with the given CMake preset (default: "default", a Debug build in build/).
set -euo pipefail
cd "$(dirname "$0")/.."
preset=${1:-default}
cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset" --parallel "$(nproc)"
