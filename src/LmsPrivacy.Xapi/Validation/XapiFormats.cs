using System.Buffers;

namespace LmsPrivacy.Xapi.Validation;

/// <summary>Format checks for xAPI value types (UUID, ISO 8601 timestamp and duration, IRI, RFC 5646 tag, mbox).</summary>
/// <remarks>Pure functions over spans; no allocation, no regular expressions (no backtracking on hostile input).</remarks>
internal static class XapiFormats
{
    private static readonly SearchValues<char> IriForbidden = SearchValues.Create(" \t\r\n\"<>\\^`{|}");

    public static bool IsUuid(ReadOnlySpan<char> s)
    {
        if (s.Length != 36)
        {
            return false;
        }

        for (var i = 0; i < 36; i++)
        {
            var c = s[i];
            if (i is 8 or 13 or 18 or 23)
            {
                if (c != '-')
                {
                    return false;
                }
            }
            else if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    public static bool IsSha1Hex(ReadOnlySpan<char> s)
    {
        if (s.Length != 40)
        {
            return false;
        }

        foreach (var c in s)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>An absolute IRI: a scheme (RFC 3986 §3.1), a colon, something after it, no spaces or characters IRIs exclude.</summary>
    public static bool IsIri(ReadOnlySpan<char> s)
    {
        var colon = s.IndexOf(':');
        if (colon <= 0 || colon == s.Length - 1 || !char.IsAsciiLetter(s[0]))
        {
            return false;
        }

        for (var i = 1; i < colon; i++)
        {
            var c = s[i];
            if (!(char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.'))
            {
                return false;
            }
        }

        if (s.ContainsAny(IriForbidden))
        {
            return false;
        }

        foreach (var c in s)
        {
            if (char.IsControl(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>mailto: followed by local@domain, no whitespace, no second '@' in the domain.</summary>
    public static bool IsMbox(ReadOnlySpan<char> s)
    {
        if (!s.StartsWith("mailto:", StringComparison.Ordinal))
        {
            return false;
        }

        return IsEmailAddress(s[7..]);
    }

    public static bool IsEmailAddress(ReadOnlySpan<char> address)
    {
        var at = address.LastIndexOf('@');
        if (at <= 0 || at == address.Length - 1)
        {
            return false;
        }

        foreach (var c in address)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c) || c is '<' or '>')
            {
                return false;
            }
        }

        var domain = address[(at + 1)..];
        return !domain.StartsWith('.') && !domain.EndsWith('.') && !domain.Contains("..", StringComparison.Ordinal);
    }

    public static bool HasOuterWhitespace(ReadOnlySpan<char> s) =>
        s.Length > 0 && (char.IsWhiteSpace(s[0]) || char.IsWhiteSpace(s[^1]));

    /// <summary>The result of checking a timestamp.</summary>
    public enum TimestampCheck
    {
        Valid,
        Invalid,
        NegativeZeroOffset,
    }

    /// <summary>ISO 8601 date-time, extended (2015-01-31T23:00:00.5+01:00) or basic (20150131T230000Z), not mixed.</summary>
    public static TimestampCheck CheckTimestamp(ReadOnlySpan<char> s)
    {
        var t = s.IndexOfAny('T', 't');
        if (t < 0)
        {
            return TimestampCheck.Invalid;
        }

        var date = s[..t];
        var rest = s[(t + 1)..];
        bool extended;
        int year, month, day;
        if (date.Length == 10 && date[4] == '-' && date[7] == '-')
        {
            extended = true;
            if (!Digits(date[..4], out year) || !Digits(date.Slice(5, 2), out month) || !Digits(date.Slice(8, 2), out day))
            {
                return TimestampCheck.Invalid;
            }
        }
        else if (date.Length == 8)
        {
            extended = false;
            if (!Digits(date[..4], out year) || !Digits(date.Slice(4, 2), out month) || !Digits(date.Slice(6, 2), out day))
            {
                return TimestampCheck.Invalid;
            }
        }
        else
        {
            return TimestampCheck.Invalid;
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return TimestampCheck.Invalid;
        }

        // Split the time from the offset.
        var offsetAt = rest.IndexOfAny('Z', '+', '-');
        if (offsetAt < 0)
        {
            offsetAt = rest.IndexOf('z');
        }

        var time = offsetAt < 0 ? rest : rest[..offsetAt];
        var offset = offsetAt < 0 ? [] : rest[offsetAt..];

        // Fractional part on the last time element.
        var fraction = time.IndexOfAny('.', ',');
        if (fraction >= 0)
        {
            var digits = time[(fraction + 1)..];
            if (digits.IsEmpty || !AllDigits(digits))
            {
                return TimestampCheck.Invalid;
            }

            time = time[..fraction];
        }

        int hour, minute = 0, second = 0;
        if (extended)
        {
            // hh, hh:mm or hh:mm:ss
            switch (time.Length)
            {
                case 2 when Digits(time, out hour):
                    break;
                case 5 when time[2] == ':' && Digits(time[..2], out hour) && Digits(time.Slice(3, 2), out minute):
                    break;
                case 8 when time[2] == ':' && time[5] == ':' && Digits(time[..2], out hour) && Digits(time.Slice(3, 2), out minute) && Digits(time.Slice(6, 2), out second):
                    break;
                default:
                    return TimestampCheck.Invalid;
            }
        }
        else
        {
            switch (time.Length)
            {
                case 2 when Digits(time, out hour):
                    break;
                case 4 when Digits(time[..2], out hour) && Digits(time.Slice(2, 2), out minute):
                    break;
                case 6 when Digits(time[..2], out hour) && Digits(time.Slice(2, 2), out minute) && Digits(time.Slice(4, 2), out second):
                    break;
                default:
                    return TimestampCheck.Invalid;
            }
        }

        if (hour > 23 || minute > 59 || second > 59)
        {
            return TimestampCheck.Invalid;
        }

        if (offset.IsEmpty || offset is "Z" or "z")
        {
            return TimestampCheck.Valid;
        }

        var sign = offset[0];
        var body = offset[1..];
        int oh, om = 0;
        if (body.Length == 2 && Digits(body, out oh))
        {
        }
        else if (extended && body.Length == 5 && body[2] == ':' && Digits(body[..2], out oh) && Digits(body.Slice(3, 2), out om))
        {
        }
        else if (body.Length == 4 && Digits(body[..2], out oh) && Digits(body.Slice(2, 2), out om))
        {
            // ±hhmm: basic form; in an extended timestamp it mixes formats, which the suite rejects, except the
            // -0000 case which is reported as a negative zero offset below.
            if (extended && !(sign == '-' && oh == 0 && om == 0))
            {
                return TimestampCheck.Invalid;
            }
        }
        else
        {
            return TimestampCheck.Invalid;
        }

        if (oh > 23 || om > 59)
        {
            return TimestampCheck.Invalid;
        }

        return sign == '-' && oh == 0 && om == 0 ? TimestampCheck.NegativeZeroOffset : TimestampCheck.Valid;
    }

    /// <summary>ISO 8601 duration: PnYnMnDTnHnMnS (a fraction only on the last element) or PnW alone.</summary>
    public static bool IsDuration(ReadOnlySpan<char> s)
    {
        if (s.Length < 2 || s[0] != 'P')
        {
            return false;
        }

        var rest = s[1..];
        if (rest[^1] == 'W')
        {
            var weeks = rest[..^1];
            var dot = weeks.IndexOfAny('.', ',');
            return dot < 0 ? weeks.Length > 0 && AllDigits(weeks) : dot > 0 && dot < weeks.Length - 1 && AllDigits(weeks[..dot]) && AllDigits(weeks[(dot + 1)..]);
        }

        const string dateDesignators = "YMD";
        const string timeDesignators = "HMS";
        var inTime = false;
        var nextDesignator = 0;
        var components = 0;
        var sawFraction = false;
        var timeComponents = 0;
        var i = 0;
        while (i < rest.Length)
        {
            if (rest[i] == 'T')
            {
                if (inTime)
                {
                    return false;
                }

                inTime = true;
                nextDesignator = 0;
                i++;
                continue;
            }

            if (sawFraction)
            {
                return false; // a fraction must be on the last element
            }

            var start = i;
            while (i < rest.Length && char.IsAsciiDigit(rest[i]))
            {
                i++;
            }

            if (i == start)
            {
                return false;
            }

            if (i < rest.Length && rest[i] is '.' or ',')
            {
                i++;
                var fractionStart = i;
                while (i < rest.Length && char.IsAsciiDigit(rest[i]))
                {
                    i++;
                }

                if (i == fractionStart)
                {
                    return false;
                }

                sawFraction = true;
            }

            if (i >= rest.Length)
            {
                return false;
            }

            var designators = inTime ? timeDesignators : dateDesignators;
            var index = designators.IndexOf(rest[i], StringComparison.Ordinal);
            if (index < nextDesignator)
            {
                return false;
            }

            nextDesignator = index + 1;
            components++;
            if (inTime)
            {
                timeComponents++;
            }

            i++;
        }

        return components > 0 && (!inTime || timeComponents > 0);
    }

    /// <summary>RFC 5646 well-formedness (§2.1 ABNF), plus no repeated extension singleton (§2.2.6).</summary>
    public static bool IsLanguageTag(ReadOnlySpan<char> tag)
    {
        if (tag.IsEmpty || tag.Length > 128)
        {
            return false;
        }

        if (IsIrregularGrandfathered(tag))
        {
            return true;
        }

        Span<Range> parts = stackalloc Range[65];
        var count = tag.Split(parts, '-');
        if (count > 64)
        {
            return false;
        }

        foreach (var range in parts[..count])
        {
            var p = tag[range];
            if (p.IsEmpty || p.Length > 8 || !IsAlnum(p))
            {
                return false;
            }
        }

        if (tag[parts[0]] is "x" or "X")
        {
            return count > 1;
        }

        // language
        var language = tag[parts[0]];
        if (!IsAlpha(language) || language.Length < 2)
        {
            return false;
        }

        var index = 1;
        if (language.Length <= 3)
        {
            var extlangs = 0;
            while (index < count && extlangs < 3 && tag[parts[index]].Length == 3 && IsAlpha(tag[parts[index]]))
            {
                index++;
                extlangs++;
            }
        }

        // script
        if (index < count && tag[parts[index]].Length == 4 && IsAlpha(tag[parts[index]]))
        {
            index++;
        }

        // region
        if (index < count && ((tag[parts[index]].Length == 2 && IsAlpha(tag[parts[index]])) || (tag[parts[index]].Length == 3 && AllDigits(tag[parts[index]]))))
        {
            index++;
        }

        // variants
        while (index < count && IsVariant(tag[parts[index]]))
        {
            index++;
        }

        // extensions
        Span<bool> seen = stackalloc bool[36];
        while (index < count && tag[parts[index]].Length == 1 && tag[parts[index]] is not ("x" or "X"))
        {
            var singleton = char.ToLowerInvariant(tag[parts[index]][0]);
            var slot = char.IsAsciiDigit(singleton) ? singleton - '0' : 10 + (singleton - 'a');
            if (seen[slot])
            {
                return false;
            }

            seen[slot] = true;
            index++;
            var subtags = 0;
            while (index < count && tag[parts[index]].Length >= 2)
            {
                index++;
                subtags++;
            }

            if (subtags == 0)
            {
                return false;
            }
        }

        // private use
        if (index < count && tag[parts[index]] is "x" or "X")
        {
            return index + 1 < count;
        }

        return index == count;
    }

    private static bool IsVariant(ReadOnlySpan<char> p) =>
        p.Length is >= 5 and <= 8 || (p.Length == 4 && char.IsAsciiDigit(p[0]));

    private static bool IsIrregularGrandfathered(ReadOnlySpan<char> tag)
    {
        // Quick reject (the common case, e.g. "en-US"): the irregular tags are 5 to 10 characters long, and those of
        // 5, 7 or 8 characters all start "i-". Case folding never changes the length or matches '-' to anything else.
        if (tag.Length is < 5 or > 10 || (tag.Length is 5 or 7 or 8 && tag[1] != '-'))
        {
            return false;
        }

        ReadOnlySpan<string> irregular =
        [
            "en-GB-oed", "i-ami", "i-bnn", "i-default", "i-enochian", "i-hak", "i-klingon", "i-lux", "i-mingo",
            "i-navajo", "i-pwn", "i-tao", "i-tay", "i-tsu", "sgn-BE-FR", "sgn-BE-NL", "sgn-CH-DE",
        ];
        foreach (var candidate in irregular)
        {
            if (tag.Equals(candidate, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsAlpha(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if (!char.IsAsciiLetter(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsAlnum(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool AllDigits(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Digits(ReadOnlySpan<char> s, out int value)
    {
        value = 0;
        if (s.IsEmpty)
        {
            return false;
        }

        foreach (var c in s)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }
}
