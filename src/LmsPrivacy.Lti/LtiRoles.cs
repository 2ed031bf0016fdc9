namespace LmsPrivacy.Lti;

/// <summary>LTI role vocabularies (LTI Core 1.3 §A.2): recognition of vocabulary roles and normalization of short names.</summary>
public static class LtiRoles
{
    /// <summary>The context (membership) role vocabulary prefix.</summary>
    public const string MembershipPrefix = "http://purl.imsglobal.org/vocab/lis/v2/membership#";

    /// <summary>The context sub-role vocabulary prefix (<c>membership/Instructor#TeachingAssistant</c>).</summary>
    public const string MembershipSubRolePrefix = "http://purl.imsglobal.org/vocab/lis/v2/membership/";

    /// <summary>The system role vocabulary prefix.</summary>
    public const string SystemPrefix = "http://purl.imsglobal.org/vocab/lis/v2/system/person#";

    /// <summary>The institution role vocabulary prefix.</summary>
    public const string InstitutionPrefix = "http://purl.imsglobal.org/vocab/lis/v2/institution/person#";

    /// <summary>The LTI system role vocabulary prefix (<c>TestUser</c>).</summary>
    public const string LtiSystemPrefix = "http://purl.imsglobal.org/vocab/lti/system/person#";

    private static readonly string[] ContextRoles =
        ["Administrator", "ContentDeveloper", "Instructor", "Learner", "Mentor", "Manager", "Member", "Officer"];

    private static readonly string[] Prefixes = [MembershipPrefix, MembershipSubRolePrefix, SystemPrefix, InstitutionPrefix, LtiSystemPrefix];

    /// <summary>Returns whether a role is a deprecated short context role name such as <c>Learner</c> (LTI Core 1.3 §A.2.2).</summary>
    /// <param name="role">The role.</param>
    /// <returns><see langword="true"/> for the eight short context role names (case-sensitive).</returns>
    public static bool IsShortName(string role)
    {
        ArgumentNullException.ThrowIfNull(role);
        return Array.IndexOf(ContextRoles, role) >= 0;
    }

    /// <summary>Normalizes a role: a short context role name becomes its full membership URI; other roles are unchanged.</summary>
    /// <param name="role">The role.</param>
    /// <returns>The full role URI, or <paramref name="role"/> itself.</returns>
    public static string Normalize(string role) => IsShortName(role) ? MembershipPrefix + role : role;

    /// <summary>Returns whether a role (after <see cref="Normalize"/>) belongs to one of the LTI role vocabularies.</summary>
    /// <param name="role">The role.</param>
    /// <returns><see langword="true"/> for system, institution, context and context sub-roles.</returns>
    public static bool IsVocabularyRole(string role)
    {
        var normalized = Normalize(role);
        foreach (var prefix in Prefixes)
        {
            if (normalized.Length > prefix.Length && normalized.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Returns whether a role is the Mentor context role or one of its sub-roles.</summary>
    /// <param name="role">The role.</param>
    /// <returns><see langword="true"/> for <c>…/membership#Mentor</c>, <c>Mentor</c> and <c>…/membership/Mentor#…</c>.</returns>
    public static bool IsMentor(string role)
    {
        var normalized = Normalize(role);
        return string.Equals(normalized, LtiClaimNames.MentorRole, StringComparison.Ordinal)
            || normalized.StartsWith(MembershipSubRolePrefix + "Mentor#", StringComparison.Ordinal);
    }

    // Span forms of the checks above for the validator's hot path; they agree with the string forms.
    internal static bool IsShortName(ReadOnlySpan<char> role)
    {
        foreach (var name in ContextRoles)
        {
            if (role.SequenceEqual(name))
            {
                return true;
            }
        }

        return false;
    }

    internal static bool IsVocabularyRole(ReadOnlySpan<char> role)
    {
        if (IsShortName(role))
        {
            return true;
        }

        foreach (var prefix in Prefixes)
        {
            if (role.Length > prefix.Length && role.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    internal static bool IsMentor(ReadOnlySpan<char> role) =>
        role.SequenceEqual("Mentor")
        || role.SequenceEqual(LtiClaimNames.MentorRole)
        || role.StartsWith(MembershipSubRolePrefix + "Mentor#", StringComparison.Ordinal);

    /// <summary>What the validator needs to know of a role, read from its UTF-8 form without transcoding.</summary>
    /// <remarks>Agrees with <see cref="IsShortName(string)"/>, <see cref="IsVocabularyRole(string)"/> and <see cref="IsMentor(string)"/>.</remarks>
    internal static RoleTraits Traits(ReadOnlySpan<byte> role)
    {
        foreach (var name in Utf8.ContextRoles)
        {
            if (role.SequenceEqual(name))
            {
                return RoleTraits.ShortName | RoleTraits.Vocabulary | (role.SequenceEqual("Mentor"u8) ? RoleTraits.Mentor : RoleTraits.None);
            }
        }

        var traits = RoleTraits.None;
        foreach (var prefix in Utf8.Prefixes)
        {
            if (role.Length > prefix.Length && role.StartsWith(prefix))
            {
                traits = RoleTraits.Vocabulary;
                break;
            }
        }

        if (role.SequenceEqual(Utf8.MentorRole) || role.StartsWith(Utf8.MentorSubRolePrefix))
        {
            traits |= RoleTraits.Mentor;
        }

        return traits;
    }

    // The UTF-8 forms of the vocabulary above, made from the same strings.
    private static class Utf8
    {
        public static readonly byte[][] ContextRoles = [.. LtiRoles.ContextRoles.Select(System.Text.Encoding.UTF8.GetBytes)];
        public static readonly byte[][] Prefixes = [.. LtiRoles.Prefixes.Select(System.Text.Encoding.UTF8.GetBytes)];
        public static readonly byte[] MentorRole = System.Text.Encoding.UTF8.GetBytes(LtiClaimNames.MentorRole);
        public static readonly byte[] MentorSubRolePrefix = System.Text.Encoding.UTF8.GetBytes(MembershipSubRolePrefix + "Mentor#");
    }
}

/// <summary>What a role string is, for the validator.</summary>
[Flags]
internal enum RoleTraits
{
    None = 0,
    ShortName = 1,
    Vocabulary = 2,
    Mentor = 4,
}
