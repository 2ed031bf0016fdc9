#!/usr/bin/env bash
# Renders an HTML report from `lmsprivacy check` to a PNG with headless Chromium (Debian package `chromium`),
# with every background network feature off. Optionally records Chromium's net-log so you can see that the
# page asked the network for nothing.
#
#   scripts/render-report.sh <report.html> <out.png> [width] [height] [netlog.json]
#
# Example (desktop and phone widths):
#   dotnet run --project src/LmsPrivacy.Cli -- check samples/check --out /tmp/report --now 2026-11-24T09:00:00Z
#   scripts/render-report.sh /tmp/report/check-report.html /tmp/report/desktop.png 1280 2400
#   scripts/render-report.sh /tmp/report/check-report.html /tmp/report/phone.png 390 2400
set -euo pipefail

if [[ $# -lt 2 ]]; then
  echo "usage: $0 <report.html> <out.png> [width] [height] [netlog.json]" >&2
  exit 2
fi

html=$(realpath "$1")
png=$(realpath -m "$2")
width=${3:-1280}
height=${4:-2400}
netlog=${5:-}
chromium=${CHROMIUM:-/usr/bin/chromium}

if [[ ! -x "$chromium" ]]; then
  echo "$0: $chromium not found; install it with: apt-get update && apt-get install -y chromium" >&2
  exit 2
fi

profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT

args=(
  --headless --no-sandbox --disable-gpu
  --disable-background-networking --disable-component-update --disable-sync --no-first-run
  --disable-default-apps --disable-extensions --no-default-browser-check --hide-scrollbars
  --host-resolver-rules="MAP * ~NOTFOUND"
  --user-data-dir="$profile"
  --window-size="${width},${height}"
  --screenshot="$png"
)
if [[ -n "$netlog" ]]; then
  args+=(--log-net-log="$(realpath -m "$netlog")" --net-log-capture-mode=Default)
fi

"$chromium" "${args[@]}" "file://$html" >/dev/null 2>&1
test -s "$png"
echo "$png"
