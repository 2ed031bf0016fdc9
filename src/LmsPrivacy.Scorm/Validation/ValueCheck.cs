using System.Globalization;
using LmsPrivacy.Scorm.DataModel;

namespace LmsPrivacy.Scorm.Validation;

/// <summary>The result of a type check, before it becomes an error code and findings.</summary>
internal enum ValueCheck
{
    Ok = 0,
    SpmExceeded,
    TooLong,
    TypeMismatch,
    OutOfRange,
    Deprecated,
}

/// <summary>Allocation-free checks of every SCORM data type.</summary>
internal static class ValueChecks
{
    private const string Comma = "[,]";
    private const string Dot = "[.]";
    private const string Colon = "[:]";
    private const int ShortIdentifierSpm = 250;

    public static ValueCheck Check(ScormElement element, ReadOnlySpan<char> value, string? interactionType)
    {
        switch (element.DataType)
        {
            case ScormDataType.CharacterString:
                return Spm(value.Length, element.MaxLength);
            case ScormDataType.LocalizedString:
                return LocalizedString(value, element.MaxLength ?? int.MaxValue);
            case ScormDataType.LongIdentifier:
                return Identifier(value, element.MaxLength ?? 4000);
            case ScormDataType.Language:
                if (value.IsEmpty)
                {
                    return element.AllowsEmpty ? ValueCheck.Ok : ValueCheck.TypeMismatch;
                }

                return IsLanguage(value) ? Spm(value.Length, element.MaxLength) : ValueCheck.TypeMismatch;
            case ScormDataType.Real:
                return Real(value, element.Minimum, element.Maximum);
            case ScormDataType.TimeInterval:
                return ScormTime.IsTimeInterval(value) ? ValueCheck.Ok : ValueCheck.TypeMismatch;
            case ScormDataType.Time:
                return ScormTime.IsTimestamp(value) ? ValueCheck.Ok : ValueCheck.TypeMismatch;
            case ScormDataType.State:
                if (!InVocabulary(element, value))
                {
                    return ValueCheck.TypeMismatch;
                }

                return element.Version == ScormVersion.Scorm2004 && element.Pattern == "cmi.exit" && value is "logout" ? ValueCheck.Deprecated : ValueCheck.Ok;
            case ScormDataType.Count:
                return IsUnsignedInteger(value) ? ValueCheck.Ok : ValueCheck.TypeMismatch;
            case ScormDataType.InteractionResult:
                return InVocabulary(element, value) ? ValueCheck.Ok : Real(value, null, null);
            case ScormDataType.InteractionResponse:
                return InteractionResponse2004(interactionType, value, element.Pattern.EndsWith(".pattern", StringComparison.Ordinal));
            case ScormDataType.NavigationRequest:
                return NavigationRequest(value);
            case ScormDataType.CmiString255:
                return value.Length <= 255 ? ValueCheck.Ok : ValueCheck.TooLong;
            case ScormDataType.CmiString4096:
                return value.Length <= 4096 ? ValueCheck.Ok : ValueCheck.TooLong;
            case ScormDataType.CmiIdentifier:
                return CmiIdentifier(value);
            case ScormDataType.CmiDecimal:
                if (value.IsEmpty)
                {
                    return element.AllowsEmpty ? ValueCheck.Ok : ValueCheck.TypeMismatch;
                }

                return Real(value, element.Minimum, element.Maximum);
            case ScormDataType.CmiSInteger:
                return SignedInteger(value, element.Minimum, element.Maximum);
            case ScormDataType.CmiTimespan:
                return ScormTime.IsCmiTimespan(value) ? ValueCheck.Ok : ValueCheck.TypeMismatch;
            case ScormDataType.CmiTime:
                return ScormTime.TryParseCmiTime(value, out _) ? ValueCheck.Ok : ValueCheck.TypeMismatch;
            case ScormDataType.CmiFeedback:
                return Feedback12(interactionType, value);
            case ScormDataType.CmiResult:
                return InVocabulary(element, value) ? ValueCheck.Ok : Real(value, null, null);
            default:
                return ValueCheck.TypeMismatch;
        }
    }

    public static bool InVocabulary(ScormElement element, ReadOnlySpan<char> value)
    {
        foreach (var token in element.Vocabulary)
        {
            if (value.SequenceEqual(token))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A 2004 real(10,7): optional minus, digits with an optional fraction (no exponent, no plus).</summary>
    public static bool IsReal(ReadOnlySpan<char> value)
    {
        var i = value.Length > 0 && value[0] == '-' ? 1 : 0;
        var digits = 0;
        var dot = false;
        for (; i < value.Length; i++)
        {
            var c = value[i];
            if (c is >= '0' and <= '9')
            {
                digits++;
            }
            else if (c == '.' && !dot)
            {
                dot = true;
                if (digits == 0 && i + 1 == value.Length)
                {
                    return false;
                }
            }
            else
            {
                return false;
            }
        }

        return digits > 0 && value[^1] != '.';
    }

    public static ValueCheck Real(ReadOnlySpan<char> value, decimal? min, decimal? max)
    {
        if (!IsReal(value))
        {
            return ValueCheck.TypeMismatch;
        }

        if (min is null && max is null)
        {
            return ValueCheck.Ok;
        }

        const NumberStyles Styles = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;
        if (decimal.TryParse(value, Styles, CultureInfo.InvariantCulture, out var number))
        {
            return (min is { } lo && number < lo) || (max is { } hi && number > hi) ? ValueCheck.OutOfRange : ValueCheck.Ok;
        }

        // Too large for decimal: far outside every bounded range.
        var d = double.Parse(value, Styles, CultureInfo.InvariantCulture);
        return (min is { } l && d < (double)l) || (max is { } h && d > (double)h) ? ValueCheck.OutOfRange : ValueCheck.Ok;
    }

    public static bool IsLanguage(ReadOnlySpan<char> value)
    {
        // RFC 3066 as SCORM profiles it: ISO 639 2- or 3-letter primary subtag (or i / x), then -subtags of 1..8 alphanumerics.
        var dash = value.IndexOf('-');
        var primary = dash < 0 ? value : value[..dash];
        var primaryOk = primary.Length is 2 or 3 ? IsLetters(primary) : primary is "i" or "I" or "x" or "X";
        if (!primaryOk)
        {
            return false;
        }

        var rest = dash < 0 ? [] : value[(dash + 1)..];
        if (dash >= 0 && rest.IsEmpty)
        {
            return false;
        }

        while (!rest.IsEmpty)
        {
            var next = rest.IndexOf('-');
            var subtag = next < 0 ? rest : rest[..next];
            if (subtag.Length is < 1 or > 8 || !IsAlphanumeric(subtag))
            {
                return false;
            }

            if (next < 0)
            {
                break;
            }

            rest = rest[(next + 1)..];
            if (rest.IsEmpty)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A localized string: an optional <c>{lang=tag}</c> delimiter, then text whose length is checked against the SPM.</summary>
    public static ValueCheck LocalizedString(ReadOnlySpan<char> value, int spm)
    {
        if (value.StartsWith("{lang=", StringComparison.Ordinal))
        {
            var close = value.IndexOf('}');
            if (close < 0 || !IsLanguage(value[6..close]))
            {
                return ValueCheck.TypeMismatch;
            }

            value = value[(close + 1)..];
        }

        return Spm(value.Length, spm);
    }

    /// <summary>A long or short identifier: a URI without white space; <c>urn:</c> needs a namespace id and a specific string.</summary>
    public static ValueCheck Identifier(ReadOnlySpan<char> value, int spm)
    {
        if (value.IsEmpty)
        {
            return ValueCheck.TypeMismatch;
        }

        foreach (var c in value)
        {
            if (c <= ' ' || c == '\u007F' || c is '"' or '<' or '>' or '\\' or '^' or '`' or '{' or '|' or '}' || char.IsWhiteSpace(c))
            {
                return ValueCheck.TypeMismatch;
            }
        }

        if (value.StartsWith("urn:", StringComparison.OrdinalIgnoreCase))
        {
            var rest = value[4..];
            var colon = rest.IndexOf(':');
            if (colon is < 1 or > 32 || colon == rest.Length - 1 || !IsAlphanumeric(rest[..1]))
            {
                return ValueCheck.TypeMismatch;
            }

            foreach (var c in rest[..colon])
            {
                if (!(char.IsAsciiLetterOrDigit(c) || c == '-'))
                {
                    return ValueCheck.TypeMismatch;
                }
            }
        }

        return Spm(value.Length, spm);
    }

    private static ValueCheck Spm(int length, int? spm) => spm is { } max && length > max ? ValueCheck.SpmExceeded : ValueCheck.Ok;

    private static ValueCheck NavigationRequest(ReadOnlySpan<char> value)
    {
        foreach (var token in ScormVocabularies.NavigationRequest)
        {
            if (value.SequenceEqual(token))
            {
                return ValueCheck.Ok;
            }
        }

        if (value.StartsWith("{target=", StringComparison.Ordinal))
        {
            var close = value.IndexOf('}');
            if (close > 8)
            {
                var verb = value[(close + 1)..];
                if ((verb is "choice" or "jump") && Identifier(value[8..close], 4000) != ValueCheck.TypeMismatch)
                {
                    return ValueCheck.Ok;
                }
            }
        }

        return ValueCheck.TypeMismatch;
    }

    private static ValueCheck InteractionResponse2004(string? type, ReadOnlySpan<char> value, bool isPattern)
    {
        var worst = ValueCheck.Ok;
        switch (type)
        {
            case "true-false":
                return value is "true" or "false" ? ValueCheck.Ok : ValueCheck.TypeMismatch;
            case "choice":
            case "sequencing":
                return IdentifierList(value, unique: type == "choice", allowEmpty: true);
            case "likert":
                return ShortIdentifier(value);
            case "fill-in":
            {
                if (isPattern && !StripBooleanDelimiters(ref value, allowOrder: true))
                {
                    return ValueCheck.TypeMismatch;
                }

                var count = 0;
                foreach (var part in value.Split(Comma))
                {
                    count++;
                    worst = Max(worst, LocalizedString(value[part], ShortIdentifierSpm));
                }

                return count > 10 ? Max(worst, ValueCheck.SpmExceeded) : worst;
            }

            case "long-fill-in":
                if (isPattern && !StripBooleanDelimiters(ref value, allowOrder: false))
                {
                    return ValueCheck.TypeMismatch;
                }

                return LocalizedString(value, 4000);
            case "matching":
                foreach (var part in value.Split(Comma))
                {
                    var pair = value[part];
                    var dot = pair.IndexOf(Dot, StringComparison.Ordinal);
                    if (dot < 0)
                    {
                        return ValueCheck.TypeMismatch;
                    }

                    worst = Max(worst, Max(ShortIdentifier(pair[..dot]), ShortIdentifier(pair[(dot + 3)..])));
                }

                return worst;
            case "performance":
                if (isPattern && !StripBooleanDelimiters(ref value, allowOrder: true))
                {
                    return ValueCheck.TypeMismatch;
                }

                foreach (var part in value.Split(Comma))
                {
                    var step = value[part];
                    var dot = step.IndexOf(Dot, StringComparison.Ordinal);
                    if (dot < 0)
                    {
                        return ValueCheck.TypeMismatch;
                    }

                    var name = step[..dot];
                    var answer = step[(dot + 3)..];
                    if (name.IsEmpty && answer.IsEmpty)
                    {
                        return ValueCheck.TypeMismatch;
                    }

                    if (!name.IsEmpty)
                    {
                        worst = Max(worst, ShortIdentifier(name));
                    }

                    worst = Max(worst, Spm(answer.Length, ShortIdentifierSpm));
                }

                return worst;
            case "numeric":
                if (isPattern)
                {
                    var colon = value.IndexOf(Colon, StringComparison.Ordinal);
                    if (colon < 0)
                    {
                        return IsReal(value) ? ValueCheck.Ok : ValueCheck.TypeMismatch;
                    }

                    var lo = value[..colon];
                    var hi = value[(colon + 3)..];
                    if ((!lo.IsEmpty && !IsReal(lo)) || (!hi.IsEmpty && !IsReal(hi)))
                    {
                        return ValueCheck.TypeMismatch;
                    }

                    if (!lo.IsEmpty && !hi.IsEmpty && double.Parse(lo, CultureInfo.InvariantCulture) > double.Parse(hi, CultureInfo.InvariantCulture))
                    {
                        return ValueCheck.TypeMismatch;
                    }

                    return ValueCheck.Ok;
                }

                return IsReal(value) ? ValueCheck.Ok : ValueCheck.TypeMismatch;
            case "other":
                return Spm(value.Length, 4000);
            default:
                // Without a known type only the SPM of the widest format applies.
                return Spm(value.Length, 4000);
        }
    }

    private static bool StripBooleanDelimiters(ref ReadOnlySpan<char> value, bool allowOrder)
    {
        var seenCase = false;
        var seenOrder = false;
        while (value.StartsWith("{case_matters=", StringComparison.Ordinal) || value.StartsWith("{order_matters=", StringComparison.Ordinal))
        {
            var close = value.IndexOf('}');
            if (close < 0)
            {
                return false;
            }

            var isCase = value[1] == 'c';
            var flag = value[(isCase ? 14 : 15)..close];
            if (!(flag is "true" or "false") || (isCase ? seenCase : seenOrder) || (!isCase && !allowOrder))
            {
                return false;
            }

            seenCase |= isCase;
            seenOrder |= !isCase;
            value = value[(close + 1)..];
        }

        return true;
    }

    private static ValueCheck IdentifierList(ReadOnlySpan<char> value, bool unique, bool allowEmpty)
    {
        if (value.IsEmpty)
        {
            return allowEmpty ? ValueCheck.Ok : ValueCheck.TypeMismatch;
        }

        var worst = ValueCheck.Ok;
        foreach (var part in value.Split(Comma))
        {
            var id = value[part];
            worst = Max(worst, ShortIdentifier(id));
            if (worst == ValueCheck.TypeMismatch)
            {
                return worst;
            }

            if (unique)
            {
                var later = value[part.End.Value..];
                foreach (var other in later.Split(Comma))
                {
                    if (!later[other].IsEmpty && later[other].SequenceEqual(id))
                    {
                        return ValueCheck.TypeMismatch;
                    }
                }
            }
        }

        return worst;
    }

    private static ValueCheck ShortIdentifier(ReadOnlySpan<char> value) => Identifier(value, ShortIdentifierSpm);

    private static ValueCheck Feedback12(string? type, ReadOnlySpan<char> value)
    {
        switch (type)
        {
            case "true-false":
                return value is "0" or "1" or "t" or "f" ? ValueCheck.Ok : ValueCheck.TypeMismatch;
            case "choice":
            case "sequencing":
                return SingleCharacterList(StripBraces(value), pairs: false) ? ValueCheck.Ok : ValueCheck.TypeMismatch;
            case "matching":
                return SingleCharacterList(StripBraces(value), pairs: true) ? ValueCheck.Ok : ValueCheck.TypeMismatch;
            case "likert":
                return value.IsEmpty || (value.Length == 1 && IsSingleCharacter(value[0])) ? ValueCheck.Ok : ValueCheck.TypeMismatch;
            case "numeric":
                return Real(value, null, null);
            default:
                // fill-in, performance and unknown types: CMIString255.
                return value.Length <= 255 ? ValueCheck.Ok : ValueCheck.TooLong;
        }
    }

    private static ReadOnlySpan<char> StripBraces(ReadOnlySpan<char> value) =>
        value.Length >= 2 && value[0] == '{' && value[^1] == '}' ? value[1..^1] : value;

    private static bool SingleCharacterList(ReadOnlySpan<char> value, bool pairs)
    {
        if (value.IsEmpty)
        {
            return false;
        }

        foreach (var part in value.Split(','))
        {
            var item = value[part];
            var ok = pairs
                ? item.Length == 3 && IsSingleCharacter(item[0]) && item[1] == '.' && IsSingleCharacter(item[2])
                : item.Length == 1 && IsSingleCharacter(item[0]);
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsSingleCharacter(char c) => c is (>= '0' and <= '9') or (>= 'a' and <= 'z');

    private static ValueCheck CmiIdentifier(ReadOnlySpan<char> value)
    {
        if (value.IsEmpty || value.Length > 255)
        {
            return value.IsEmpty ? ValueCheck.TypeMismatch : ValueCheck.TooLong;
        }

        foreach (var c in value)
        {
            if (c is <= ' ' or > '~')
            {
                return ValueCheck.TypeMismatch;
            }
        }

        return ValueCheck.Ok;
    }

    private static ValueCheck SignedInteger(ReadOnlySpan<char> value, decimal? min, decimal? max)
    {
        var digits = value.Length > 0 && value[0] == '-' ? value[1..] : value;
        return IsUnsignedInteger(digits) ? Real(value, min, max) : ValueCheck.TypeMismatch;
    }

    private static bool IsUnsignedInteger(ReadOnlySpan<char> value)
    {
        if (value.IsEmpty)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsLetters(ReadOnlySpan<char> value)
    {
        foreach (var c in value)
        {
            if (!char.IsAsciiLetter(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsAlphanumeric(ReadOnlySpan<char> value)
    {
        foreach (var c in value)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static ValueCheck Max(ValueCheck a, ValueCheck b) => Rank(a) >= Rank(b) ? a : b;

    private static int Rank(ValueCheck check) => check switch
    {
        ValueCheck.Ok => 0,
        ValueCheck.Deprecated => 1,
        ValueCheck.SpmExceeded => 2,
        ValueCheck.TooLong => 3,
        ValueCheck.OutOfRange => 4,
        _ => 5,
    };
}
