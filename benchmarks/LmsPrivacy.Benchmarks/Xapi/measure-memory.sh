#!/bin/sh
# Peak resident memory of `lmsprivacy xapi pseudonymize` on a 10 MB and a 1 GB NDJSON file (GNU time, max RSS in KB).
# Usage: benchmarks/LmsPrivacy.Benchmarks/Xapi/measure-memory.sh [dir]   (needs python3 and /usr/bin/time)
set -e
dir=${1:-/tmp}
here=$(dirname "$0")
root=$(cd "$here/../../.." && pwd)
dotnet build -c Release "$root/src/LmsPrivacy.Cli" -v q -nologo >/dev/null
cli="$root/src/LmsPrivacy.Cli/bin/Release/net10.0/LmsPrivacy.Cli"
[ -x "$cli" ] || cli="dotnet $root/src/LmsPrivacy.Cli/bin/Release/net10.0/LmsPrivacy.Cli.dll"
for mb in 10 1000; do
  in="$dir/xapi-$mb.ndjson"
  [ -f "$in" ] || python3 "$here/generate-ndjson.py" "$in" "$mb"
  /usr/bin/time -f "$mb MB: max RSS %M KB, %e s wall, %U s user" $cli xapi pseudonymize "$in" --out "$dir/xapi-$mb.out.ndjson" \
    --key-file "$root/samples/keys/demo.key" --home-page https://lms.example.org/pseudonyms
  /usr/bin/time -f "$mb MB validate: max RSS %M KB, %e s wall, %U s user" $cli xapi validate "$in" | tail -1
  rm -f "$dir/xapi-$mb.out.ndjson"
done
