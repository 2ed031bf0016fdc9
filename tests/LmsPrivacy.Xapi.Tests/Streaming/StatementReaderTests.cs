using System.Text;
using LmsPrivacy.Xapi.Streaming;

namespace LmsPrivacy.Xapi.Tests.Streaming;

public sealed class StatementReaderTests
{
    private static async Task<(StatementContainer Container, List<string> Statements, List<long> Offsets)> ReadAllAsync(string text, XapiOptions? options = null, int chunk = 0)
    {
        Stream stream = new MemoryStream(Encoding.UTF8.GetBytes(text));
        if (chunk > 0)
        {
            stream = new TrickleStream(stream, chunk);
        }

        using var reader = new StatementReader(stream, options ?? new XapiOptions());
        var statements = new List<string>();
        var offsets = new List<long>();
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            Assert.Equal(statements.Count, reader.Index);
            statements.Add(Encoding.UTF8.GetString(reader.Current.Span));
            offsets.Add(reader.ByteOffset);
        }

        return (reader.Container, statements, offsets);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(7)]
    public async Task ReadAsync_Array_YieldsEachStatementWithOffsets(int chunk)
    {
        var (container, statements, offsets) = await ReadAllAsync("""[ {"a":"}"} , {"b":[1,{"c":"\"]"}]} ]""", chunk: chunk);

        Assert.Equal(StatementContainer.Array, container);
        Assert.Equal(["""{"a":"}"}""", """{"b":[1,{"c":"\"]"}]}"""], statements);
        Assert.Equal([2L, 14L], offsets);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    public async Task ReadAsync_ScalarsAndSpacesBetweenStructuralBytes_SplitsExactly(int chunk)
    {
        // Numbers, literals and whitespace sit between the structural bytes the scanner looks for; offsets counted by hand.
        const string First = """{ "n" : -12.5e3 , "b":[ true ,null,{ } ,0] }""";
        const string Second = """{"s":"x{[","t":false}""";
        var (container, statements, offsets) = await ReadAllAsync(First + "\n" + Second + "\n", chunk: chunk);

        Assert.Equal(StatementContainer.Lines, container);
        Assert.Equal([First, Second], statements);
        Assert.Equal([0L, 45L], offsets);
    }

    [Fact]
    public async Task ReadAsync_NdJsonWithBom_YieldsLines()
    {
        var (container, statements, offsets) = await ReadAllAsync("\uFEFF{\"a\":1}\n{\"b\":2}\r\n\n{\"c\":3}\n");

        Assert.Equal(StatementContainer.Lines, container);
        Assert.Equal(3, statements.Count);
        Assert.Equal([3L, 11L, 21L], offsets); // BOM 3 bytes; 3+7+1 = 11; 11+7+2+1 = 21
    }

    [Fact]
    public async Task ReadAsync_SingleStatement_SingleContainer()
    {
        var (container, statements, _) = await ReadAllAsync("  {\"a\":1}  \n");

        Assert.Equal(StatementContainer.SingleStatement, container);
        Assert.Single(statements);
    }

    [Fact]
    public async Task ReadAsync_EmptyArray_NoStatements()
    {
        var (container, statements, _) = await ReadAllAsync("[ ]");

        Assert.Equal(StatementContainer.Array, container);
        Assert.Empty(statements);
    }

    [Theory]
    [InlineData("", "xapi.json.malformed", 0)]
    [InlineData("[{\"a\":1},{\"b\":", "xapi.json.malformed", 1)]
    [InlineData("[{\"a\":1}", "xapi.json.malformed", 1)]
    [InlineData("[{\"a\":1} {\"b\":2}]", "xapi.json.malformed", 1)]
    [InlineData("[{\"a\":1},]", "xapi.json.malformed", 1)]
    [InlineData("[{\"a\":1}] x", "xapi.json.malformed", 1)]
    [InlineData("{\"a\":1}\n{\"b\":\"unterminated}\n", "xapi.json.malformed", 1)]
    public async Task ReadAsync_MalformedOrTruncated_ThrowsWithIndex(string text, string code, int index)
    {
        var ex = await Assert.ThrowsAsync<StatementStreamException>(() => ReadAllAsync(text));

        Assert.Equal(code, ex.Rule.Code);
        Assert.Equal(index, ex.Index);
    }

    [Fact]
    public async Task ReadAsync_InvalidUtf8_Throws()
    {
        var bytes = new byte[] { (byte)'{', (byte)'"', (byte)'a', (byte)'"', (byte)':', (byte)'"', 0xC3, 0x28, (byte)'"', (byte)'}' };
        using var reader = new StatementReader(new MemoryStream(bytes));

        var ex = await Assert.ThrowsAsync<StatementStreamException>(async () => await reader.ReadAsync(TestContext.Current.CancellationToken));

        Assert.Equal("xapi.json.invalid_utf8", ex.Rule.Code);
    }

    [Fact]
    public async Task ReadAsync_HugeString_TooLargeNotOutOfMemory()
    {
        var text = "[{\"a\":\"" + new string('x', 200_000) + "\"}]";

        var ex = await Assert.ThrowsAsync<StatementStreamException>(() => ReadAllAsync(text, new XapiOptions { MaxStatementBytes = 100_000 }));

        Assert.Equal("xapi.json.too_large", ex.Rule.Code);
        Assert.Equal(0, ex.Index);
    }

    [Fact]
    public async Task ReadAsync_DeepNesting_TooDeep()
    {
        var text = "{\"a\":" + new string('[', 10_000) + new string(']', 10_000) + "}";

        var ex = await Assert.ThrowsAsync<StatementStreamException>(() => ReadAllAsync(text));

        Assert.Equal("xapi.json.too_deep", ex.Rule.Code);
    }

    [Fact]
    public async Task ParseCurrent_BadJsonInsideBalancedBraces_ThrowsWithOffset()
    {
        using var reader = new StatementReader(new MemoryStream(Encoding.UTF8.GetBytes("{\"a\":1}\n{\"b\":}\n")));
        Assert.True(await reader.ReadAsync(TestContext.Current.CancellationToken));
        reader.ParseCurrent().Dispose();
        Assert.True(await reader.ReadAsync(TestContext.Current.CancellationToken));

        var ex = Assert.Throws<StatementStreamException>(() => reader.ParseCurrent());

        Assert.Equal(1, ex.Index);
        Assert.InRange(ex.ByteOffset, 8, 15);
        Assert.Equal("$[1]", ex.ToFinding().Path);
    }

    /// <summary>Returns at most a few bytes per read, to exercise buffer refills at every position.</summary>
    private sealed class TrickleStream(Stream inner, int chunk) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, Math.Min(count, chunk));
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => inner.ReadAsync(buffer[..Math.Min(buffer.Length, chunk)], cancellationToken);
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
