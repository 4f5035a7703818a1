#!/usr/bin/env bash
# Installs what the tests need (npm packages, Debian's chromium, LibreOffice, poppler-utils) and runs every test:
# typecheck, unit and integration tests, then the browser tests against the built app.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
if [ ! -x /usr/bin/chromium ]; then
  echo "Installing Debian's chromium for the browser tests..."
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium fonts-dejavu-core >/dev/null
fi
# LibreOffice (Calc and Writer without the GUI, with Carlito, the metric twin of Calibri) and poppler-utils: the tests that open our CSV and
# .xlsx in the users' own office suite and read the printed PDFs (pdftotext) run instead of skipping.
if ! command -v soffice >/dev/null || ! command -v pdftotext >/dev/null; then
  echo "Installing LibreOffice and poppler-utils for the office-suite tests..."
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends libreoffice-calc-nogui libreoffice-writer-nogui fonts-crosextra-carlito poppler-utils >/dev/null
fi
mkdir -p test-results
npm run -s lint
set +e
npx vitest run --reporter=default --reporter=json --outputFile=test-results/unit.json
unit=$?
npm run -s build >/dev/null && npx vitest run --config tests/e2e/vitest.config.ts --reporter=default --reporter=json --outputFile=test-results/e2e.json
e2e=$?
set -e
UNIT_EXIT=$unit E2E_EXIT=$e2e node -e '
  const fs = require("fs");
  let passed = 0, failed = 0, skipped = 0;
  for (const f of ["test-results/unit.json", "test-results/e2e.json"]) {
    if (!fs.existsSync(f)) { failed += 1; console.log(`missing ${f}`); continue; }
    const r = JSON.parse(fs.readFileSync(f, "utf8"));
    passed += r.numPassedTests; failed += r.numFailedTests; skipped += r.numPendingTests;
    // A file that fails without a failing test (it does not load, a hook throws) counts once.
    failed += r.testResults.filter((t) => t.status === "failed" && !t.assertionResults.some((a) => a.status === "failed")).length;
  }
  // Vitest also fails a run whose tests all passed when an error escaped them ("Unhandled Errors" above): count it once.
  if (failed === 0 && (process.env.UNIT_EXIT !== "0" || process.env.E2E_EXIT !== "0")) {
    failed += 1;
    console.log("An error escaped the tests: see \"Unhandled Errors\" above.");
  }
  console.log(`Tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
'
[ "$unit" -eq 0 ] && [ "$e2e" -eq 0 ]
