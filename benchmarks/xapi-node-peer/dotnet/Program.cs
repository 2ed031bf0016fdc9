using System.Diagnostics;
using System.Globalization;
using LmsPrivacy.Xapi.Streaming;
using LmsPrivacy.Xapi.Validation;

// Validates every statement of an NDJSON file (read from disk, split, parse, validate), once to warm up and then
// measured, and prints statements/s by wall clock and by process CPU time. Usage: XapiNodePeer.DotNet FILE [PASSES]
if (args.Length < 1)
{
    Console.Error.WriteLine("usage: XapiNodePeer.DotNet FILE.ndjson [PASSES]");
    return 2;
}

var file = args[0];
var passes = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1;
var stage = args.Length > 2 ? args[2] : "validate"; // "split" or "parse" measure only the first stages (profiling)
var validator = new StatementValidator();

Run(file, validator, stage); // warm-up pass (JIT, tiering)
var process = Process.GetCurrentProcess();
var cpu0 = process.TotalProcessorTime;
var wall = Stopwatch.StartNew();
var statements = 0;
var invalid = 0;
for (var p = 0; p < passes; p++)
{
    var (n, bad) = Run(file, validator, stage);
    statements += n;
    invalid += bad;
}

wall.Stop();
process.Refresh();
var cpu = (process.TotalProcessorTime - cpu0).TotalSeconds;
var seconds = wall.Elapsed.TotalSeconds;
Console.WriteLine(string.Create(
    CultureInfo.InvariantCulture,
    $".NET LmsPrivacy.Xapi StatementValidator: {statements} statements ({invalid} invalid), wall {seconds:F3} s = {statements / seconds:F0} statements/s, cpu {cpu:F3} s = {statements / cpu:F0} statements/cpu-s"));
return 0;

static (int Statements, int Invalid) Run(string file, StatementValidator validator, string stage)
{
    using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
    using var reader = new StatementReader(stream);
    var statements = 0;
    var invalid = 0;
    while (reader.Read())
    {
        if (stage == "split")
        {
            statements++;
            continue;
        }

        using var document = reader.ParseCurrent();
        statements++;
        if (stage != "parse" && !validator.Validate(document.RootElement).IsValid)
        {
            invalid++;
        }
    }

    return (statements, invalid);
}
