#!/usr/bin/env bash
# Installs, builds and runs the app on http://localhost:${PORT:-3000} with the demo plan loaded.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
npm run build
exec npm start
