using System.Buffers;
using System.Text.Json;
using System.Text.Unicode;
using LmsPrivacy.Findings;

namespace LmsPrivacy.Xapi.Streaming;

/// <summary>
/// Reads the statements of a stream one at a time without loading the stream: a single statement, a JSON array of
/// statements, or newline-delimited JSON (detected from the first bytes). Memory is bounded by the largest statement,
/// not by the input.
/// </summary>
/// <remarks>
/// <para>Each statement is handed out as its raw UTF-8 bytes (<see cref="Current"/>), checked for valid UTF-8, the size
/// limit and the depth limit; <see cref="ParseCurrent"/> parses it. Anything that stops reading — malformed or
/// truncated JSON, a missing comma, data after the array — throws <see cref="StatementStreamException"/> with the
/// statement index and byte offset.</para>
/// <para>Not thread-safe. The stream is not disposed unless <c>leaveOpen</c> is false.</para>
/// </remarks>
public sealed class StatementReader : IDisposable
{
    private const int InitialBufferSize = 64 * 1024;
    private static readonly SearchValues<byte> StringSpecial = SearchValues.Create("\"\\"u8);
    private static readonly SearchValues<byte> ScalarEnd = SearchValues.Create(" \t\r\n,]}"u8);

    private readonly Stream _input;
    private readonly bool _leaveOpen;
    private readonly int _maxStatementBytes;
    private readonly int _maxDepth;
    private readonly JsonDocumentOptions _documentOptions;
    private byte[] _buffer;
    private int _start;
    private int _end;
    private long _bufferOffset;
    private bool _eof;
    private State _state;
    private int _count;

    // Scan state of the value being read (survives buffer refills); positions are relative to _start.
    private int _scanPosition;
    private int _depth;
    private bool _inString;
    private bool _scanning;

    /// <summary>Initializes a reader with the default limits.</summary>
    /// <param name="input">The stream of statements.</param>
    /// <param name="leaveOpen">Whether to leave the stream open when the reader is disposed.</param>
    public StatementReader(Stream input, bool leaveOpen = false)
        : this(input, new XapiOptions(), leaveOpen)
    {
    }

    /// <summary>Initializes a reader with limits from options.</summary>
    /// <param name="input">The stream of statements.</param>
    /// <param name="options">The options; <see cref="XapiOptions.MaxStatementBytes"/> and <see cref="XapiOptions.MaxDepth"/> are used.</param>
    /// <param name="leaveOpen">Whether to leave the stream open when the reader is disposed.</param>
    public StatementReader(Stream input, XapiOptions options, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxStatementBytes, 16);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxDepth, 2);
        _input = input;
        _leaveOpen = leaveOpen;
        _maxStatementBytes = options.MaxStatementBytes;
        _maxDepth = options.MaxDepth;
        _documentOptions = new JsonDocumentOptions { MaxDepth = options.MaxDepth };
        _buffer = ArrayPool<byte>.Shared.Rent(Math.Min(InitialBufferSize, options.MaxStatementBytes + 16));
        Index = -1;
    }

    private enum State
    {
        Start,
        ArrayFirst,
        ArrayAfterValue,
        ArrayNext,
        ArrayDone,
        TopLevel,
        Done,
    }

    /// <summary>Gets the layout of the input; known after the first call to <see cref="ReadAsync"/> or <see cref="Read"/>.</summary>
    public StatementContainer Container { get; private set; }

    /// <summary>Gets the zero-based index of <see cref="Current"/>; -1 before the first statement.</summary>
    public int Index { get; private set; }

    /// <summary>Gets the byte offset of <see cref="Current"/> in the input.</summary>
    public long ByteOffset { get; private set; }

    /// <summary>Gets the UTF-8 bytes of the current statement; valid until the next read.</summary>
    public ReadOnlyMemory<byte> Current { get; private set; }

    /// <summary>Advances to the next statement.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns><see langword="true"/> when a statement was read; <see langword="false"/> at the end of the input.</returns>
    /// <exception cref="StatementStreamException">The input cannot be read on.</exception>
    public async ValueTask<bool> ReadAsync(CancellationToken cancellationToken = default)
    {
        while (true)
        {
            var step = TryNext();
            if (step != Step.NeedMore)
            {
                return step == Step.Statement;
            }

            await FillAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Advances to the next statement, blocking on the stream.</summary>
    /// <returns><see langword="true"/> when a statement was read; <see langword="false"/> at the end of the input.</returns>
    /// <exception cref="StatementStreamException">The input cannot be read on.</exception>
    public bool Read()
    {
        while (true)
        {
            var step = TryNext();
            if (step != Step.NeedMore)
            {
                return step == Step.Statement;
            }

            Compact();
            var read = _input.Read(_buffer, _end, _buffer.Length - _end);
            Filled(read);
        }
    }

    /// <summary>Parses the current statement.</summary>
    /// <returns>A document the caller disposes.</returns>
    /// <exception cref="StatementStreamException">The statement is not well-formed JSON or nests too deep.</exception>
    public JsonDocument ParseCurrent()
    {
        try
        {
            return JsonDocument.Parse(Current, _documentOptions);
        }
        catch (JsonException ex)
        {
            throw ToStreamException(ex);
        }
    }

    /// <summary>Turns a parser error on the current statement into a <see cref="StatementStreamException"/>.</summary>
    /// <param name="exception">The parser error.</param>
    /// <returns>The exception to throw, with index and byte offset.</returns>
    public StatementStreamException ToStreamException(JsonException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var finding = Validation.StatementValidator.JsonError(exception, "$");
        var rule = finding.Code == XapiRules.JsonTooDeep.Code ? XapiRules.JsonTooDeep : XapiRules.JsonMalformed;
        var offset = ByteOffset + OffsetWithin(exception);
        return new StatementStreamException(rule, rule == XapiRules.JsonTooDeep ? "The statement nests deeper than the limit" : "The statement is not well-formed JSON", Index, offset);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (_buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
        }

        if (!_leaveOpen)
        {
            _input.Dispose();
        }
    }

    private long OffsetWithin(JsonException exception)
    {
        // Statements on one line (NDJSON, compact arrays) make line/byte an offset; otherwise walk the lines.
        if (exception.LineNumber is not { } line || exception.BytePositionInLine is not { } column)
        {
            return 0;
        }

        var span = Current.Span;
        long offset = 0;
        for (long i = 0; i < line; i++)
        {
            var newline = span[(int)offset..].IndexOf((byte)'\n');
            if (newline < 0)
            {
                return offset;
            }

            offset += newline + 1;
        }

        return Math.Min(offset + column, span.Length);
    }

    private enum Step
    {
        Statement,
        End,
        NeedMore,
    }

    private Step TryNext()
    {
        while (true)
        {
            if (_state == State.Done)
            {
                return Step.End;
            }

            if (!_scanning)
            {
                var span = _buffer.AsSpan(_start, _end - _start);
                if (_state == State.Start && _bufferOffset + _start == 0)
                {
                    if (span.Length < 3 && !_eof)
                    {
                        return Step.NeedMore;
                    }

                    if (span.StartsWith("\uFEFF"u8))
                    {
                        _start += 3;
                        continue;
                    }
                }

                var skip = span.IndexOfAnyExcept(" \t\r\n"u8);
                if (skip < 0)
                {
                    _start = _end;
                    if (!_eof)
                    {
                        return Step.NeedMore;
                    }

                    return AtEnd();
                }

                _start += skip;
                var c = _buffer[_start];
                switch (_state)
                {
                    case State.Start:
                        if (c == '[')
                        {
                            Container = StatementContainer.Array;
                            _state = State.ArrayFirst;
                            _start++;
                            continue;
                        }

                        Container = StatementContainer.SingleStatement;
                        _state = State.TopLevel;
                        break;
                    case State.ArrayFirst when c == ']':
                        _state = State.ArrayDone;
                        _start++;
                        continue;
                    case State.ArrayAfterValue:
                        if (c == ',')
                        {
                            _state = State.ArrayNext;
                            _start++;
                            continue;
                        }

                        if (c == ']')
                        {
                            _state = State.ArrayDone;
                            _start++;
                            continue;
                        }

                        throw Fail(XapiRules.JsonMalformed, "Expected ',' or ']' after a statement in the array", Index + 1, 0);
                    case State.ArrayNext when c == ']':
                        throw Fail(XapiRules.JsonMalformed, "A ',' is followed by ']' (trailing comma)", Index + 1, 0);
                    case State.ArrayDone:
                        throw Fail(XapiRules.JsonMalformed, "Data follows the end of the array", Index + 1, 0);
                    case State.TopLevel when Index >= 0:
                        Container = StatementContainer.Lines;
                        break;
                }

                _scanning = true;
                _scanPosition = 0;
                _depth = 0;
                _inString = false;
            }

            var length = ScanValue();
            if (length < 0)
            {
                if (_eof)
                {
                    if (length == -2)
                    {
                        length = _end - _start; // a bare scalar ends at the end of the input
                    }
                    else
                    {
                        throw Fail(XapiRules.JsonMalformed, "The input ends inside a statement (truncated)", Index + 1, _end - _start);
                    }
                }
                else
                {
                    return Step.NeedMore;
                }
            }

            _scanning = false;
            var value = _buffer.AsMemory(_start, length);
            if (!Utf8.IsValid(value.Span))
            {
                throw Fail(XapiRules.JsonInvalidUtf8, "The statement is not valid UTF-8", Index + 1, 0);
            }

            Index++;
            _count++;
            ByteOffset = _bufferOffset + _start;
            Current = value;
            _start += length;
            if (_state is State.ArrayFirst or State.ArrayNext)
            {
                _state = State.ArrayAfterValue;
            }

            return Step.Statement;
        }
    }

    private Step AtEnd()
    {
        switch (_state)
        {
            case State.Start:
                throw Fail(XapiRules.JsonMalformed, "The input holds no JSON value", 0, 0);
            case State.ArrayFirst or State.ArrayAfterValue or State.ArrayNext:
                throw Fail(XapiRules.JsonMalformed, "The input ends before the array is closed (truncated)", Index + 1, 0);
            default:
                _state = State.Done;
                Current = default;
                return Step.End;
        }
    }

    /// <summary>Returns the length of the value at <see cref="_start"/>, -1 when more input is needed, -2 for an unterminated scalar.</summary>
    private int ScanValue()
    {
        var span = _buffer.AsSpan(_start, _end - _start);
        var first = span[0];
        if (first is not ((byte)'{' or (byte)'[' or (byte)'"'))
        {
            var stop = span.IndexOfAny(ScalarEnd);
            if (stop < 0)
            {
                CheckSize(span.Length);
                return -2;
            }

            return stop;
        }

        var position = _scanPosition;
        if (position == 0)
        {
            if (first == '"')
            {
                _inString = true;
            }
            else
            {
                _depth = 1;
            }

            position = 1;
        }

        while (position < span.Length)
        {
            if (_inString)
            {
                var next = span[position..].IndexOfAny(StringSpecial);
                if (next < 0)
                {
                    position = span.Length;
                    break;
                }

                position += next;
                if (span[position] == '\\')
                {
                    if (position + 1 >= span.Length)
                    {
                        break; // resume at the backslash once more bytes arrive
                    }

                    position += 2;
                    continue;
                }

                _inString = false;
                position++;
                if (_depth == 0)
                {
                    return position; // a top-level string
                }

                continue;
            }

            // Outside strings the next structural byte is usually one or two bytes away (':"' or ',"'), so a plain loop
            // beats a vectorized search here; strings (the long runs) still use IndexOfAny above.
            while (position < span.Length && !IsStructural(span[position]))
            {
                position++;
            }

            if (position == span.Length)
            {
                break;
            }

            switch (span[position])
            {
                case (byte)'"':
                    _inString = true;
                    break;
                case (byte)'{' or (byte)'[':
                    if (++_depth > _maxDepth)
                    {
                        throw Fail(XapiRules.JsonTooDeep, "The statement nests deeper than the limit", Index + 1, position);
                    }

                    break;
                default:
                    if (--_depth == 0)
                    {
                        return CheckSize(position + 1);
                    }

                    break;
            }

            position++;
        }

        _scanPosition = position;
        CheckSize(position);
        return -1;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static bool IsStructural(byte b) => b is (byte)'"' or (byte)'{' or (byte)'}' or (byte)'[' or (byte)']';

    private int CheckSize(int length)
    {
        if (length > _maxStatementBytes)
        {
            throw Fail(XapiRules.JsonTooLarge, "The statement is larger than the size limit", Index + 1, length);
        }

        return length;
    }

    private StatementStreamException Fail(RuleDescriptor rule, string message, int index, long relativeOffset)
    {
        _state = State.Done;
        return new StatementStreamException(rule, message, index, _bufferOffset + _start + relativeOffset);
    }

    private async ValueTask FillAsync(CancellationToken cancellationToken)
    {
        Compact();
        var read = await _input.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
        Filled(read);
    }

    private void Compact()
    {
        if (_start > 0)
        {
            var pending = _end - _start;
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, pending);
            _bufferOffset += _start;
            _start = 0;
            _end = pending;
        }

        if (_end == _buffer.Length)
        {
            var size = (int)Math.Min((long)_buffer.Length * 2, (long)_maxStatementBytes + 16);
            if (size <= _buffer.Length)
            {
                throw Fail(XapiRules.JsonTooLarge, "The statement is larger than the size limit", Index + 1, _end);
            }

            var bigger = ArrayPool<byte>.Shared.Rent(size);
            Buffer.BlockCopy(_buffer, 0, bigger, 0, _end);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = bigger;
        }
    }

    private void Filled(int read)
    {
        if (read == 0)
        {
            _eof = true;
        }

        _end += read;
    }

    /// <summary>Gets the number of statements read so far.</summary>
    public int Count => _count;

    /// <summary>Returns the finding for a value that is not a JSON object, at <c>$[index]</c>.</summary>
    /// <returns>The finding.</returns>
    internal Finding NotObjectFinding() =>
        XapiRules.ContainerNotObject.At(FormattableString.Invariant($"$[{Index}]"), "This value is not a JSON object, so it cannot be a statement.");
}
