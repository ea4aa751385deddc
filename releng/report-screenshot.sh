#!/usr/bin/env bash
# The evidence pack's report, first page as printed (A4), to target/screenshots/report-page1.png.
#   releng/report-screenshot.sh [PACK-DIR]    (default: the newest pack the tests exported)
# Needs a headless browser and pdftoppm, which CI does not install:
#   apt-get install -y chromium poppler-utils
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
pack=${1:-$(ls -td "${TMPDIR:-/tmp}"/crossbill-evidence-*/ 2>/dev/null | head -1)}
report="${pack%/}/report.html"
[ -f "$report" ] || { echo "report-screenshot: no report.html in '${pack}'; export an evidence pack first (or run the UI tests)" >&2; exit 2; }
command -v chromium >/dev/null || { echo "report-screenshot: needs chromium (apt-get install -y chromium)" >&2; exit 2; }
command -v pdftoppm >/dev/null || { echo "report-screenshot: needs pdftoppm (apt-get install -y poppler-utils)" >&2; exit 2; }
out="$root/target/screenshots"
mkdir -p "$out"
pdf=$(mktemp --suffix=.pdf)
trap 'rm -f "$pdf"' EXIT
chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer --print-to-pdf="$pdf" "file://$report" 2>/dev/null
pdftoppm -png -r 100 -f 1 -l 1 -singlefile "$pdf" "$out/report-page1"
echo "$out/report-page1.png (first page of $report)"
