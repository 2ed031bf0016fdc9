using System.Collections;

namespace LmsPrivacy.Retention.Evaluation;

/// <summary>Makes the rows of one evaluation from its compact state.</summary>
internal interface IRowSource
{
    /// <summary>Gets the number of rows.</summary>
    int Count { get; }

    /// <summary>Gets the context id of row <paramref name="index"/> without making the row.</summary>
    string IdAt(int index);

    /// <summary>Makes row <paramref name="index"/>.</summary>
    ContextEvaluation RowAt(int index);
}

/// <summary>
/// The rows of one evaluation, each made on its first read and then kept, so a row read twice is the same object. An
/// evaluation of a large tree therefore costs a few arrays, not a million objects, until somebody reads the rows (most
/// callers read the summary and the expired ones). Safe to read from several threads.
/// </summary>
internal sealed class EvaluationRows : IReadOnlyList<ContextEvaluation>
{
    private readonly IRowSource _source;
    private ContextEvaluation?[]? _rows;

    public EvaluationRows(IRowSource source, RetentionSummary summary)
    {
        _source = source;
        Summary = summary;
    }

    /// <summary>Gets the counts per status, computed with the evaluation.</summary>
    public RetentionSummary Summary { get; }

    /// <inheritdoc />
    public int Count => _source.Count;

    /// <inheritdoc />
    public ContextEvaluation this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            var rows = _rows ?? Interlocked.CompareExchange(ref _rows, new ContextEvaluation?[Count], null) ?? _rows!;
            return rows[index] ?? Interlocked.CompareExchange(ref rows[index], _source.RowAt(index), null) ?? rows[index]!;
        }
    }

    /// <summary>Gets the context id of a row without making the row.</summary>
    public string IdAt(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        return _source.IdAt(index);
    }

    /// <inheritdoc />
    public IEnumerator<ContextEvaluation> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    /// <inheritdoc />
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
