using System.Collections.Immutable;
using LmsPrivacy.Classification;
using LmsPrivacy.Findings;

namespace LmsPrivacy.Scorm.Packages;

/// <summary>What an audit of a content package found.</summary>
/// <param name="Manifest">The parsed manifest, or <see langword="null"/> when it is missing, unreadable or the package was refused.</param>
/// <param name="FileCount">The number of files in the package (directories and <c>__MACOSX/</c> noise excluded).</param>
/// <param name="TotalBytes">The total uncompressed size of the files.</param>
/// <param name="ExternalHosts">Other hosts the content refers to, ordered by host, each with every reference.</param>
/// <param name="LearnerDataRead">Reads of learner identity from the run-time API, in file and line order.</param>
/// <param name="Findings">Every finding, in a stable order (package, manifest, files, content).</param>
public sealed record ScormAuditReport(
    ScormManifest? Manifest,
    int FileCount,
    long TotalBytes,
    ImmutableArray<ScormExternalHost> ExternalHosts,
    ImmutableArray<ScormLearnerDataRead> LearnerDataRead,
    ImmutableArray<Finding> Findings)
{
    /// <summary>Gets a value indicating whether the audit found no Error.</summary>
    public bool IsValid => !Findings.Any(f => f.IsError);

    /// <summary>Gets a value indicating whether the package was refused as hostile (zip-slip, bomb, oversize, DTD) and not scanned.</summary>
    public bool Refused => Findings.Any(f => f.Code.StartsWith("scorm.package.zip.", StringComparison.Ordinal) && f.IsError)
        || Findings.Any(f => f.Code == ScormRules.ManifestDtd.Code);
}

/// <summary>One external host and where the content refers to it.</summary>
/// <param name="Host">The host name, lower case, without port.</param>
/// <param name="References">Each reference, in file and line order.</param>
public sealed record ScormExternalHost(string Host, ImmutableArray<ScormHostReference> References)
{
    /// <summary>Gets a value indicating whether some reference is contacted without a click (anything but <see cref="ScormReferenceKind.Link"/>).</summary>
    public bool LoadsAutomatically => References.Any(r => r.Kind != ScormReferenceKind.Link);
}

/// <summary>One place where content refers to another host.</summary>
/// <param name="File">The file, relative to the package root.</param>
/// <param name="Line">The 1-based line.</param>
/// <param name="Kind">How the host is contacted.</param>
public sealed record ScormHostReference(string File, int Line, ScormReferenceKind Kind);

/// <summary>A read of a personal data-model element by the content.</summary>
/// <param name="Element">The element, such as <c>cmi.learner_name</c>.</param>
/// <param name="Category">The element's data category.</param>
/// <param name="File">The file, relative to the package root.</param>
/// <param name="Line">The 1-based line.</param>
public sealed record ScormLearnerDataRead(string Element, DataCategory Category, string File, int Line);

/// <summary>How content contacts another host.</summary>
public enum ScormReferenceKind
{
    /// <summary>A URL in code or configuration whose use is not evident (often passed to a request later).</summary>
    Reference = 0,

    /// <summary><c>&lt;script src&gt;</c> or an import: code from the host runs in the SCO.</summary>
    Script,

    /// <summary>A stylesheet (<c>&lt;link rel=stylesheet&gt;</c>, CSS <c>@import</c>, <c>url()</c>).</summary>
    Style,

    /// <summary>A web font (font hosts, <c>.woff</c>/<c>.ttf</c> files).</summary>
    Font,

    /// <summary>An image, including tracking pixels (<c>&lt;img&gt;</c>, <c>new Image().src</c>).</summary>
    Image,

    /// <summary>An embedded frame or object (<c>&lt;iframe&gt;</c>, <c>&lt;embed&gt;</c>, <c>&lt;object&gt;</c>).</summary>
    Frame,

    /// <summary>Audio or video (<c>&lt;video&gt;</c>, <c>&lt;audio&gt;</c>, <c>&lt;source&gt;</c>).</summary>
    Media,

    /// <summary><c>XMLHttpRequest</c> or a library's ajax call.</summary>
    Xhr,

    /// <summary><c>fetch()</c>.</summary>
    Fetch,

    /// <summary><c>navigator.sendBeacon()</c>.</summary>
    Beacon,

    /// <summary>A WebSocket (<c>ws:</c>/<c>wss:</c>).</summary>
    WebSocket,

    /// <summary>A form posting to the host.</summary>
    Form,

    /// <summary>An xAPI/LRS endpoint or similar configured service URL.</summary>
    Endpoint,

    /// <summary>A hyperlink the learner must click (<c>&lt;a href&gt;</c>, <c>window.open</c>).</summary>
    Link,
}

/// <summary>Wire names of <see cref="ScormReferenceKind"/>.</summary>
public static class ScormReferenceKinds
{
    /// <summary>Returns the lower-case wire name, such as <c>script</c> or <c>websocket</c>.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The wire name.</returns>
    public static string ToCode(this ScormReferenceKind kind) => kind switch
    {
        ScormReferenceKind.Reference => "reference",
        ScormReferenceKind.Script => "script",
        ScormReferenceKind.Style => "style",
        ScormReferenceKind.Font => "font",
        ScormReferenceKind.Image => "image",
        ScormReferenceKind.Frame => "iframe",
        ScormReferenceKind.Media => "media",
        ScormReferenceKind.Xhr => "xhr",
        ScormReferenceKind.Fetch => "fetch",
        ScormReferenceKind.Beacon => "beacon",
        ScormReferenceKind.WebSocket => "websocket",
        ScormReferenceKind.Form => "form",
        ScormReferenceKind.Endpoint => "endpoint",
        ScormReferenceKind.Link => "link",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown reference kind."),
    };

    /// <summary>Gets a value indicating whether the kind sends a request that can carry data (not just fetch code or styles).</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>Whether the kind is a data sink.</returns>
    public static bool IsDataSink(this ScormReferenceKind kind) =>
        kind is ScormReferenceKind.Xhr or ScormReferenceKind.Fetch or ScormReferenceKind.Beacon or ScormReferenceKind.WebSocket
            or ScormReferenceKind.Form or ScormReferenceKind.Endpoint or ScormReferenceKind.Image or ScormReferenceKind.Reference;
}
