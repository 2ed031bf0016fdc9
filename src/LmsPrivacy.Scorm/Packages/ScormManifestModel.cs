using System.Collections.Immutable;

namespace LmsPrivacy.Scorm.Packages;

/// <summary>The parts of <c>imsmanifest.xml</c> an audit needs.</summary>
/// <param name="Identifier">The manifest's identifier attribute.</param>
/// <param name="Version">The detected SCORM version, or <see langword="null"/> when it cannot be told.</param>
/// <param name="SchemaVersion">The <c>&lt;schemaversion&gt;</c> text (<c>1.2</c>, <c>CAM 1.3</c>, <c>2004 4th Edition</c>…), when present.</param>
/// <param name="DefaultOrganization">The <c>organizations/@default</c> identifier, when present.</param>
/// <param name="Organizations">The organizations, in document order.</param>
/// <param name="Resources">The resources, in document order.</param>
public sealed record ScormManifest(
    string? Identifier,
    ScormVersion? Version,
    string? SchemaVersion,
    string? DefaultOrganization,
    ImmutableArray<ScormOrganization> Organizations,
    ImmutableArray<ScormResource> Resources)
{
    /// <summary>Gets the resources that are SCOs (<c>adlcp:scormType="sco"</c>).</summary>
    public IEnumerable<ScormResource> Scos => Resources.Where(r => r.IsSco);
}

/// <summary>One organization (a tree of items).</summary>
/// <param name="Identifier">The identifier.</param>
/// <param name="Title">The title.</param>
/// <param name="Items">The top-level items.</param>
public sealed record ScormOrganization(string? Identifier, string? Title, ImmutableArray<ScormItem> Items);

/// <summary>One item of an organization.</summary>
/// <param name="Identifier">The identifier.</param>
/// <param name="IdentifierRef">The resource it launches, when it is a leaf.</param>
/// <param name="Title">The title.</param>
/// <param name="Parameters">The launch parameters (<c>@parameters</c>), when present.</param>
/// <param name="Children">Nested items.</param>
public sealed record ScormItem(string? Identifier, string? IdentifierRef, string? Title, string? Parameters, ImmutableArray<ScormItem> Children);

/// <summary>One resource: a SCO, an asset, or a bundle of shared files.</summary>
/// <param name="Identifier">The identifier.</param>
/// <param name="ScormType">The <c>adlcp:scormType</c> (2004) or <c>adlcp:scormtype</c> (1.2) value, lower case, when present.</param>
/// <param name="Href">The <c>@href</c> as written, when present.</param>
/// <param name="LaunchPath">The href resolved against the <c>xml:base</c> chain, relative to the package root (or the absolute URL).</param>
/// <param name="Files">The <c>file/@href</c> values resolved against the <c>xml:base</c> chain.</param>
/// <param name="Dependencies">The identifiers of the resources this one depends on.</param>
public sealed record ScormResource(
    string? Identifier,
    string? ScormType,
    string? Href,
    string? LaunchPath,
    ImmutableArray<string> Files,
    ImmutableArray<string> Dependencies)
{
    /// <summary>Gets a value indicating whether the resource is a SCO (it talks to the run-time API).</summary>
    public bool IsSco => string.Equals(ScormType, "sco", StringComparison.Ordinal);
}
