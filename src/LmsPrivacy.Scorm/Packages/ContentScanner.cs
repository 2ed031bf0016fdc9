using System.Collections.Frozen;
using System.Text.RegularExpressions;
using LmsPrivacy.Classification;
using LmsPrivacy.Findings;
using LmsPrivacy.Scorm.DataModel;

namespace LmsPrivacy.Scorm.Packages;

/// <summary>What scanning one file found.</summary>
internal sealed class ContentScan
{
    public List<(string Host, ScormHostReference Reference)> Hosts { get; } = [];

    public List<ScormLearnerDataRead> Reads { get; } = [];

    public List<Finding> Credentials { get; } = [];

    public bool UsesNetworkApi { get; set; }
}

/// <summary>
/// Scans HTML, JavaScript, CSS and configuration text for other hosts, learner-identity reads and embedded credentials.
/// A heuristic, linear in the text: it looks at every <c>//</c>, decides from the scheme or the preceding quote whether
/// it starts a URL, and classifies the reference by the nearest preceding tag or API name on the same line.
/// </summary>
internal static partial class ContentScanner
{
    private const int ContextChars = 300;

    private static readonly FrozenSet<string> BuiltInIgnoredHosts = new[]
    {
        "www.w3.org", "w3.org", "purl.org", "www.imsglobal.org", "imsglobal.org", "www.imsproject.org", "www.adlnet.org",
        "adlnet.gov", "www.adlnet.gov", "w3id.org", "id.tincanapi.com", "ltsc.ieee.org", "schemas.xmlsoap.org",
        "ns.adobe.com", "creativecommons.org", "xmlns.com", "www.xml.org", "json-schema.org", "localhost", "127.0.0.1",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> FontHosts = new[]
    {
        "fonts.googleapis.com", "fonts.gstatic.com", "use.typekit.net", "p.typekit.net", "kit.fontawesome.com", "use.fontawesome.com",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    // Tokens (lower case, matched against the lower-cased line) looked up before a URL on its line; the nearest one decides the kind.
    private static readonly (string Token, ScormReferenceKind Kind)[] Tokens =
    [
        ("<script", ScormReferenceKind.Script), ("import ", ScormReferenceKind.Script), ("importscripts(", ScormReferenceKind.Script),
        (".src", ScormReferenceKind.Script), ("<link", ScormReferenceKind.Style), ("@import", ScormReferenceKind.Style),
        ("url(", ScormReferenceKind.Style), ("<img", ScormReferenceKind.Image), ("new image", ScormReferenceKind.Image),
        ("<iframe", ScormReferenceKind.Frame), ("<frame", ScormReferenceKind.Frame), ("<embed", ScormReferenceKind.Frame),
        ("<object", ScormReferenceKind.Frame), ("<video", ScormReferenceKind.Media), ("<audio", ScormReferenceKind.Media),
        ("<source", ScormReferenceKind.Media), ("<track", ScormReferenceKind.Media), ("<form", ScormReferenceKind.Form),
        ("action=", ScormReferenceKind.Form), ("<a ", ScormReferenceKind.Link), ("window.open", ScormReferenceKind.Link),
        ("location.href", ScormReferenceKind.Link), ("fetch(", ScormReferenceKind.Fetch), (".open(", ScormReferenceKind.Xhr),
        ("ajax", ScormReferenceKind.Xhr), ("$.post", ScormReferenceKind.Xhr), ("$.get", ScormReferenceKind.Xhr),
        ("axios", ScormReferenceKind.Xhr), ("sendbeacon", ScormReferenceKind.Beacon), ("websocket", ScormReferenceKind.WebSocket),
        ("endpoint", ScormReferenceKind.Endpoint), ("lrs", ScormReferenceKind.Endpoint),
    ];

    private static readonly System.Buffers.SearchValues<char> Ipv4Chars = System.Buffers.SearchValues.Create("0123456789.");

    private static readonly System.Buffers.SearchValues<char> UrlEnd = System.Buffers.SearchValues.Create("\"')` \n?#");

    private static readonly string[] NetworkApis = ["fetch(", "XMLHttpRequest", "sendBeacon", "WebSocket(", ".ajax(", "$.post(", "$.get(", "axios."];

    // Matched ignoring case, as the credential patterns they gate are: a listed set of case variants missed keys such as
    // "X-Api-Key" or "ACCESSTOKEN", whose credentials then went unreported.
    private static readonly string[] CredentialHints =
        ["basic ", "password", "passwd", "secret", "api_key", "apikey", "api-key", "access_token", "accesstoken", "access-token"];

    private static readonly System.Buffers.SearchValues<string> Needles = System.Buffers.SearchValues.Create(["//", "\\/\\/", "cmi."], StringComparison.Ordinal);

    private static readonly System.Buffers.SearchValues<string> NetworkNeedles = System.Buffers.SearchValues.Create(NetworkApis, StringComparison.Ordinal);

    private static readonly System.Buffers.SearchValues<string> HintNeedles = System.Buffers.SearchValues.Create(CredentialHints, StringComparison.OrdinalIgnoreCase);

    public static bool IsScannable(string path)
    {
        var extension = Path.GetExtension(path);
        return extension.Equals(".html", StringComparison.OrdinalIgnoreCase) || extension.Equals(".htm", StringComparison.OrdinalIgnoreCase)
            || extension.Equals(".xhtml", StringComparison.OrdinalIgnoreCase) || extension.Equals(".js", StringComparison.OrdinalIgnoreCase)
            || extension.Equals(".mjs", StringComparison.OrdinalIgnoreCase) || extension.Equals(".css", StringComparison.OrdinalIgnoreCase)
            || extension.Equals(".svg", StringComparison.OrdinalIgnoreCase) || extension.Equals(".json", StringComparison.OrdinalIgnoreCase)
            || (extension.Equals(".xml", StringComparison.OrdinalIgnoreCase) && !path.Equals(ScormManifestParser.FileName, StringComparison.OrdinalIgnoreCase));
    }

    public static ContentScan Scan(string file, ReadOnlySpan<char> text, ISet<string> ignoredHosts)
    {
        // A vectorized pass finds URL slashes and "cmi."; each hit is examined locally. Network APIs are looked for only
        // when the file both reads identity and names a host; credential hints gate the (slower) credential patterns.
        var scan = new ContentScan();
        var lines = new LineCounter(text);
        var position = 0;
        while (position < text.Length)
        {
            var found = text[position..].IndexOfAny(Needles);
            if (found < 0)
            {
                break;
            }

            var at = position + found;
            var rest = text[at..];
            position = at + 1;
            if (rest.StartsWith("//", StringComparison.Ordinal))
            {
                HandleUrl(file, text, at, 2, ignoredHosts, scan, ref lines);
                position = at + 2;
            }
            else if (rest.StartsWith("\\/\\/", StringComparison.Ordinal))
            {
                HandleUrl(file, text, at, 4, ignoredHosts, scan, ref lines);
                position = at + 4;
            }
            else if (rest.StartsWith("cmi.", StringComparison.Ordinal))
            {
                HandleRead(file, text, at, scan, ref lines);
                position = at + 4;
            }
        }

        if (scan.Reads.Count > 0 && scan.Hosts.Count > 0)
        {
            scan.UsesNetworkApi = text.IndexOfAny(NetworkNeedles) >= 0;
        }

        if (text.IndexOfAny(HintNeedles) >= 0)
        {
            ScanCredentials(file, text, scan);
        }

        return scan;
    }

    private static void HandleUrl(string file, ReadOnlySpan<char> span, int at, int slashLength, ISet<string> ignoredHosts, ContentScan scan, ref LineCounter lines)
    {
        var start = at + slashLength;
        if (!TryScheme(span, at, out var schemeStart, out var isWebSocket))
        {
            return;
        }

        var host = ReadHost(span[start..]);
        if (host.IsEmpty || !LooksLikeHost(host))
        {
            return;
        }

        var lineStart = span[..schemeStart].LastIndexOf('\n') + 1;
        var line = span[lineStart..schemeStart];
        var trimmed = line.TrimStart();
        if (trimmed.StartsWith("//", StringComparison.Ordinal) || trimmed.StartsWith("*", StringComparison.Ordinal)
            || trimmed.StartsWith("/*", StringComparison.Ordinal) || trimmed.StartsWith("<!--", StringComparison.Ordinal))
        {
            return;
        }

        var context = line.Length > ContextChars ? line[^ContextChars..] : line;
        var tail = context.Length > 24 ? context[^24..] : context;
        if (tail.Contains("xmlns", StringComparison.OrdinalIgnoreCase) || tail.Contains("schemaLocation", StringComparison.OrdinalIgnoreCase)
            || tail.Contains("DOCTYPE", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var hostText = host.ToString().ToLowerInvariant();
        if (BuiltInIgnoredHosts.Contains(hostText) || ignoredHosts.Contains(hostText) || hostText.EndsWith(".w3.org", StringComparison.Ordinal))
        {
            return;
        }

        var kind = isWebSocket ? ScormReferenceKind.WebSocket : Classify(context);
        if (kind is ScormReferenceKind.Style or ScormReferenceKind.Reference or ScormReferenceKind.Link && IsFont(hostText, span[start..]))
        {
            kind = ScormReferenceKind.Font;
        }

        scan.Hosts.Add((hostText, new ScormHostReference(file, lines.LineAt(at), kind)));
    }

    private static bool TryScheme(ReadOnlySpan<char> span, int at, out int schemeStart, out bool isWebSocket)
    {
        schemeStart = at;
        isWebSocket = false;
        if (at == 0)
        {
            return false;
        }

        var before = span[at - 1];
        if (before == ':')
        {
            var i = at - 1;
            while (i > 0 && char.IsAsciiLetter(span[i - 1]) && at - i < 8)
            {
                i--;
            }

            var scheme = span[i..(at - 1)];
            if (i > 0 && char.IsAsciiLetterOrDigit(span[i - 1]))
            {
                return false;
            }

            schemeStart = i;
            isWebSocket = scheme.Equals("ws", StringComparison.OrdinalIgnoreCase) || scheme.Equals("wss", StringComparison.OrdinalIgnoreCase);
            return isWebSocket || scheme.Equals("http", StringComparison.OrdinalIgnoreCase) || scheme.Equals("https", StringComparison.OrdinalIgnoreCase)
                || scheme.Equals("ftp", StringComparison.OrdinalIgnoreCase);
        }

        // Protocol-relative: //host right after a quote, '(' or '='.
        return before is '"' or '\'' or '`' or '(' or '=';
    }

    private static ReadOnlySpan<char> ReadHost(ReadOnlySpan<char> rest)
    {
        var length = 0;
        while (length < rest.Length && length < 253 && (char.IsAsciiLetterOrDigit(rest[length]) || rest[length] is '.' or '-' or '_'))
        {
            length++;
        }

        var host = rest[..length].TrimEnd('.');
        return length < rest.Length && rest[length] == '@' ? [] : host;
    }

    private static bool LooksLikeHost(ReadOnlySpan<char> host)
    {
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var dot = host.LastIndexOf('.');
        if (dot <= 0)
        {
            return false;
        }

        var tld = host[(dot + 1)..];
        if (tld.Length >= 2 && IsLetters(tld))
        {
            return true;
        }

        // Dotted IPv4.
        return host.Count('.') == 3 && !host.ContainsAnyExcept(Ipv4Chars);
    }

    private static bool IsLetters(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiLetter(c))
            {
                return false;
            }
        }

        return true;
    }

    private static ScormReferenceKind Classify(ReadOnlySpan<char> context)
    {
        // Lower-case the line once, then search with vectorized ordinal scans (tokens are stored lower case).
        Span<char> lower = stackalloc char[context.Length];
        context.ToLowerInvariant(lower);
        var best = -1;
        var kind = ScormReferenceKind.Reference;
        foreach (var (token, tokenKind) in Tokens)
        {
            var index = ((ReadOnlySpan<char>)lower).LastIndexOf(token, StringComparison.Ordinal);
            if (index > best)
            {
                best = index;
                kind = tokenKind;
            }
        }

        return kind;
    }

    private static bool IsFont(string host, ReadOnlySpan<char> rest)
    {
        if (FontHosts.Contains(host))
        {
            return true;
        }

        var end = rest.IndexOfAny(UrlEnd);
        var url = end < 0 ? rest : rest[..end];
        return url.EndsWith(".woff", StringComparison.OrdinalIgnoreCase) || url.EndsWith(".woff2", StringComparison.OrdinalIgnoreCase)
            || url.EndsWith(".ttf", StringComparison.OrdinalIgnoreCase) || url.EndsWith(".otf", StringComparison.OrdinalIgnoreCase)
            || url.EndsWith(".eot", StringComparison.OrdinalIgnoreCase);
    }

    private static void HandleRead(string file, ReadOnlySpan<char> span, int at, ContentScan scan, ref LineCounter lines)
    {
        if (at > 0 && (char.IsAsciiLetterOrDigit(span[at - 1]) || span[at - 1] == '_'))
        {
            return;
        }

        var end = at;
        while (end < span.Length && end - at < 128 && (char.IsAsciiLetterLower(span[end]) || char.IsAsciiDigit(span[end]) || span[end] is '_' or '.'))
        {
            end++;
        }

        var path = span[at..end].TrimEnd('.');
        if ((ScormDataModel.Scorm2004.TryFind(path, out var element) || ScormDataModel.Scorm12.TryFind(path, out element))
            && element.Category == DataCategory.DirectIdentifier)
        {
            scan.Reads.Add(new ScormLearnerDataRead(element.Pattern, element.Category, file, lines.LineAt(at)));
        }
    }

    private static void ScanCredentials(string file, ReadOnlySpan<char> text, ContentScan scan)
    {
        var lines = new LineCounter(text);
        var reported = new HashSet<int>();
        foreach (var regex in (Regex[])[BasicAuth(), SecretAssignment()])
        {
            foreach (var match in regex.EnumerateMatches(text))
            {
                var line = lines.LineAt(match.Index);
                if (reported.Add(line))
                {
                    scan.Credentials.Add(ScormRules.CredentialsEmbedded.At($"{file}:{line}",
                        "A credential (basic auth, password, secret or API key) is written into the content; any learner can read it."));
                }
            }
        }
    }

    [GeneratedRegex(@"Basic\s+[A-Za-z0-9+/]{12,}={0,2}", RegexOptions.CultureInvariant)]
    private static partial Regex BasicAuth();

    [GeneratedRegex("""["']?(?:password|passwd|secret|api[_-]?key|access[_-]?token)["']?\s*[:=]\s*["'][^"'\s]{4,}["']""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SecretAssignment();

    /// <summary>Turns increasing character offsets into 1-based line numbers in one pass.</summary>
    private ref struct LineCounter(ReadOnlySpan<char> text)
    {
        private readonly ReadOnlySpan<char> _text = text;
        private int _position;
        private int _line = 1;

        public int LineAt(int offset)
        {
            if (offset < _position)
            {
                _position = 0;
                _line = 1;
            }

            _line += _text[_position..offset].Count('\n');
            _position = offset;
            return _line;
        }
    }
}
