using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using LmsPrivacy.Pseudonymization;
using LmsPrivacy.Xapi.Streaming;

namespace LmsPrivacy.Benchmarks.Xapi;

/// <summary>
/// Streaming pseudonymization of a generated NDJSON file (default 200 MB, set XAPI_BENCH_MB) against the limit: a plain
/// Utf8JsonReader → Utf8JsonWriter token copy of the same bytes (multiple top-level values, buffer refills). Both read the
/// file and write to a null stream. Goal: ≥ 0.5 of the limit's throughput.
/// </summary>
[MemoryDiagnoser]
public class XapiPseudonymizeBenchmarks
{
    private const int ChunkSize = 1 << 16;
    private static readonly byte[] KeyBytes = [.. Enumerable.Range(0, 32).Select(i => (byte)i)];
    private string _path = string.Empty;
    private StatementPseudonymizer _pseudonymizer = null!;

    /// <summary>Gets the size of the generated file in bytes.</summary>
    public long FileBytes { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        var megabytes = int.TryParse(Environment.GetEnvironmentVariable("XAPI_BENCH_MB"), out var mb) ? mb : 200;
        _path = Path.Combine(Path.GetTempPath(), $"lmsprivacy-xapi-bench-{megabytes}mb.ndjson");
        if (!File.Exists(_path) || new FileInfo(_path).Length < megabytes * 1_000_000L)
        {
            XapiStatementCorpus.WriteNdJsonFile(_path, megabytes * 1_000_000L);
        }

        FileBytes = new FileInfo(_path).Length;
        _pseudonymizer = new StatementPseudonymizer(new Pseudonymizer(new PseudonymKey("k1", KeyBytes)), "https://lms.example.org/pseudonyms");
    }

    /// <summary>The limit: tokenize every statement and write every token again.</summary>
    [Benchmark(Baseline = true)]
    public long PlainReaderWriterCopy()
    {
        using var input = new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        var output = new ArrayBufferWriter<byte>(ChunkSize * 2);
        using var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true });
        var buffer = new byte[ChunkSize];
        var state = new JsonReaderState(new JsonReaderOptions { AllowMultipleValues = true });
        var length = 0;
        long total = 0;
        var eof = false;
        while (!eof || length > 0)
        {
            if (!eof)
            {
                if (length == buffer.Length)
                {
                    Array.Resize(ref buffer, buffer.Length * 2);
                }

                var read = input.Read(buffer, length, buffer.Length - length);
                eof = read == 0;
                length += read;
            }

            var reader = new Utf8JsonReader(buffer.AsSpan(0, length), eof, state);
            while (reader.Read())
            {
                CopyToken(ref reader, writer);
                if (reader.CurrentDepth == 0 && reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray)
                {
                    writer.Flush();
                    output.Write("\n"u8);
                    writer.Reset(output);
                    if (output.WrittenCount > ChunkSize)
                    {
                        total += output.WrittenCount;
                        Stream.Null.Write(output.WrittenSpan);
                        output.ResetWrittenCount();
                    }
                }
            }

            var consumed = (int)reader.BytesConsumed;
            Buffer.BlockCopy(buffer, consumed, buffer, 0, length - consumed);
            length -= consumed;
            state = reader.CurrentState;
            if (eof)
            {
                break;
            }
        }

        writer.Flush();
        return total + output.WrittenCount;
    }

    /// <summary>Pseudonymize every actor, same input, same null output.</summary>
    [Benchmark]
    public int Pseudonymize()
    {
        using var input = new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        return _pseudonymizer.PseudonymizeAsync(input, Stream.Null).GetAwaiter().GetResult().Statements;
    }

    private static void CopyToken(ref Utf8JsonReader reader, Utf8JsonWriter writer)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject: writer.WriteStartObject(); break;
            case JsonTokenType.EndObject: writer.WriteEndObject(); break;
            case JsonTokenType.StartArray: writer.WriteStartArray(); break;
            case JsonTokenType.EndArray: writer.WriteEndArray(); break;
            case JsonTokenType.PropertyName:
                if (reader.ValueIsEscaped)
                {
                    writer.WritePropertyName(reader.GetString()!);
                }
                else
                {
                    writer.WritePropertyName(reader.ValueSpan);
                }

                break;
            case JsonTokenType.String:
                if (reader.ValueIsEscaped)
                {
                    writer.WriteStringValue(reader.GetString());
                }
                else
                {
                    writer.WriteStringValue(reader.ValueSpan);
                }

                break;
            case JsonTokenType.Number: writer.WriteRawValue(reader.ValueSpan, skipInputValidation: true); break;
            case JsonTokenType.True: writer.WriteBooleanValue(true); break;
            case JsonTokenType.False: writer.WriteBooleanValue(false); break;
            case JsonTokenType.Null: writer.WriteNullValue(); break;
        }
    }
}
