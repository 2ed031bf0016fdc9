using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Xml;
using System.Xml.Linq;
using LmsPrivacy.Findings;

namespace LmsPrivacy.Scorm.Packages;

/// <summary>
/// Parses <c>imsmanifest.xml</c> of SCORM 1.2 and 2004 packages safely: DTDs are prohibited, no resolver is used
/// (no external entities, no schema fetching), and the size is capped. Hrefs are resolved against the <c>xml:base</c> chain.
/// </summary>
public static class ScormManifestParser
{
    /// <summary>The manifest's file name at the package root.</summary>
    public const string FileName = "imsmanifest.xml";

    private const string Ns12 = "http://www.imsproject.org/xsd/imscp_rootv1p1p2";
    private const string Ns2004 = "http://www.imsglobal.org/xsd/imscp_v1p1";
    private const string Adlcp12 = "http://www.adlnet.org/xsd/adlcp_rootv1p2";
    private const string Adlcp2004 = "http://www.adlnet.org/xsd/adlcp_v1p3";

    /// <summary>Parses a manifest.</summary>
    /// <param name="content">The manifest's bytes.</param>
    /// <param name="manifest">The manifest, when it could be read.</param>
    /// <param name="findings">Problems found (DTD, malformed XML, unresolved references, escaping or external hrefs, unknown version).</param>
    /// <returns>Whether a manifest could be read (findings may still hold errors).</returns>
    public static bool TryParse(ReadOnlySpan<byte> content, [NotNullWhen(true)] out ScormManifest? manifest, out ImmutableArray<Finding> findings)
    {
        var list = new List<Finding>();
        manifest = Parse(content, list);
        findings = [.. list];
        return manifest is not null;
    }

    /// <summary>Parses a manifest, throwing when it cannot be read.</summary>
    /// <param name="content">The manifest's bytes.</param>
    /// <returns>The manifest.</returns>
    /// <exception cref="FormatException">The manifest declares a DTD or is not well-formed XML.</exception>
    public static ScormManifest Parse(ReadOnlySpan<byte> content)
    {
        var list = new List<Finding>();
        return Parse(content, list) ?? throw new FormatException(list.FirstOrDefault()?.Message ?? "The manifest cannot be read.");
    }

    internal static ScormManifest? Parse(ReadOnlySpan<byte> content, List<Finding> findings)
    {
        if (content.IndexOf("<!DOCTYPE"u8) >= 0 || content.IndexOf("<!doctype"u8) >= 0 || content.IndexOf("<!ENTITY"u8) >= 0)
        {
            findings.Add(ScormRules.ManifestDtd.At(FileName, "The manifest declares a DTD or entities; it was not parsed."));
            return null;
        }

        XDocument document;
        try
        {
            var settings = new XmlReaderSettings
            {
                DtdProcessing = DtdProcessing.Prohibit,
                XmlResolver = null,
                IgnoreComments = true,
                IgnoreProcessingInstructions = true,
                MaxCharactersFromEntities = 0,
                CloseInput = true,
            };
            using var stream = new MemoryStream(content.ToArray(), writable: false);
            using var reader = XmlReader.Create(stream, settings);
            document = XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException ex)
        {
            var rule = ex.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase) ? ScormRules.ManifestDtd : ScormRules.ManifestMalformed;
            findings.Add(rule.At(FileName, $"The manifest is not well-formed XML (line {ex.LineNumber})."));
            return null;
        }

        var root = document.Root;
        if (root is null || root.Name.LocalName != "manifest")
        {
            findings.Add(ScormRules.ManifestMalformed.At(FileName, "The root element is not <manifest>."));
            return null;
        }

        var ns = root.Name.Namespace;
        var schemaVersion = root.Element(ns + "metadata")?.Element(ns + "schemaversion")?.Value.Trim();
        var version = DetectVersion(root, schemaVersion);
        if (version is null)
        {
            findings.Add(ScormRules.VersionUnknown.At(FileName, "Neither the namespaces nor <schemaversion> name SCORM 1.2 or 2004."));
        }

        var organizationsElement = root.Element(ns + "organizations");
        var organizations = organizationsElement?.Elements(ns + "organization").Select(o => new ScormOrganization(
            Attr(o, "identifier"), o.Element(ns + "title")?.Value.Trim(), Items(o, ns))).ToImmutableArray() ?? [];

        var rootBase = Base(root);
        var resourcesElement = root.Element(ns + "resources");
        var resourcesBase = Combine(rootBase, Base(resourcesElement));
        var resources = ImmutableArray.CreateBuilder<ScormResource>();
        foreach (var r in resourcesElement?.Elements(ns + "resource") ?? [])
        {
            var id = Attr(r, "identifier");
            var basePath = Combine(resourcesBase, Base(r));
            var href = Attr(r, "href");
            string? launch = null;
            if (href is not null)
            {
                launch = Resolve(basePath, href, id, findings);
            }

            var files = ImmutableArray.CreateBuilder<string>();
            foreach (var f in r.Elements(ns + "file"))
            {
                if (Attr(f, "href") is { } fileHref && Resolve(Combine(basePath, Base(f)), fileHref, id, findings) is { } path && !IsAbsoluteUrl(path))
                {
                    files.Add(path);
                }
            }

            var scormType = r.Attributes().FirstOrDefault(a => string.Equals(a.Name.LocalName, "scormtype", StringComparison.OrdinalIgnoreCase))?.Value.Trim().ToLowerInvariant();
            resources.Add(new ScormResource(id, scormType, href, launch, files.ToImmutable(),
                [.. r.Elements(ns + "dependency").Select(d => Attr(d, "identifierref")).OfType<string>()]));
        }

        var manifest = new ScormManifest(Attr(root, "identifier"), version, schemaVersion, Attr(organizationsElement, "default"), organizations, resources.ToImmutable());
        CheckReferences(manifest, findings);
        return manifest;
    }

    /// <summary>Resolves an href against a base path; reports absolute URLs and paths escaping the root.</summary>
    internal static string? Resolve(string basePath, string href, string? owner, List<Finding> findings)
    {
        var where = owner is null ? FileName : $"{FileName}#{owner}";
        href = href.Trim();
        if (IsAbsoluteUrl(href) || href.StartsWith("//", StringComparison.Ordinal))
        {
            findings.Add(ScormRules.HrefExternal.At(where, "The resource is served from another host, outside the package."));
            return href;
        }

        if (IsAbsoluteUrl(basePath) || basePath.StartsWith("//", StringComparison.Ordinal))
        {
            findings.Add(ScormRules.HrefExternal.At(where, "The xml:base is an absolute URL: the resource is served from another host."));
            return basePath + href;
        }

        var cut = href.IndexOfAny(['?', '#']);
        var path = cut < 0 ? href : href[..cut];
        var normalized = NormalizeRelative(Combine(basePath, Uri.UnescapeDataString(path)));
        if (normalized is null)
        {
            findings.Add(ScormRules.HrefEscapes.At(where, "The href climbs above the package root or is absolute."));
        }

        return normalized;
    }

    /// <summary>Normalizes a relative path ('/' separators, no '.', '..' folded); null when it escapes the root or is rooted.</summary>
    internal static string? NormalizeRelative(string path)
    {
        path = path.Replace('\\', '/');
        if (path.StartsWith('/') || (path.Length >= 2 && path[1] == ':') || path.Contains('\0', StringComparison.Ordinal))
        {
            return null;
        }

        var parts = new List<string>();
        foreach (var segment in path.Split('/'))
        {
            switch (segment)
            {
                case "" or ".":
                    continue;
                case "..":
                    if (parts.Count == 0)
                    {
                        return null;
                    }

                    parts.RemoveAt(parts.Count - 1);
                    break;
                default:
                    parts.Add(segment);
                    break;
            }
        }

        return parts.Count == 0 ? null : string.Join('/', parts);
    }

    internal static bool IsAbsoluteUrl(string text)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon < 2)
        {
            return false;
        }

        for (var i = 0; i < colon; i++)
        {
            if (!(char.IsAsciiLetterOrDigit(text[i]) || text[i] is '+' or '-' or '.'))
            {
                return false;
            }
        }

        return char.IsAsciiLetter(text[0]);
    }

    private static ScormVersion? DetectVersion(XElement root, string? schemaVersion)
    {
        var namespaces = root.DescendantsAndSelf().Take(2000).SelectMany(e => e.Attributes())
            .Where(a => a.IsNamespaceDeclaration).Select(a => a.Value).Append(root.Name.NamespaceName).ToHashSet(StringComparer.Ordinal);
        if (namespaces.Contains(Adlcp2004))
        {
            return ScormVersion.Scorm2004;
        }

        if (namespaces.Contains(Adlcp12))
        {
            return ScormVersion.Scorm12;
        }

        if (schemaVersion is not null)
        {
            if (schemaVersion == "1.2")
            {
                return ScormVersion.Scorm12;
            }

            if (schemaVersion.StartsWith("2004", StringComparison.Ordinal) || schemaVersion.StartsWith("CAM 1.3", StringComparison.Ordinal))
            {
                return ScormVersion.Scorm2004;
            }
        }

        return root.Name.NamespaceName switch
        {
            Ns12 => ScormVersion.Scorm12,
            Ns2004 => ScormVersion.Scorm2004,
            _ => null,
        };
    }

    private static ImmutableArray<ScormItem> Items(XElement parent, XNamespace ns) =>
        [.. parent.Elements(ns + "item").Select(i => new ScormItem(
            Attr(i, "identifier"), Attr(i, "identifierref"), i.Element(ns + "title")?.Value.Trim(), Attr(i, "parameters"), Items(i, ns)))];

    private static void CheckReferences(ScormManifest manifest, List<Finding> findings)
    {
        var ids = manifest.Resources.Select(r => r.Identifier).OfType<string>().ToHashSet(StringComparer.Ordinal);
        foreach (var item in manifest.Organizations.SelectMany(o => Flatten(o.Items)))
        {
            if (item.IdentifierRef is { } reference && !ids.Contains(reference))
            {
                findings.Add(ScormRules.ReferenceUnresolved.At($"{FileName}#{item.Identifier}", "The item's identifierref names no resource."));
            }
        }

        foreach (var resource in manifest.Resources)
        {
            foreach (var dependency in resource.Dependencies.Where(d => !ids.Contains(d)))
            {
                findings.Add(ScormRules.ReferenceUnresolved.At($"{FileName}#{resource.Identifier}", "A dependency's identifierref names no resource."));
            }
        }
    }

    internal static IEnumerable<ScormItem> Flatten(IEnumerable<ScormItem> items) => items.SelectMany(i => Flatten(i.Children).Prepend(i));

    private static string? Attr(XElement? element, string localName) =>
        element?.Attributes().FirstOrDefault(a => a.Name.LocalName == localName && a.Name.Namespace == XNamespace.None)?.Value;

    private static string Base(XElement? element) => element?.Attribute(XNamespace.Xml + "base")?.Value.Trim() ?? string.Empty;

    private static string Combine(string basePath, string relative)
    {
        if (relative.Length == 0)
        {
            return basePath;
        }

        if (basePath.Length == 0 || IsAbsoluteUrl(relative) || relative.StartsWith('/'))
        {
            return relative;
        }

        return basePath.EndsWith('/') ? basePath + relative : basePath + "/" + relative;
    }
}
