using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;

namespace LmsPrivacy.Scorm.DataModel;

/// <summary>
/// The catalog of one SCORM version's run-time data model: every element with type, access, SPM or range,
/// vocabulary, GDPR category and the mapping to the other version.
/// </summary>
/// <remarks>
/// Concrete paths such as <c>cmi.interactions.12.learner_response</c> resolve to their pattern
/// (<c>cmi.interactions.n.learner_response</c>) without allocating: every all-digit segment becomes <c>n</c> and a
/// <c>{target=…}</c> segment becomes <c>{target=ID}</c>, in a stack buffer looked up through a span-keyed frozen dictionary.
/// Instances are immutable and thread-safe.
/// </remarks>
public sealed class ScormDataModel
{
    /// <summary>The longest path looked up; longer paths are unknown elements.</summary>
    public const int MaxPathLength = 512;

    private readonly FrozenDictionary<string, ScormElement> _byPattern;
    private readonly FrozenDictionary<string, ScormElement>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    private ScormDataModel(ScormVersion version, ImmutableArray<ScormElement> elements)
    {
        Version = version;
        Elements = elements;
        _byPattern = elements.ToFrozenDictionary(e => e.Pattern, StringComparer.Ordinal);
        _lookup = _byPattern.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Gets the SCORM 2004 4th Edition catalog (<c>cmi.*</c>, <c>adl.nav.*</c>, <c>adl.data.*</c>).</summary>
    public static ScormDataModel Scorm2004 { get; } = new(ScormVersion.Scorm2004, ScormCatalogData.Scorm2004);

    /// <summary>Gets the SCORM 1.2 catalog.</summary>
    public static ScormDataModel Scorm12 { get; } = new(ScormVersion.Scorm12, ScormCatalogData.Scorm12);

    /// <summary>Gets the version this catalog describes.</summary>
    public ScormVersion Version { get; }

    /// <summary>Gets every element, in the order of the spec's tables.</summary>
    public ImmutableArray<ScormElement> Elements { get; }

    /// <summary>Returns the catalog of a version.</summary>
    /// <param name="version">The version.</param>
    /// <returns>The catalog.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined version.</exception>
    public static ScormDataModel For(ScormVersion version) => version switch
    {
        ScormVersion.Scorm2004 => Scorm2004,
        ScormVersion.Scorm12 => Scorm12,
        _ => throw new ArgumentOutOfRangeException(nameof(version), version, "Unknown SCORM version."),
    };

    /// <summary>Finds the element a concrete path (or a pattern) refers to, without allocating.</summary>
    /// <param name="path">A path such as <c>cmi.interactions.3.result</c>.</param>
    /// <param name="element">The element, when known.</param>
    /// <returns>Whether the path names an element of this version.</returns>
    public bool TryFind(ReadOnlySpan<char> path, [NotNullWhen(true)] out ScormElement? element)
    {
        element = null;
        if (path.IsEmpty || path.Length > MaxPathLength)
        {
            return false;
        }

        // Digit segments shrink to 'n'; only "{target=…}" may grow, to at most 11 characters.
        Span<char> buffer = stackalloc char[path.Length + 11];
        var length = Normalize(path, buffer);
        return length > 0 && _lookup.TryGetValue(buffer[..length], out element);
    }

    /// <summary>Finds the element a concrete path refers to.</summary>
    /// <param name="path">A path such as <c>cmi.interactions.3.result</c>.</param>
    /// <returns>The element.</returns>
    /// <exception cref="KeyNotFoundException">The path is not an element of this version.</exception>
    public ScormElement Find(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return TryFind(path, out var element) ? element : throw new KeyNotFoundException($"'{path}' is not a SCORM {Version.ToCode()} element.");
    }

    /// <summary>Writes the pattern of a path into <paramref name="destination"/>: digit segments become <c>n</c>, <c>{target=…}</c> becomes <c>{target=ID}</c>.</summary>
    /// <param name="path">The concrete path.</param>
    /// <param name="destination">Where the pattern goes; at least as long as <paramref name="path"/> plus 11.</param>
    /// <returns>The pattern's length, or 0 when it does not fit or a segment is empty.</returns>
    internal static int Normalize(ReadOnlySpan<char> path, Span<char> destination)
    {
        const string Target = "{target=ID}";
        var written = 0;
        var i = 0;
        while (i <= path.Length)
        {
            if (i == path.Length)
            {
                return 0; // trailing dot or empty path
            }

            int end;
            ReadOnlySpan<char> replacement;
            if (path[i] == '{')
            {
                var close = path[i..].IndexOf('}');
                if (close < 0)
                {
                    return 0;
                }

                end = i + close + 1;
                replacement = path[i..end].StartsWith("{target=", StringComparison.Ordinal) ? Target : path[i..end];
            }
            else
            {
                var dot = path[i..].IndexOf('.');
                end = dot < 0 ? path.Length : i + dot;
                var segment = path[i..end];
                if (segment.IsEmpty)
                {
                    return 0;
                }

                replacement = IsDigits(segment) ? "n" : segment;
            }

            if (written + replacement.Length + 1 > destination.Length)
            {
                return 0;
            }

            replacement.CopyTo(destination[written..]);
            written += replacement.Length;
            if (end == path.Length)
            {
                return written;
            }

            if (path[end] != '.')
            {
                return 0;
            }

            destination[written++] = '.';
            i = end + 1;
        }

        return 0;
    }

    private static bool IsDigits(ReadOnlySpan<char> segment)
    {
        foreach (var c in segment)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }
}
