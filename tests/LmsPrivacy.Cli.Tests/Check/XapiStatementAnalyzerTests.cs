using System.Text;
using LmsPrivacy.Cli.Commands.Check;
using LmsPrivacy.Cli.Commands.Check.Analyzers;

namespace LmsPrivacy.Cli.Tests.Check;

public sealed class XapiStatementAnalyzerTests
{
    private static XapiStatementAnalyzer.StatementScan Scan(string text) =>
        XapiStatementAnalyzer.Scan(new MemoryStream(Encoding.UTF8.GetBytes(text)), 64, TestContext.Current.CancellationToken);

    [Fact]
    public void Scan_Array_CountsIdentifiersWithPathOfFirst()
    {
        var group = """{"actor":{"objectType":"Group","member":[{"account":{"homePage":"https://a.example","name":"1"}},{"mbox":"mailto:x@example.org","name":"X"}]},"verb":{"id":"v"},"object":{"id":"o"},"result":{"response":"free text","score":{"scaled":0.5}}}""";
        var scan = Scan("[" + CheckFixtures.PseudonymousStatement + "," + group + "," + CheckFixtures.Statement + "]");

        Assert.True(scan.IsArray);
        Assert.Equal(3, scan.Statements);
        Assert.Equal(2, scan.Mbox);
        Assert.Equal(2, scan.StatementsWithMbox);
        Assert.Equal("$[1].actor.member[1].mbox", scan.FirstMbox);
        Assert.Equal(2, scan.Names);
        Assert.Equal("$[1].actor.member[1].name", scan.FirstName);
        Assert.Equal(1, scan.Responses);
        Assert.Equal("$[1].result.response", scan.FirstResponse);
        Assert.Equal(["lrs.vendor.example"], scan.LrsHosts);
        Assert.Null(scan.MalformedAtStatement);
    }

    [Fact]
    public void Scan_ActivityNameAndVerbDisplay_AreNotPersonNames()
    {
        var statement = """{"actor":{"account":{"homePage":"https://a.example","name":"1"}},"verb":{"id":"v","display":{"en":"done"}},"object":{"id":"o","definition":{"name":{"en":"Course"}}}}""";

        var scan = Scan(statement);

        Assert.Equal(0, scan.Names);
        Assert.Equal(0, scan.Mbox);
    }

    [Fact]
    public void Scan_NotAStatement_Counted()
    {
        var scan = Scan("[" + CheckFixtures.Statement + ",42,{\"verb\":{}}]");

        Assert.Equal(2, scan.NotStatements);
        Assert.Equal("$[1]", scan.FirstNotStatement);
    }

    [Fact]
    public void Scan_MalformedInTheMiddle_ReportsStatementIndexAndByteOffset()
    {
        var first = CheckFixtures.Statement + "\n";
        var broken = "{\"actor\":{\"mbox\":\"mailto:a@example.org\"},\"verb\":";
        var scan = Scan(first + first + broken + "}\n" + first);

        Assert.Equal(2, scan.MalformedAtStatement); // the third value (index 2)
        // The reader stops at the '}' that follows "verb": (computed by hand: the offset of that byte).
        var expectedOffset = Encoding.UTF8.GetByteCount(first + first + broken);
        Assert.Equal(expectedOffset, scan.MalformedAtByte);
        Assert.Equal(2, scan.Statements - 1); // the broken one was started
    }

    [Fact]
    public void Scan_Truncated_ReportsLastStatement()
    {
        var scan = Scan(CheckFixtures.Statement + "\n{\"actor\":{");

        Assert.Equal(1, scan.MalformedAtStatement);
    }

    [Fact]
    public void Scan_TooDeep_Flagged()
    {
        var deep = "{\"actor\":{},\"verb\":{},\"object\":" + string.Concat(Enumerable.Repeat("[", 100)) + string.Concat(Enumerable.Repeat("]", 100)) + "}";

        var scan = Scan(deep);

        Assert.True(scan.MalformedTooDeep);
        Assert.Equal(0, scan.MalformedAtStatement);
    }

    [Fact]
    public void Scan_TokenLongerThanTheBuffer_StillRead()
    {
        var longResponse = new string('a', 200_000); // larger than the 64 KiB initial buffer
        var statement = "{\"actor\":{\"mbox\":\"mailto:a@example.org\"},\"verb\":{\"id\":\"v\"},\"object\":{\"id\":\"o\"},\"result\":{\"response\":\"" + longResponse + "\"}}";

        var scan = Scan(statement + "\n" + statement);

        Assert.Equal(2, scan.Statements);
        Assert.Equal(2, scan.Responses);
        Assert.Null(scan.MalformedAtStatement);
    }

    [Fact]
    public void Scan_MultiMegabyteNdjson_StreamsWithFlatMemory()
    {
        // A generated NDJSON stream (not a file, never held whole): 8 MiB and 32 MiB. If the scanner buffered the
        // input, or allocated per token, allocations would grow with the size; streamed, they stay near constant.
        long Allocated(int megabytes)
        {
            using var stream = new GeneratedNdjson(megabytes * 1024L * 1024);
            var before = GC.GetAllocatedBytesForCurrentThread();
            var scan = XapiStatementAnalyzer.Scan(stream, 64, TestContext.Current.CancellationToken);
            var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.Equal(stream.Statements, scan.Statements);
            Assert.Equal(stream.Statements, scan.Mbox);
            Assert.Null(scan.MalformedAtStatement);
            return allocated;
        }

        var small = Allocated(8);
        var large = Allocated(32);

        Assert.True(large < 4L * 1024 * 1024, $"scanning 32 MiB allocated {large:N0} bytes");
        Assert.True(large < small * 2 + 1024 * 1024, $"allocations grew with the input: {small:N0} -> {large:N0}");
    }

    /// <summary>An NDJSON stream of statements generated on the fly.</summary>
    private sealed class GeneratedNdjson(long approximateLength) : Stream
    {
        private static readonly byte[] Line = Encoding.UTF8.GetBytes(
            """{"id":"6f1e2d3c-4b5a-4968-8776-655443322110","actor":{"mbox":"mailto:learner@example.org"},"verb":{"id":"http://adlnet.gov/expapi/verbs/answered"},"object":{"id":"https://lms.example.org/q/1"},"result":{"score":{"scaled":0.5}},"authority":{"account":{"homePage":"https://lrs.vendor.example","name":"c"}}}""" + "\n");

        private readonly long _length = approximateLength / Line.Length * Line.Length;
        private long _position;

        public long Statements => _length / Line.Length;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var written = 0;
            while (written < count && _position < _length)
            {
                var inLine = (int)(_position % Line.Length);
                var n = Math.Min(count - written, Line.Length - inLine);
                Array.Copy(Line, inLine, buffer, offset + written, n);
                written += n;
                _position += n;
            }

            return written;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
