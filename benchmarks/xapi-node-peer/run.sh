#!/usr/bin/env bash
# Validates the same NDJSON file of typical xAPI statements with @learninglocker/xapi-validation (node) and with
# LmsPrivacy.Xapi's StatementValidator (.NET, Release), and prints statements/s for each and the ratio.
# Both sides read the file, split it into statements, parse and validate each one, after one warm-up pass.
# Usage: benchmarks/xapi-node-peer/run.sh [SIZE_MB (default 30)] [PASSES (default 3)]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
size_mb="${1:-30}"
passes="${2:-3}"
file="${TMPDIR:-/tmp}/lmsprivacy-xapi-peer-${size_mb}mb.ndjson"

[ -f "$file" ] || python3 "$root/benchmarks/LmsPrivacy.Benchmarks/Xapi/generate-ndjson.py" "$file" "$size_mb"
[ -d "$here/node_modules/@learninglocker/xapi-validation" ] || (cd "$here" && npm ci --no-audit --no-fund)
dotnet build -c Release "$here/dotnet" -v quiet -nologo >/dev/null

echo "input: $file ($(wc -l <"$file") statements, $(wc -c <"$file") bytes); node $(node --version); $(nproc) cores, load: $(cut -d' ' -f1-3 /proc/loadavg)"
node_out="$(node "$here/validate.js" "$file" "$passes")"
dotnet_out="$("$here/dotnet/bin/Release/net10.0/XapiNodePeer.DotNet" "$file" "$passes")"
echo "$node_out"
echo "$dotnet_out"
rate() { sed -E "s/.*= ([0-9]+) statements\/$1.*/\1/" <<<"$2"; }
python3 - "$(rate s "$node_out")" "$(rate s "$dotnet_out")" "$(rate cpu-s "$node_out")" "$(rate cpu-s "$dotnet_out")" <<'PY'
import sys
nw, dw, nc, dc = map(float, sys.argv[1:])
print(f"ratio .NET / node: {dw / nw:.1f}x by wall clock, {dc / nc:.1f}x by CPU time")
PY
